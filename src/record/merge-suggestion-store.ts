import { actorOf } from '../audit/actor.js';
import { audited, type RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { invalid, notFound } from '../platform/errors.js';
import type { Comparison } from './dedup.js';
import { checkReviewer } from './review.js';
import { mergeIncidentsIn, unmergeIncidentIn } from './review-store.js';
import type { User } from './user-store.js';

export const SUGGESTION_STATUSES = ['open', 'merged', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** The pair as stored: newer incident first, so one pair is one row whichever way it is found. */
const ordered = (a: number, b: number): readonly [number, number] => (a > b ? [a, b] : [b, a]);

/**
 * Records a possible duplicate: `incidentId` was opened by a report that scored between the
 * thresholds against `candidateId`. A pair already suggested (open, merged or dismissed) is not
 * suggested again: a dismissal stands.
 */
export async function suggestDuplicate(
  writer: RecordWriter,
  input: { incidentId: number; candidateId: number; comparison: Comparison },
): Promise<{ id: number; created: boolean }> {
  const [incidentId, candidateId] = ordered(input.incidentId, input.candidateId);
  const existing = await writer.trx
    .selectFrom('duplicate_suggestions')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const row = await writer.insert('duplicate_suggestions', {
    incident_id: incidentId,
    candidate_id: candidateId,
    score: input.comparison.score,
    explanation: JSON.stringify(input.comparison),
    status: 'open',
    created_at: writer.at,
    decided_at: null,
    decided_by: null,
    reason: null,
  });
  return { id: row.id, created: true };
}

async function loadSuggestion(writer: RecordWriter, id: number) {
  const row = await writer.trx
    .selectFrom('duplicate_suggestions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('duplicate suggestion', id);
  return row;
}

export type SuggestionAction = 'merge' | 'dismiss' | 'undo';

/**
 * The analyst's answer to a suggestion, audited with its reason: `merge` folds the newer incident
 * into the older (the ordinary merge, undoable), `dismiss` closes it for good (the pair is not
 * suggested again), `undo` reverses a merge made from the queue and reopens the suggestion.
 */
export async function decideSuggestion(
  db: Db,
  user: User,
  input: { id: number; action: SuggestionAction; reason: string },
): Promise<{ id: number; status: SuggestionStatus }> {
  checkReviewer(user.role);
  if (input.reason.trim().length === 0) throw invalid('reason', 'must not be empty');
  return audited(db, { actor: actorOf(user), reason: input.reason }, async (writer) => {
    const row = await loadSuggestion(writer, input.id);
    const want: SuggestionStatus =
      input.action === 'merge' ? 'merged' : input.action === 'dismiss' ? 'dismissed' : 'open';
    if (input.action === 'undo' ? row.status !== 'merged' : row.status !== 'open')
      throw invalid('action', `cannot ${input.action} a suggestion that is ${row.status}`);
    if (input.action === 'merge')
      await mergeIncidentsIn(writer, { from: row.incident_id, into: row.candidate_id });
    if (input.action === 'undo') await unmergeIncidentIn(writer, { id: row.incident_id });
    const decided =
      input.action === 'undo'
        ? { decided_at: null, decided_by: null }
        : { decided_at: writer.at, decided_by: actorOf(user) };
    await writer.update(
      'duplicate_suggestions',
      row.id,
      { status: want, reason: input.reason, ...decided },
      { action: `suggestion:${input.action}` },
    );
    return { id: row.id, status: want };
  });
}
