import { Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrationsBefore } from '../platform/db/migrate.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { parseSearchRequest, search } from './search-store.js';

const BEFORE_SEARCH = migrationsBefore('0013-search');

const ask = (q: string) => parseSearchRequest((n) => (n === 'q' ? [q] : undefined));

describeEachDatabase(
  'migration 0013 on a record that predates search',
  (t) => {
    it('indexes the incidents, sources and statements already stored', async () => {
      const old = new Migrator({ db: t.db, provider: { getMigrations: async () => BEFORE_SEARCH } });
      expect((await old.migrateToLatest()).error).toBeUndefined();
      const at = '2021-01-01T00:00:00.000Z';
      const incident = await t.db
        .insertInto('incidents')
        .values({
          public_id: '00000000-0000-4000-8000-000000000001',
          kind: 'shelling',
          acled_event_type: 'Explosions/Remote violence',
          acled_sub_event_type: 'Shelling/artillery/missile attack',
          title: 'Orchard shelled before the thaw',
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
      const text = 'Farmers counted craters across the orchard at first light.';
      const source = await t.db
        .insertInto('sources')
        .values({
          title: 'Farm news',
          retrieved_at: at,
          raw: new TextEncoder().encode(text),
          raw_sha256: 'raw-orchard',
          clean_text: text,
          clean_sha256: 'clean-orchard',
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
          text: 'The orchard is ruined.',
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const outcome = await migrateToLatest(t.db);
      expect(outcome.error).toBeNull();
      expect(outcome.applied).toContain('0013-search');
      const page = await search(t.db, ask('orchard'), { kind: 'published' });
      expect(page.items.map((h) => `${h.type}:${h.id}`).sort()).toEqual(
        [`incident:${incident.id}`, `source:${source.id}`, `statement:${statement.id}`].sort(),
      );
    });
  },
  { migrated: false },
);
