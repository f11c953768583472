import type { Kysely, Transaction } from 'kysely';
import { auditedIn } from '../../../audit/audit-store.js';
import { systemActor } from '../../../audit/actor.js';
import { incidentPartyCodes, partyCodeOf } from '../../../record/parties.js';
import { activeTheatre } from '../../../theatre/active.js';
import type { Theatre } from '../../../theatre/theatre.js';
import { addIdColumn } from '../dialect.js';
import type { Database } from '../schema.js';

const PAGE = 500;

/**
 * Parties as codes: `incident_parties` holds the codes each incident names (an audited table).
 * Existing incidents are filled in from their actor names and their event reports with the
 * theatre in force, and liaisons bound to a party by name are bound to its code; every row
 * written goes through the audit chain, in the same transaction as the new table. (Unlike other
 * migrations this one reads application code: what a name means is the theatre's to say.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const run = async (trx: Transaction<unknown>) => {
    await addIdColumn(trx, trx.schema.createTable('incident_parties'))
      .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
      .addColumn('party', 'text', (c) => c.notNull())
      .addUniqueConstraint('incident_parties_unique', ['incident_id', 'party'])
      .execute();
    await trx.schema.createIndex('incident_parties_party').on('incident_parties').column('party').execute();
    await backfill(trx as unknown as Transaction<Database>, activeTheatre());
  };
  // Already atomic: PostgreSQL runs migrations in the migrator's transaction, SQLite inside the
  // write lock `migrateToLatest` holds for the whole run; a nested transaction would fail there.
  await run(db as Transaction<unknown>);
}

async function backfill(trx: Transaction<Database>, theatre: Theatre): Promise<void> {
  const context = { actor: systemActor('migrate'), reason: 'parties as codes (migration 0007)' };
  const liaisons = await trx
    .selectFrom('users')
    .select(['id', 'party'])
    .where('role', '=', 'liaison')
    .where('party', 'is not', null)
    .execute();
  const renamed = liaisons.flatMap((u) => {
    const code = partyCodeOf(theatre, u.party ?? '');
    return code && code !== u.party ? [{ id: u.id, party: code }] : [];
  });
  let after = 0;
  for (;;) {
    const incidents = await trx
      .selectFrom('incidents')
      .select(['id', 'actor1', 'actor2'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (incidents.length === 0 && renamed.length === 0) return;
    const ids = incidents.map((i) => i.id);
    const reports = ids.length
      ? await trx
          .selectFrom('incident_reports as l')
          .innerJoin('reports as r', 'r.id', 'l.report_id')
          .select(['l.incident_id', 'r.payload'])
          .where('l.incident_id', 'in', ids)
          .where('r.kind', '=', 'event')
          .execute()
      : [];
    await auditedIn(trx, context, async (writer) => {
      for (const user of renamed.splice(0)) await writer.update('users', user.id, { party: user.party });
      for (const i of incidents) {
        const payloads = reports.filter((r) => r.incident_id === i.id).map((r) => r.payload);
        for (const party of incidentPartyCodes(theatre, [i.actor1, i.actor2], payloads))
          await writer.insert('incident_parties', { incident_id: i.id, party });
      }
    });
    if (incidents.length < PAGE) return;
    after = ids[ids.length - 1] ?? after;
  }
}
