import { ApiError, postJson } from '../api-client.js';

/** The review actions of the record issue, as the API names them. */
export type ReviewAction =
  | { readonly kind: 'review'; readonly status: string; readonly baseVersion: number }
  | { readonly kind: 'merge'; readonly into: number }
  | { readonly kind: 'unmerge' }
  | { readonly kind: 'split'; readonly reportId: number; readonly baseVersion: number };

export type ActionOutcome =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly stale: boolean; readonly message: string };

export const STALE_MESSAGE = 'This incident changed since you loaded it — reload to see the current version.';

/** Sends one action; a 409 becomes the "changed since you loaded it" outcome. */
export async function runAction(id: number, action: ReviewAction, reason: string): Promise<ActionOutcome> {
  try {
    return { ok: true, message: await send(id, action, reason) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      return { ok: false, stale: true, message: STALE_MESSAGE };
    return { ok: false, stale: false, message: error instanceof Error ? error.message : String(error) };
  }
}

async function send(id: number, action: ReviewAction, reason: string): Promise<string> {
  switch (action.kind) {
    case 'review': {
      const answer = await postJson<{ status: string; version: number }>(`/incidents/${id}/review`, {
        status: action.status,
        reason,
        baseVersion: action.baseVersion,
      });
      return `Incident #${id} is now ${answer.status.replace(/_/g, ' ')} (version ${answer.version}).`;
    }
    case 'merge':
      await postJson(`/incidents/${id}/merge`, { into: action.into, reason });
      return `Incident #${id} was merged into #${action.into}.`;
    case 'unmerge':
      await postJson(`/incidents/${id}/unmerge`, { reason });
      return `Incident #${id} was unmerged.`;
    case 'split': {
      const answer = await postJson<{ newIncidentId: number }>(`/incidents/${id}/split`, {
        reportId: action.reportId,
        reason,
        baseVersion: action.baseVersion,
      });
      return `Report #${action.reportId} now stands as incident #${answer.newIncidentId}.`;
    }
  }
}

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  under_review: 'Start review',
  confirmed: 'Confirm',
  disputed: 'Mark disputed',
  rejected: 'Reject',
  candidate: 'Back to candidates',
};
