import { z } from 'zod';
import { audited, type ChangeContext } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { getAgreement, getCommitment, listCommitments } from './agreement-store.js';
import {
  AmendmentInput,
  AssessmentInput,
  Evidence,
  IncidentLinkInput,
  IncidentUnlinkInput,
  type Amendment,
  type AssessedStatus,
  type Assessment,
  type ImplementationScore,
  type IncidentEffect,
  type IncidentLink,
} from './commitment.js';
import type { CommitmentFacts } from './compliance.js';

/** Amendments, status history and incident links of commitments; and the facts compliance reads. */

const EvidenceList = z.array(Evidence);

/**
 * Moves a commitment's deadline, keeping the old one in the amendment (and in the audit chain).
 *
 * @example await amendDeadline(db, ctx, 'truce-2020-11-10', { clause: '6a', decidedOn: '2020-11-15', deadline: { date: '2020-11-25', timeZone: 'Europe/Moscow', inclusive: true }, reason: '…', evidence: [...] })
 */
export async function amendDeadline(
  db: Db,
  context: ChangeContext,
  slug: string,
  input: AmendmentInput,
): Promise<Amendment> {
  const parsed = parseInput(AmendmentInput, input, 'amendment');
  const agreement = await getAgreement(db, slug);
  return audited(db, context, async (writer) => {
    const commitment = await getCommitment(writer.trx, agreement.id, parsed.clause);
    const { deadline } = parsed;
    const row = await writer.insert('commitment_amendments', {
      commitment_id: commitment.id,
      decided_on: parsed.decidedOn,
      previous_deadline: commitment.deadline?.date ?? null,
      previous_tz: commitment.deadline?.timeZone ?? null,
      previous_inclusive: commitment.deadline ? (commitment.deadline.inclusive ? 1 : 0) : null,
      deadline: deadline.date,
      deadline_tz: deadline.timeZone,
      deadline_inclusive: deadline.inclusive ? 1 : 0,
      reason: parsed.reason,
      evidence: JSON.stringify(parsed.evidence),
      recorded_at: writer.at,
    });
    await writer.update(
      'commitments',
      commitment.id,
      {
        deadline: deadline.date,
        deadline_tz: deadline.timeZone,
        deadline_inclusive: deadline.inclusive ? 1 : 0,
      },
      { action: 'amend', reason: parsed.reason },
    );
    return {
      id: row.id,
      decidedOn: parsed.decidedOn,
      previous: commitment.deadline,
      deadline,
      reason: parsed.reason,
      evidence: parsed.evidence,
    };
  });
}

/**
 * Adds an entry to a commitment's status history (status, 0–3 score, evidence) and keeps the
 * commitment's latest assessed status on its row.
 *
 * @example await recordAssessment(db, ctx, 'truce-2020-11-10', { clause: '2', asOf: '2020-11-20', status: 'fulfilled', score: 3, evidence: [...] })
 */
