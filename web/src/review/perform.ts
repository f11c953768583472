import { h, replace } from '../ui/dom.js';
import { confirmAction, type ConfirmOptions } from './confirm.js';
import { runAction, type Before, type Done, type ReviewAction } from './review-actions.js';

export interface ActionContext {
  readonly reason: HTMLTextAreaElement;
  /** Where a refusal or a failure is told. */
  readonly status: HTMLElement;
  readonly onDone: (done: Done) => void;
}

/**
 * Runs an action with the reason typed beside it: refuses an empty reason, asks first when
 * `ask` is given (destructive actions), and tells a stale version with a Reload button.
 */
export async function perform(
  id: number,
  action: ReviewAction,
  before: Before,
  ctx: ActionContext,
  ask?: ConfirmOptions,
): Promise<void> {
  const reason = ctx.reason.value.trim();
  if (!reason) {
    ctx.reason.setAttribute('aria-invalid', 'true');
    replace(ctx.status, h('p', { class: 'error', role: 'alert' }, 'Please give a reason.'));
    ctx.reason.focus();
    return;
  }
  ctx.reason.removeAttribute('aria-invalid');
  if (ask && !(await confirmAction(ask))) return;
  replace(ctx.status, h('p', { class: 'hint', role: 'status' }, 'Working…'));
  const outcome = await runAction(id, action, reason, before);
  if (outcome.ok) {
    ctx.onDone(outcome);
    return;
  }
  const reload = h('button', { type: 'button', class: 'secondary' }, 'Reload');
  reload.addEventListener('click', () => window.dispatchEvent(new HashChangeEvent('hashchange')));
  replace(
    ctx.status,
    h(
      'p',
      { class: 'error', role: 'alert' },
      outcome.message,
      outcome.stale ? ' ' : null,
      outcome.stale ? reload : null,
    ),
  );
}

/** A notice that tells what was done, with an Undo button while it can be undone. */
export function doneNotice(done: Done, onUndone: (message: string) => void): HTMLElement {
  const box = h('div', { class: 'done' }, h('span', {}, done.message));
  if (done.undo) {
    const undo = done.undo;
    const button = h('button', { type: 'button', class: 'undo' }, 'Undo');
    button.addEventListener('click', () => {
      button.disabled = true;
      undo().then(onUndone, (error: unknown) => {
        button.disabled = false;
        box.append(
          h(
            'p',
            { class: 'error', role: 'alert' },
            `Undo failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      });
    });
    box.append(' ', button);
  }
  return box;
}
