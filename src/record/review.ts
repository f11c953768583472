import { conflict, forbidden, invalid } from '../platform/errors.js';
import { INCIDENT_STATUSES, type IncidentStatus, type Role } from './taxonomy.js';

/**
 * The verification workflow: which status may follow which, and who may move it.
 * candidate → under_review → confirmed | disputed | rejected; any open incident may be merged
 * into another (by `merge`, not by a status change); a merged incident comes back by `unmerge`.
 * Served to clients in the vocabulary document (`reviewTransitions`).
 *
 * @example REVIEW_TRANSITIONS.candidate // ['under_review', 'rejected']
 */
export const REVIEW_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  candidate: ['under_review', 'rejected'],
  under_review: ['confirmed', 'disputed', 'rejected', 'candidate'],
  confirmed: ['under_review', 'disputed'],
  disputed: ['under_review', 'confirmed', 'rejected'],
  rejected: ['under_review'],
  merged: [],
};

/** Roles allowed to change an incident's status, merge or split. Liaisons answer; they never edit. */
const REVIEWERS: ReadonlySet<Role> = new Set(['analyst', 'admin']);

export interface ReviewRequest {
  readonly from: IncidentStatus;
  readonly to: IncidentStatus;
  readonly role: Role;
  readonly reason: string;
  /** The version the reviewer looked at; must be the current one. */
  readonly baseVersion: number | null;
  readonly currentVersion: number;
}

/** Throws the error that refuses the request, or returns normally when it is allowed. */
export function checkReview(request: ReviewRequest): void {
  checkReviewer(request.role);
  if (request.reason.trim().length === 0) throw invalid('reason', 'must say why the status changes');
  checkVersion(request.baseVersion, request.currentVersion);
  if (!REVIEW_TRANSITIONS[request.from].includes(request.to)) {
    const allowed = REVIEW_TRANSITIONS[request.from];
    throw invalid(
      'status',
      `cannot go from ${request.from} to ${request.to}; allowed: ${allowed.length ? allowed.join(', ') : 'none (use unmerge)'}`,
    );
  }
}

export function checkReviewer(role: Role): void {
  if (!REVIEWERS.has(role))
    throw forbidden(`a ${role} may not change the record; analysts and admins review`);
}

/** A stale edit never overwrites: the caller must have seen the current version. */
export function checkVersion(baseVersion: number | null, currentVersion: number): void {
  if (baseVersion !== null && baseVersion !== currentVersion) {
    throw conflict(
      `the incident changed since version ${baseVersion} (now ${currentVersion}); reload and try again`,
      {
        field: 'version',
        current: currentVersion,
      },
    );
  }
}

export const RESPONSE_STANCES = ['accepts', 'denies', 'disputes_attribution', 'adds_information'] as const;
export type ResponseStance = (typeof RESPONSE_STANCES)[number];

/** What an analyst may do to an incident from its page or the queue (`reviewActions`). */
export const REVIEW_ACTIONS = ['review', 'merge', 'unmerge', 'split'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewState {
  readonly status: IncidentStatus;
  /** How many reports the incident rests on now. */
  readonly reportCount: number;
  /** Incidents merged into this one whose reports it still holds (each can be unmerged). */
  readonly mergedFrom: readonly number[];
}

/**
 * The review actions that make sense for an incident in this state, for this role: `review` when
 * its status may move, `merge` unless it is merged already, `unmerge` when it is merged or holds
 * merged reports, `split` when it rests on two reports or more. Others may do none.
 *
 * @example reviewActions({ status: 'candidate', reportCount: 1, mergedFrom: [] }, 'analyst') // ['review', 'merge']
 */
export function reviewActions(state: ReviewState, role: Role | null): ReviewAction[] {
  if (role === null || !REVIEWERS.has(role)) return [];
  const allowed: Record<ReviewAction, boolean> = {
    review: REVIEW_TRANSITIONS[state.status].length > 0,
    merge: state.status !== 'merged',
    unmerge: state.status === 'merged' || state.mergedFrom.length > 0,
    split: state.status !== 'merged' && state.reportCount >= 2,
  };
  return REVIEW_ACTIONS.filter((action) => allowed[action]);
}

/**
 * The status an unmerged incident returns to: the one it had when it was merged, or under review
 * when that is unknown (a merge older than the audit log, or a status that cannot be resumed).
 *
 * @example statusAfterUnmerge('confirmed') // 'confirmed'
 */
export function statusAfterUnmerge(before: string | null | undefined): IncidentStatus {
  const status = INCIDENT_STATUSES.find((s) => s === before);
  return status && status !== 'merged' ? status : 'under_review';
}
