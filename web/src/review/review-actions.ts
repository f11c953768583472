import { ApiError, postJson } from '../api-client.js';
import { REVIEW_TRANSITIONS, type IncidentStatus } from '../ui/vocabulary.js';

/** The review actions of the record issue, as the API names them. */
export type ReviewAction =
  | { readonly kind: 'review'; readonly status: IncidentStatus; readonly baseVersion: number }
  | { readonly kind: 'merge'; readonly into: number }
  | { readonly kind: 'unmerge'; readonly from?: number }
  | { readonly kind: 'split'; readonly reportId: number; readonly baseVersion: number };

/** What an action did, and how to take it back (null when it cannot be). */
export interface Done {
  readonly message: string;
  readonly undo: (() => Promise<string>) | null;
}

export type ActionOutcome =
  ({ readonly ok: true } & Done) | { readonly ok: false; readonly stale: boolean; readonly message: string };

export const STALE_MESSAGE = 'This incident changed since you loaded it — reload to see the current version.';

/** The incident as the action found it: its status, and the incident it is merged into. */
export interface Before {
  readonly status: IncidentStatus;
  readonly mergedInto?: number | null;
}

/** Sends one action; a 409 becomes the "changed since you loaded it" outcome. */
export async function runAction(
  id: number,
  action: ReviewAction,
  reason: string,
  before: Before,
): Promise<ActionOutcome> {
  try {
    return { ok: true, ...(await send(id, action, reason, before)) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      return { ok: false, stale: true, message: STALE_MESSAGE };
    return { ok: false, stale: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const undoReason = (reason: string) => `undo: ${reason}`.slice(0, 2000);

async function send(id: number, action: ReviewAction, reason: string, before: Before): Promise<Done> {
  switch (action.kind) {
    case 'review': {
      const answer = await review(id, action.status, reason, action.baseVersion);
      return {
        message: `Incident #${id} is now ${words(answer.status)}.`,
        undo: async () => {
          await walkBack(id, answer.status, before.status, answer.version, undoReason(reason));
          return `Incident #${id} is back to ${words(before.status)}.`;
        },
      };
    }
    case 'merge':
      await postJson(`/incidents/${id}/merge`, { into: action.into, reason });
      return {
        message: `Incident #${id} was merged into #${action.into}.`,
        undo: async () => {
          await postJson(`/incidents/${id}/unmerge`, { reason: undoReason(reason) });
          return `The merge was undone: incident #${id} has its reports back.`;
        },
      };
    case 'unmerge': {
      const from = action.from ?? id;
      const into = action.from === undefined ? before.mergedInto : id;
      await postJson(`/incidents/${from}/unmerge`, { reason });
      return {
        message: `Incident #${from} was unmerged and has its reports back.`,
        undo: into
          ? async () => {
              await postJson(`/incidents/${from}/merge`, { into, reason: undoReason(reason) });
              return `Incident #${from} is merged into #${into} again.`;
            }
          : null,
      };
    }
    case 'split': {
      const answer = await postJson<{ newIncidentId: number }>(`/incidents/${id}/split`, {
        reportId: action.reportId,
        reason,
        baseVersion: action.baseVersion,
      });
      return {
        message: `The report now stands as incident #${answer.newIncidentId}.`,
        undo: async () => {
          await postJson(`/incidents/${answer.newIncidentId}/merge`, {
            into: id,
            reason: undoReason(reason),
          });
          return `The split was undone: the report is back on incident #${id}.`;
        },
      };
    }
  }
}

function review(id: number, status: IncidentStatus, reason: string, baseVersion: number | null) {
  return postJson<{ status: IncidentStatus; version: number }>(`/incidents/${id}/review`, {
    status,
    reason,
    baseVersion,
  });
}

/** Walks the workflow back from `from` to `to` by the allowed steps (rejected → under review → candidate). */
export async function walkBack(
  id: number,
  from: IncidentStatus,
  to: IncidentStatus,
  version: number,
  reason: string,
) {
  let at = version;
  for (const step of pathBetween(from, to)) at = (await review(id, step, reason, at)).version;
}

/** The shortest chain of allowed status changes from one status to another (empty when equal). */
export function pathBetween(from: IncidentStatus, to: IncidentStatus): IncidentStatus[] {
  const previous = new Map<IncidentStatus, IncidentStatus>();
  const queue: IncidentStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift() as IncidentStatus;
    if (at === to) break;
    for (const next of REVIEW_TRANSITIONS[at])
      if (next !== from && !previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
  }
  const path: IncidentStatus[] = [];
  for (let at = to; at !== from;) {
    const back = previous.get(at);
    if (!back) return [];
    path.unshift(at);
    at = back;
  }
  return path;
}

const words = (code: string) => code.replace(/_/g, ' ');

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  under_review: 'Start review',
  confirmed: 'Confirm',
  disputed: 'Mark disputed',
  rejected: 'Reject',
  candidate: 'Back to candidates',
};
