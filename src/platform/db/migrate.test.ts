import { Migrator, sql, type Migration } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { actorOf } from '../../audit/actor.js';
import { audited } from '../../audit/audit-store.js';
import { verifyAudit } from '../../audit/verify.js';
import { describeEachDatabase } from './test-support/databases.js';
import { migrateToLatest } from './migrate.js';
import * as m0001 from './migrations/0001-record.js';
import * as m0002 from './migrations/0002-agreement.js';
import * as m0003 from './migrations/0003-workflow.js';
import * as m0004 from './migrations/0004-exchange.js';
import * as m0005 from './migrations/0005-accounts.js';
import * as m0006 from './migrations/0006-exchange-indexes.js';
import type { Db } from './dialect.js';

/** The migrations as main listed them before the renumbering (the index migration landed as 0004). */
const BEFORE: Record<string, Migration> = {
  '0001-record': m0001,
  '0002-agreement': m0002,
  '0003-workflow': m0003,
  '0004-exchange': m0004,
  '0004-exchange-indexes': m0006,
  '0005-accounts': m0005,
};
const CURRENT = [
  '0001-record',
  '0002-agreement',
  '0003-workflow',
  '0004-exchange',
  '0005-accounts',
  '0006-exchange-indexes',
  '0007-incident-parties',
  '0008-credentials',
  '0009-acled-fields',
  '0010-duplicate-suggestions',
  '0011-audit-tree',
  '0012-undated-incidents',
  '0013-search',
  '0014-audit-tree-blocks',
  '0016-shared-leases',
  '0018-activity-corrections',
  '0019-search-speed',
  '0021-activity-idempotency',
  '0023-bulk-link-speed',
  '0025-incident-update-order',
  '0026-incident-date-window',
];

