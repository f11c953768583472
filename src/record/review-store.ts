import { actorOf } from '../audit/actor.js';
import { audited, type RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { forbidden, invalid, notFound } from '../platform/errors.js';
import { syncIncidentParties } from './incident-party-store.js';
import { visibleIncident } from './visibility-store.js';
import {
  checkReview,
  checkReviewer,
  checkVersion,
  RESPONSE_STANCES,
  statusAfterUnmerge,
  type ResponseStance,
} from './review.js';
import { INCIDENT_STATUSES, type IncidentStatus } from './taxonomy.js';
import type { User } from './user-store.js';

async function loadIncident(writer: RecordWriter, id: number) {
  const row = await writer.trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('incident', id);
  return row;
}

const requireReason = (reason: string) => {
  if (reason.trim().length === 0) throw invalid('reason', 'must not be empty');
};

export interface ReviewInput {
  readonly id: number;
  readonly status: string;
  readonly reason: string;
  readonly baseVersion?: number | null;
}

/** Moves an incident along the workflow; refuses a disallowed step, a missing reason or a stale version. */
export async function reviewIncident(
  db: Db,
  user: User,
  input: ReviewInput,
): Promise<{ id: number; status: IncidentStatus; version: number }> {
  const to = INCIDENT_STATUSES.find((s) => s === input.status);
  if (!to)
    throw invalid('status', `must be one of ${INCIDENT_STATUSES.filter((s) => s !== 'merged').join(', ')}`);
  return audited(db, { actor: actorOf(user), reason: input.reason }, async (writer) => {
    const incident = await loadIncident(writer, input.id);
    checkReview({
      from: incident.status as IncidentStatus,
      to,
      role: user.role,
      reason: input.reason,
      baseVersion: input.baseVersion ?? null,
      currentVersion: incident.version,
    });
    const row = await writer.update(
      'incidents',
      input.id,
      { status: to, version: incident.version + 1, updated_at: writer.at },
      { action: `status:${to}` },
    );
    return { id: row.id, status: to, version: row.version };
  });
}

/** Merges incident `from` into `into` by hand: its reports move, and it keeps a pointer for unmerge. */
export async function mergeIncidents(
  db: Db,
  user: User,
  input: { from: number; into: number; reason: string },
): Promise<void> {
  checkReviewer(user.role);
  requireReason(input.reason);
  if (input.from === input.into) throw invalid('into', 'must be another incident');
  await audited(db, { actor: actorOf(user), reason: input.reason }, (writer) =>
    mergeIncidentsIn(writer, input),
  );
}

/** `mergeIncidents` inside a caller's audited transaction (the duplicates queue). */
export async function mergeIncidentsIn(
  writer: RecordWriter,
  input: { from: number; into: number },
): Promise<void> {
  if (input.from === input.into) throw invalid('into', 'must be another incident');
  const from = await loadIncident(writer, input.from);
  const into = await loadIncident(writer, input.into);
  if (from.status === 'merged' || into.status === 'merged')
    throw invalid('status', 'a merged incident cannot be merged again; unmerge it first');
  const links = await writer.trx
    .selectFrom('incident_reports')
    .selectAll()
    .where('incident_id', '=', from.id)
    .execute();
  for (const link of links) {
    await writer.update(
      'incident_reports',
      link.id,
      { incident_id: into.id, origin_incident_id: link.origin_incident_id ?? from.id },
      { action: 'merge' },
    );
  }
  await writer.update(
    'incidents',
    from.id,
    { status: 'merged', merged_into_id: into.id, version: from.version + 1, updated_at: writer.at },
    { action: 'merged' },
  );
  await writer.update(
    'incidents',
    into.id,
    { version: into.version + 1, updated_at: writer.at },
    { action: 'absorbed' },
  );
  await syncIncidentParties(writer, from.id);
  await syncIncidentParties(writer, into.id);
}

/** Undoes a merge: the reports that came from `id` go back to it and it takes back the status it had. */
export async function unmergeIncident(
  db: Db,
  user: User,
  input: { id: number; reason: string },
): Promise<void> {
  checkReviewer(user.role);
  requireReason(input.reason);
  await audited(db, { actor: actorOf(user), reason: input.reason }, (writer) =>
    unmergeIncidentIn(writer, input),
  );
}

/** `unmergeIncident` inside a caller's audited transaction (the duplicates queue). */
export async function unmergeIncidentIn(writer: RecordWriter, input: { id: number }): Promise<void> {
  const incident = await loadIncident(writer, input.id);
  if (incident.status !== 'merged' || incident.merged_into_id === null)
    throw invalid('id', `incident ${input.id} is not merged`);
  const links = await writer.trx
    .selectFrom('incident_reports')
    .selectAll()
    .where('origin_incident_id', '=', incident.id)
    .execute();
  for (const link of links) {
    await writer.update(
      'incident_reports',
      link.id,
      { incident_id: incident.id, origin_incident_id: null },
      { action: 'unmerge' },
    );
  }
  await writer.update(
    'incidents',
    incident.id,
    {
      status: await statusBeforeMerge(writer, incident.id),
      merged_into_id: null,
      version: incident.version + 1,
      updated_at: writer.at,
    },
    { action: 'unmerged' },
  );
  const target = await loadIncident(writer, incident.merged_into_id);
  await writer.update(
    'incidents',
    target.id,
    { version: target.version + 1, updated_at: writer.at },
    { action: 'released' },
  );
  await syncIncidentParties(writer, incident.id);
  await syncIncidentParties(writer, target.id);
}

/** The status an incident had when it was last merged, read from the audit entry of that merge. */
async function statusBeforeMerge(writer: RecordWriter, id: number): Promise<IncidentStatus> {
  const entry = await writer.trx
    .selectFrom('audit_entries')
    .select('before')
    .where('entity_type', '=', 'incidents')
    .where('entity_id', '=', String(id))
    .where('action', '=', 'merged')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const before = entry?.before ? (JSON.parse(entry.before) as { status?: unknown }) : null;
  return statusAfterUnmerge(typeof before?.status === 'string' ? before.status : null);
}

/** Splits a wrongly merged report out of an incident into a new incident of its own. */
export async function splitReport(
  db: Db,
  user: User,
  input: { incidentId: number; reportId: number; reason: string; baseVersion?: number | null },
): Promise<{ newIncidentId: number }> {
  checkReviewer(user.role);
  requireReason(input.reason);
  return audited(db, { actor: actorOf(user), reason: input.reason }, async (writer) => {
    const incident = await loadIncident(writer, input.incidentId);
    checkVersion(input.baseVersion ?? null, incident.version);
    const links = await writer.trx
      .selectFrom('incident_reports')
      .selectAll()
      .where('incident_id', '=', incident.id)
      .execute();
    const link = links.find((l) => l.report_id === input.reportId);
    if (!link) throw notFound('report', input.reportId, `incident #${incident.id}`);
    if (links.length === 1)
      throw invalid('report', 'is the only report of the incident; reject the incident instead');
    const report = await writer.trx
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', input.reportId)
      .executeTakeFirstOrThrow();
    const {
      id: _id,
      public_id: _p,
      version: _v,
      created_at: _c,
      updated_at: _u,
      merged_into_id: _m,
      ...copied
    } = incident;
    const fresh = await writer.insert('incidents', {
      ...copied,
      public_id: crypto.randomUUID(),
      date_start: report.date_start ?? incident.date_start,
      date_end: report.date_end ?? incident.date_end,
      place_id: report.place_id,
      lat: report.lat,
      lon: report.lon,
      status: 'under_review',
      version: 1,
      created_at: writer.at,
      updated_at: writer.at,
    });
    await writer.update(
      'incident_reports',
      link.id,
      {
        incident_id: fresh.id,
        origin_incident_id: null,
        explanation: JSON.stringify({ split: input.reason }),
      },
      { action: 'split' },
    );
    await writer.update(
      'incidents',
      incident.id,
      { version: incident.version + 1, updated_at: writer.at },
      { action: 'report_split_out' },
    );
    await syncIncidentParties(writer, incident.id);
    await syncIncidentParties(writer, fresh.id);
    return { newIncidentId: fresh.id };
  });
}

/**
 * A liaison's response for their party; it sits beside the assessment and never changes it. An
 * incident the liaison may not see answers not found, exactly like an unknown id; one they may
 * see (published) that does not name their party is refused.
 */
export async function respondToIncident(
  db: Db,
  user: User,
  input: { incidentId: number; stance: string; text: string },
): Promise<{ id: number }> {
  const party = user.party;
  if (user.role !== 'liaison' || !party) throw forbidden('only a liaison bound to a party may respond');
  const stance = RESPONSE_STANCES.find((s) => s === input.stance);
  if (!stance) throw invalid('stance', `must be one of ${RESPONSE_STANCES.join(', ')}`);
  if (input.text.trim().length === 0) throw invalid('text', 'must not be empty');
  if (input.text.length > 20_000) throw invalid('text', 'must be at most 20,000 characters');
  return audited(db, { actor: actorOf(user), reason: `response: ${stance}` }, async (writer) => {
    const visibility = { kind: 'party', party } as const;
    const incident = await writer.trx
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', input.incidentId)
      .where(visibleIncident(visibility, { id: 'incidents.id', status: 'incidents.status' }))
      .executeTakeFirst();
    if (!incident) throw notFound('incident', input.incidentId);
    const names = await writer.trx
      .selectFrom('incident_parties')
      .select('id')
      .where('incident_id', '=', incident.id)
      .where('party', '=', party)
      .executeTakeFirst();
    if (!names)
      throw forbidden(
        `incident ${incident.id} does not name ${party}; a liaison answers only for their party`,
      );
    const row = await writer.insert('party_responses', {
      incident_id: incident.id,
      party,
      author_id: user.id,
      stance: stance satisfies ResponseStance,
      text: input.text.trim(),
      created_at: writer.at,
    });
    return { id: row.id };
  });
}
