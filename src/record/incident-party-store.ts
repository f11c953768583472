import type { RecordWriter } from '../audit/audit-store.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { incidentPartyCodes } from './parties.js';

/**
 * Brings an incident's `incident_parties` rows in line with the codes its actors and its event
 * reports name (rows added and removed through the writer, so audited). Called whenever an
 * incident is opened, a report joins or leaves it, or incidents are merged or split.
 *
 * @example await syncIncidentParties(writer, incidentId) // ['UG', 'KE']
 */
export async function syncIncidentParties(
  writer: RecordWriter,
  incidentId: number,
  theatre: Theatre = activeTheatre(),
): Promise<string[]> {
  const { trx } = writer;
  const [incident, reports, stored] = await Promise.all([
    trx
      .selectFrom('incidents')
      .select(['actor1', 'actor2'])
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('incident_reports as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .select('r.payload')
      .where('l.incident_id', '=', incidentId)
      .where('r.kind', '=', 'event')
      .orderBy('r.id')
      .execute(),
    trx
      .selectFrom('incident_parties')
      .select(['id', 'party'])
      .where('incident_id', '=', incidentId)
      .execute(),
  ]);
  const wanted = incidentPartyCodes(
    theatre,
    [incident.actor1, incident.actor2],
    reports.map((r) => r.payload),
  );
  for (const row of stored)
    if (!wanted.includes(row.party))
      await writer.remove('incident_parties', row.id, { reason: 'party no longer named' });
  for (const party of wanted)
    if (!stored.some((row) => row.party === party))
      await writer.insert('incident_parties', { incident_id: incidentId, party });
  return wanted;
}

/**
 * The stored party codes of each of the given incidents.
 *
 * @example (await partiesByIncident(writer.trx, [4, 7])).get(4) // ['UG', 'KE']
 */
export async function partiesByIncident(
  trx: RecordWriter['trx'],
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await trx
    .selectFrom('incident_parties')
    .select(['incident_id', 'party'])
    .where('incident_id', 'in', [...ids])
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.incident_id, [...(out.get(r.incident_id) ?? []), r.party]);
  return out;
}
