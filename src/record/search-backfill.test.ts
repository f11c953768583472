import { Migrator, type Migration } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../platform/db/migrate.js';
import * as m0001 from '../platform/db/migrations/0001-record.js';
import * as m0002 from '../platform/db/migrations/0002-agreement.js';
import * as m0003 from '../platform/db/migrations/0003-workflow.js';
import * as m0004 from '../platform/db/migrations/0004-exchange.js';
import * as m0005 from '../platform/db/migrations/0005-accounts.js';
import * as m0006 from '../platform/db/migrations/0006-exchange-indexes.js';
import * as m0007 from '../platform/db/migrations/0007-incident-parties.js';
import * as m0008 from '../platform/db/migrations/0008-credentials.js';
import * as m0009 from '../platform/db/migrations/0009-acled-fields.js';
import * as m0010 from '../platform/db/migrations/0010-duplicate-suggestions.js';
import * as m0011 from '../platform/db/migrations/0011-audit-tree.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { parseSearchRequest, search } from './search-store.js';

const BEFORE_SEARCH: Record<string, Migration> = {
  '0001-record': m0001,
  '0002-agreement': m0002,
  '0003-workflow': m0003,
  '0004-exchange': m0004,
  '0005-accounts': m0005,
  '0006-exchange-indexes': m0006,
  '0007-incident-parties': m0007,
  '0008-credentials': m0008,
  '0009-acled-fields': m0009,
  '0010-duplicate-suggestions': m0010,
  '0011-audit-tree': m0011,
};

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
