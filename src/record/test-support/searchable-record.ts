import { Migrator } from 'kysely';
import type { Db } from '../../platform/db/dialect.js';
import { migrationsBefore } from '../../platform/db/migrate.js';
import { parseSearchRequest, type search } from '../search-store.js';

/**
 * The setup of the tests of a migration that reindexes search: the record migrated to just before
 * it, and rows stored straight into the tables (an incident, its source, a report linking them and
 * a statement), as a record of that time held them.
 */

/** Migrates `db` up to, not including, the migration named `name`. */
export async function migrateBefore(db: Db, name: string): Promise<void> {
  const old = new Migrator({ db, provider: { getMigrations: async () => migrationsBefore(name) } });
  const { error } = await old.migrateToLatest();
  if (error) throw error;
}

/** A search request for `q`, with the other query parameters in `more`. */
export const ask = (q: string, more: Readonly<Record<string, string>> = {}) =>
  parseSearchRequest((n) => (n === 'q' ? [q] : n in more ? [more[n] as string] : undefined));

/** The hits of a page as `type:id`, sorted. */
export const hitKeys = (page: Awaited<ReturnType<typeof search>>): string[] =>
  page.items.map((h) => `${h.type}:${h.id}`).sort();

export interface StoredRows {
  readonly title: string;
  readonly sourceTitle: string;
  readonly text: string;
  readonly said: string;
  /** Makes the incident's public id unique among those a test stores. */
  readonly n: number;
}

/** Stores the rows straight into the tables; answers their hits' keys (`type:id`), sorted. */
export async function storeSearchable(db: Db, rows: StoredRows): Promise<string[]> {
  const at = '2021-01-01T00:00:00.000Z';
  const incident = await db
    .insertInto('incidents')
    .values({
      public_id: `00000000-0000-4000-8000-${String(rows.n).padStart(12, '0')}`,
      kind: 'shelling',
      acled_event_type: 'Explosions/Remote violence',
      acled_sub_event_type: 'Shelling/artillery/missile attack',
      title: rows.title,
      date_start: '2021-01-01',
      date_end: '2021-01-01',
      date_precision: 'day',
      status: 'confirmed',
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const source = await db
    .insertInto('sources')
    .values({
      title: rows.sourceTitle,
      retrieved_at: at,
      raw: new TextEncoder().encode(rows.text),
      raw_sha256: `raw-${rows.n}`,
      clean_text: rows.text,
      clean_sha256: `clean-${rows.n}`,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = await db
    .insertInto('reports')
    .values({ source_id: source.id, kind: 'event', payload: '{}', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('incident_reports')
    .values({ incident_id: incident.id, report_id: report.id, linked_at: at })
    .execute();
  const statement = await db
    .insertInto('statements')
    .values({
      report_id: report.id,
      source_id: source.id,
      speaker_name: 'A farmer',
      direct: 1,
      text: rows.said,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return [`incident:${incident.id}`, `source:${source.id}`, `statement:${statement.id}`].sort();
}
