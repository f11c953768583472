import { confirmAction, type ConfirmOptions } from './confirm.js';
import { runAction, type Before, type Done, type ReviewAction } from './review-actions.js';

/** What asking for an action came to: done (with its undo), refused before sending, failed, or called off. */
export type Attempt =
  | { readonly kind: 'done'; readonly done: Done }
  | { readonly kind: 'refused'; readonly message: string; readonly field: 'reason' }
  | { readonly kind: 'failed'; readonly message: string; readonly stale: boolean }
  | { readonly kind: 'cancelled' };

export interface ActRequest {
  readonly id: number;
  readonly action: ReviewAction;
  readonly before: Before;
  readonly reason: string;
  /** Destructive actions ask first. */
  readonly ask?: ConfirmOptions | undefined;
  /** Called when the request goes to the server (after the question, if any, was answered yes). */
  readonly onSending?: () => void;
}

/**
 * Runs an action with the reason typed beside it: refuses an empty reason, asks first when the
 * request says so, and tells a stale version apart from other failures.
 */
export async function act(request: ActRequest): Promise<Attempt> {
  const reason = request.reason.trim();
  if (!reason) return { kind: 'refused', message: 'Please give a reason.', field: 'reason' };
  if (request.ask && !(await confirmAction(request.ask))) return { kind: 'cancelled' };
  request.onSending?.();
  const outcome = await runAction(request.id, request.action, reason, request.before);
  if (outcome.ok) return { kind: 'done', done: outcome };
  return { kind: 'failed', message: outcome.message, stale: outcome.stale };
}