async function migrateAsBefore(db: Db, names: readonly string[]): Promise<void> {
  const migrations = Object.fromEntries(names.map((n) => [n, BEFORE[n] as Migration]));
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** A record written before parties were codes: incidents named by actor names, a liaison bound to a name. */
async function seedOldRecord(db: Db) {
  return audited(db, { actor: actorOf({ username: 'old-analyst' }) }, async (w) => {
    const incident = (actor1: string | null, actor2: string | null) =>
      w.insert('incidents', {
        public_id: `old-${actor1 ?? 'none'}`,
        kind: 'shelling',
        acled_event_type: 'Explosions/Remote violence',
        acled_sub_event_type: 'Shelling/artillery/missile attack',
        title: 'Shelling',
        date_start: '2020-10-01',
        date_end: '2020-10-01',
        date_precision: 'day',
        actor1,
        actor2,
        status: 'candidate',
        version: 1,
        created_at: w.at,
        updated_at: w.at,
      });
    const named = await incident('Military Forces of Azerbaijan', 'Armenian army');
    const report = await w.insert('reports', {
      kind: 'event',
      payload: JSON.stringify({ actor1: 'Russian peacekeepers', actor2: null }),
      created_at: w.at,
    });
    await w.insert('incident_reports', { incident_id: named.id, report_id: report.id, linked_at: w.at });
    const unnamed = await incident('unidentified gunmen', null);
    const liaison = await w.insert('users', {
      username: 'old-liaison',
      role: 'liaison',
      party: 'Armenia',
      disabled: 0,
      created_at: w.at,
    });
    return { named: named.id, unnamed: unnamed.id, liaison: liaison.id };
  });
}

function suite(order: 'by name' | 'index migration last') {
  return (t: { db: Db }) => {
    let seeded: Awaited<ReturnType<typeof seedOldRecord>>;
    beforeAll(async () => {
      const names = Object.keys(BEFORE);
      if (order === 'by name') await migrateAsBefore(t.db, names);
      else {
        await migrateAsBefore(
          t.db,
          names.filter((n) => n !== '0004-exchange-indexes'),
        );
        await migrateAsBefore(t.db, names);
      }
      seeded = await seedOldRecord(t.db);
    });

    it('renames 0004-exchange-indexes to 0006 and migrates on, in order, without running it again', async () => {
      const outcome = await migrateToLatest(t.db);
      expect(outcome.error).toBeNull();
      expect(outcome.applied).toEqual([
        '0007-incident-parties',
        '0008-credentials',
        '0009-acled-fields',
        '0010-duplicate-suggestions',
        '0011-audit-tree',
        '0012-undated-incidents',
        '0013-search',
        '0014-audit-tree-blocks',
        '0016-shared-leases',
        '0018-activity-corrections',
        '0019-search-speed',
        '0021-activity-idempotency',
        '0023-bulk-link-speed',
        '0025-incident-update-order',
        '0026-incident-date-window',
      ]);
      const rows = await t.db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect((rows as { name: string }[]).map((r) => r.name).sort()).toEqual(CURRENT);
      expect(await migrateToLatest(t.db)).toMatchObject({ applied: [], error: null });
    });

    it('backfills parties as codes through the audit chain, liaisons included', async () => {
      const parties = await t.db
        .selectFrom('incident_parties')
        .select(['incident_id', 'party'])
        .orderBy('id')
        .execute();
      expect(parties).toEqual([
        { incident_id: seeded.named, party: 'AZ' },
        { incident_id: seeded.named, party: 'AM' },
        { incident_id: seeded.named, party: 'RU' },
      ]);
      const liaison = await t.db
        .selectFrom('users')
        .select('party')
        .where('id', '=', seeded.liaison)
        .executeTakeFirstOrThrow();
      expect(liaison.party).toBe('AM');
      const report = await verifyAudit(t.db);
      expect(report).toMatchObject({ ok: true, problemCount: 0 });
      const backfill = await t.db
        .selectFrom('audit_entries')
        .select('actor')
        .where('entity_type', '=', 'incident_parties')
        .execute();
      expect(new Set(backfill.map((e) => e.actor))).toEqual(new Set(['system:migrate']));
    });

    it('0012: keeps every incident, its links and indexes, and takes an incident with no date', async () => {
      const kept = await t.db
        .selectFrom('incidents')
        .select(['id', 'date_start', 'date_end'])
        .orderBy('id')
        .execute();
      expect(kept).toEqual([
        { id: seeded.named, date_start: '2020-10-01', date_end: '2020-10-01' },
        { id: seeded.unnamed, date_start: '2020-10-01', date_end: '2020-10-01' },
      ]);
      const undated = await audited(t.db, { actor: actorOf({ username: 'analyst' }) }, (w) =>
        w.insert('incidents', {
          public_id: 'undated-after-0012',
          kind: 'shelling',
          acled_event_type: 'Explosions/Remote violence',
          acled_sub_event_type: 'Shelling/artillery/missile attack',
          title: 'Shelling',
          date_start: null,
          date_end: null,
          date_precision: 'unknown',
          status: 'candidate',
          version: 1,
          created_at: w.at,
          updated_at: w.at,
        }),
      );
      // Ids go on from the old table's, and a link to a missing incident is still refused.
      expect(undated.id).toBeGreaterThan(seeded.unnamed);
      await expect(
        audited(t.db, { actor: actorOf({ username: 'analyst' }) }, (w) =>
          w.insert('incident_parties', { incident_id: 999_999, party: 'AZ' }),
        ),
      ).rejects.toThrow();
      const indexes = await sql<{ name: string }>`
        select indexname as name from pg_indexes where tablename = 'incidents'`
        .execute(t.db)
        .catch(() =>
          sql<{ name: string }>`
          select name from sqlite_master where type = 'index' and tbl_name = 'incidents'`.execute(t.db),
        );
      expect(indexes.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining([
          'incidents_date',
          'incidents_kind_date_geo',
          'incidents_geo',
          'incidents_status',
        ]),
      );
      expect(await verifyAudit(t.db)).toMatchObject({ ok: true, problemCount: 0 });
    });
  };
}

describeEachDatabase('migrations renumbered: 0004-exchange-indexes applied by name', suite('by name'), {
  migrated: false,
});
describeEachDatabase(
  'migrations renumbered: 0004-exchange-indexes applied after 0005',
  suite('index migration last'),
  {
    migrated: false,
  },
);
