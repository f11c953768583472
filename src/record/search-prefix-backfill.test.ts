import { Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrationsBefore } from '../platform/db/migrate.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { parseSearchRequest, search } from './search-store.js';

const BEFORE = migrationsBefore('0019-search-speed');

const ask = (q: string, more: Record<string, string> = {}) =>
  parseSearchRequest((n) => (n === 'q' ? [q] : n in more ? [more[n] as string] : undefined));
const keys = (page: Awaited<ReturnType<typeof search>>) => page.items.map((h) => `${h.type}:${h.id}`).sort();

describeEachDatabase(
  'migration 0019 on a record already searchable',
  (t) => {
    it('keeps every stored row findable, by short prefixes too, and the index in step after it', async () => {
      const old = new Migrator({ db: t.db, provider: { getMigrations: async () => BEFORE } });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      const at = '2021-01-01T00:00:00.000Z';
      const stored = async (title: string, text: string, said: string) => {
        const incident = await t.db
          .insertInto('incidents')
          .values({
            public_id: `00000000-0000-4000-8000-${String(title.length).padStart(12, '0')}`,
            kind: 'shelling',
            acled_event_type: 'Explosions/Remote violence',
            acled_sub_event_type: 'Shelling/artillery/missile attack',
            title,
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
        const source = await t.db
          .insertInto('sources')
          .values({
            title: `News of ${title}`,
            retrieved_at: at,
            raw: new TextEncoder().encode(text),
            raw_sha256: `raw-${title}`,
            clean_text: text,
            clean_sha256: `clean-${title}`,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const report = await t.db
          .insertInto('reports')
          .values({ source_id: source.id, kind: 'event', payload: '{}', created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.db
          .insertInto('incident_reports')
          .values({ incident_id: incident.id, report_id: report.id, linked_at: at })
          .execute();
        const statement = await t.db
          .insertInto('statements')
          .values({
            report_id: report.id,
            source_id: source.id,
            speaker_name: 'A farmer',
            direct: 1,
            text: said,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return [`incident:${incident.id}`, `source:${source.id}`, `statement:${statement.id}`].sort();
      };
      const before = await stored(
        'Orchard shelled before the thaw',
        'Farmers counted craters across the orchard at first light.',
        'The orchard is ruined.',
      );

      const outcome = await migrateToLatest(t.db);
      expect(outcome.error).toBeNull();
      expect(outcome.applied).toContain('0019-search-speed');
      if (t.name === 'sqlite') {
        const tables = await sql<{
          sql: string;
        }>`select sql from sqlite_master where name like 'search_%' and sql like 'create virtual table%'`.execute(
          t.db,
        );
        expect(tables.rows).toHaveLength(3);
        for (const table of tables.rows) expect(table.sql).toContain("prefix='2 3 4'");
      }
      // Prefixes of 2, 3 and 4 characters and whole words; filters listed first as well.
      for (const q of ['or*', 'orc*', 'orch*', 'orchard'])
        expect(keys(await search(t.db, ask(q), { kind: 'published' }))).toEqual(before);
      expect(keys(await search(t.db, ask('or*', { kind: 'shelling' }), { kind: 'published' }))).toEqual(
        before,
      );

      const after = await stored(
        'Vineyard struck',
        'Craters across the vineyard rows.',
        'The vines are burnt.',
      );
      expect(keys(await search(t.db, ask('vi*'), { kind: 'published' }))).toEqual(after);
      expect(keys(await search(t.db, ask('craters'), { kind: 'all' }))).toEqual(
        [...before, ...after].filter((k) => k.startsWith('source')).sort(),
      );
    });
  },
  { migrated: false },
);