export async function recordAssessment(
  db: Db,
  context: ChangeContext,
  slug: string,
  input: AssessmentInput,
): Promise<Assessment> {
  const parsed = parseInput(AssessmentInput, input, 'assessment');
  const agreement = await getAgreement(db, slug);
  return audited(db, context, async (writer) => {
    const commitment = await getCommitment(writer.trx, agreement.id, parsed.clause);
    const row = await writer.insert('commitment_status_history', {
      commitment_id: commitment.id,
      as_of: parsed.asOf,
      status: parsed.status,
      score: parsed.score,
      evidence: JSON.stringify(parsed.evidence),
      note: parsed.note,
      assessed_by: context.actor,
      recorded_at: writer.at,
    });
    const newest = await writer.trx
      .selectFrom('commitment_status_history')
      .select(['status', 'score'])
      .where('commitment_id', '=', commitment.id)
      .orderBy('as_of', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await writer.update(
      'commitments',
      commitment.id,
      { status: newest.status, score: newest.score },
      { action: 'assess' },
    );
    return presentAssessment(row);
  });
}

/**
 * Links an incident to a commitment it violates, implements, or bears on in a disputed way.
 *
 * @example await linkIncident(db, ctx, 'truce-2020-11-10', { incidentId: 12, clause: '2', effect: 'implements' })
 */
export async function linkIncident(
  db: Db,
  context: ChangeContext,
  slug: string,
  input: IncidentLinkInput,
): Promise<void> {
  const parsed = parseInput(IncidentLinkInput, input, 'link');
  const agreement = await getAgreement(db, slug);
  await audited(db, context, async (writer) => {
    const commitment = await getCommitment(writer.trx, agreement.id, parsed.clause);
    const incident = await writer.trx
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', parsed.incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound('incident', parsed.incidentId);
    const existing = await writer.trx
      .selectFrom('incident_commitments')
      .select('id')
      .where('incident_id', '=', parsed.incidentId)
      .where('commitment_id', '=', commitment.id)
      .executeTakeFirst();
    if (existing)
      throw conflict(`incident ${parsed.incidentId} is already linked to clause ${parsed.clause}`);
    await writer.insert('incident_commitments', {
      incident_id: parsed.incidentId,
      commitment_id: commitment.id,
      effect: parsed.effect,
      note: parsed.note,
      linked_at: writer.at,
    });
  });
}

/**
 * Removes the link between an incident and a commitment; the audit chain keeps the link removed
 * and the reason given.
 *
 * @example await unlinkIncident(db, ctx, 'truce-2020-11-10', { incidentId: 12, clause: '2', reason: 'linked to the wrong clause' })
 */
export async function unlinkIncident(
  db: Db,
  context: ChangeContext,
  slug: string,
  input: IncidentUnlinkInput,
): Promise<void> {
  const parsed = parseInput(IncidentUnlinkInput, input, 'unlink');
  const agreement = await getAgreement(db, slug);
  await audited(db, context, async (writer) => {
    const commitment = await getCommitment(writer.trx, agreement.id, parsed.clause);
    const link = await writer.trx
      .selectFrom('incident_commitments')
      .select('id')
      .where('incident_id', '=', parsed.incidentId)
      .where('commitment_id', '=', commitment.id)
      .executeTakeFirst();
    if (!link) throw notFound(`link of clause ${parsed.clause} to incident`, parsed.incidentId);
    await writer.remove('incident_commitments', Number(link.id), { reason: parsed.reason });
  });
}

function presentAssessment(row: {
  id: number;
  as_of: string;
  status: string;
  score: number;
  evidence: string;
  note: string | null;
  assessed_by: string;
}): Assessment {
  const score = Number(row.score);
  if (score !== 0 && score !== 1 && score !== 2 && score !== 3) throw invalid('score', 'must be 0–3');
  return {
    id: Number(row.id),
    asOf: row.as_of,
    status: row.status as AssessedStatus,
    score: score satisfies ImplementationScore,
    evidence: EvidenceList.parse(JSON.parse(row.evidence)),
    note: row.note,
    assessedBy: row.assessed_by,
  };
}

/**
 * Everything compliance needs about each commitment of an agreement, in clause order.
 *
 * @example complianceAsOf((await loadCommitmentFacts(db, agreement))[0], asOfDate('2020-11-21'))
 */
export async function loadCommitmentFacts(
  db: Db,
  agreement: { id: number; timeZone: string; effectiveAt: string | null },
): Promise<CommitmentFacts[]> {
  const commitments = await listCommitments(db, agreement.id);
  const ids = commitments.map((c) => c.id);
  if (ids.length === 0) return [];
  const [amendments, history, links] = await Promise.all([
    db
      .selectFrom('commitment_amendments')
      .selectAll()
      .where('commitment_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('commitment_status_history')
      .selectAll()
      .where('commitment_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('incident_commitments as l')
      .innerJoin('incidents as i', 'i.id', 'l.incident_id')
      .select([
        'l.commitment_id',
        'l.incident_id',
        'l.effect',
        'l.note',
        'i.date_start',
        'i.created_at',
        'i.status',
        'i.title',
      ])
      .where('l.commitment_id', 'in', ids)
      .orderBy('l.id')
      .execute(),
  ]);
  const inForceFrom = agreement.effectiveAt ? new Date(agreement.effectiveAt) : null;
  return commitments.map((commitment) => ({
    commitment,
    timeZone: agreement.timeZone,
    inForceFrom,
    amendments: amendments.filter((a) => Number(a.commitment_id) === commitment.id).map(presentAmendment),
    assessments: history.filter((h) => Number(h.commitment_id) === commitment.id).map(presentAssessment),
    links: links
      .filter((l) => Number(l.commitment_id) === commitment.id)
      .map((l): IncidentLink => ({
        incidentId: Number(l.incident_id),
        effect: l.effect as IncidentEffect,
        incidentDate: l.date_start,
        incidentRecorded: l.created_at.slice(0, 10),
        incidentStatus: l.status,
        incidentTitle: l.title,
        note: l.note,
      })),
  }));
}

function presentAmendment(row: {
  id: number;
  decided_on: string;
  previous_deadline: string | null;
  previous_tz: string | null;
  previous_inclusive: number | null;
  deadline: string;
  deadline_tz: string;
  deadline_inclusive: number;
  reason: string;
  evidence: string;
}): Amendment {
  return {
    id: Number(row.id),
    decidedOn: row.decided_on,
    previous:
      row.previous_deadline === null
        ? null
        : {
            date: row.previous_deadline,
            timeZone: row.previous_tz ?? 'UTC',
            inclusive: row.previous_inclusive === 1,
          },
    deadline: { date: row.deadline, timeZone: row.deadline_tz, inclusive: row.deadline_inclusive === 1 },
    reason: row.reason,
    evidence: EvidenceList.parse(JSON.parse(row.evidence)),
  };
}

export interface IncidentCommitment {
  readonly agreement: string;
  readonly clause: string;
  readonly title: string;
  readonly effect: IncidentEffect;
  readonly note: string | null;
}

/**
 * The commitments an incident bears on, for the incident page and API.
 *
 * @example await commitmentsForIncident(db, 10) // [{ agreement: 'truce-2020-11-10', clause: '1', effect: 'violates', … }]
 */
export async function commitmentsForIncident(db: Db, incidentId: number): Promise<IncidentCommitment[]> {
  const rows = await db
    .selectFrom('incident_commitments as l')
    .innerJoin('commitments as c', 'c.id', 'l.commitment_id')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .select(['a.slug', 'c.clause', 'c.title', 'l.effect', 'l.note'])
    .where('l.incident_id', '=', incidentId)
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    agreement: r.slug,
    clause: r.clause,
    title: r.title ?? `Clause ${r.clause}`,
    effect: r.effect as IncidentEffect,
    note: r.note,
  }));
}
