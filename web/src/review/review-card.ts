import type { Incident } from '../types.js';
import { h, replace, words } from '../ui/dom.js';
import { REVIEW_TRANSITIONS } from '../ui/vocabulary.js';
import { ACTION_LABELS, runAction, type ReviewAction } from './review-actions.js';
import { datesText, kindLabel } from '../ui/labels.js';

/**
 * One incident in the queue: what it is, a required reason, the status changes allowed from
 * here, and merge / unmerge / split. A stale version shows "changed since you loaded it".
 */
export function reviewCard(incident: Incident, onDone: (message: string) => void): HTMLElement {
  const prefix = `r${incident.id}`;
  const status = h('div', { class: 'card-status', 'aria-live': 'assertive' });
  const reason = h('textarea', {
    id: `${prefix}-reason`,
    name: 'reason',
    rows: 2,
    'aria-describedby': `${prefix}-status`,
  });
  status.id = `${prefix}-status`;
  const act = (action: ReviewAction) => void perform(incident.id, action, { reason, status, onDone });
  return h(
    'article',
    { class: 'card review-card', 'data-incident': incident.id, 'aria-labelledby': `${prefix}-title` },
    h('h2', { id: `${prefix}-title` }, h('a', { href: `#/incidents/${incident.id}` }, incident.title)),
    h(
      'p',
      {},
      [kindLabel(incident.kind), datesText(incident), incident.placeName].filter(Boolean).join(' · '),
    ),
    h(
      'p',
      {},
      'Status: ',
      h('span', { class: `status status-${incident.status}` }, words(incident.status)),
      ` · version ${incident.version}`,
    ),
    h('label', { for: reason.id }, 'Reason (internal: not published)'),
    reason,
    h('div', { class: 'actions' }, ...statusButtons(incident, act)),
    structureActions(incident, prefix, act),
    status,
  );
}

function statusButtons(incident: Incident, act: (a: ReviewAction) => void): HTMLElement[] {
  return REVIEW_TRANSITIONS[incident.status].map((next) => {
    const button = h('button', { type: 'button', 'data-action': next }, ACTION_LABELS[next] ?? words(next));
    button.addEventListener('click', () =>
      act({ kind: 'review', status: next, baseVersion: incident.version }),
    );
    return button;
  });
}

function structureActions(incident: Incident, prefix: string, act: (a: ReviewAction) => void): HTMLElement {
  const into = h('input', { id: `${prefix}-into`, type: 'number', min: 1, inputmode: 'numeric' });
  const report = h('input', { id: `${prefix}-report`, type: 'number', min: 1, inputmode: 'numeric' });
  const button = (label: string, action: () => ReviewAction | null) => {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', () => {
      const chosen = action();
      if (chosen) act(chosen);
    });
    return b;
  };
  return h(
    'details',
    { class: 'structure' },
    h('summary', {}, 'Merge, unmerge or split'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: into.id }, 'Merge into incident #'),
      into,
      button('Merge', () => (into.valueAsNumber > 0 ? { kind: 'merge', into: into.valueAsNumber } : null)),
    ),
    h(
      'div',
      { class: 'field' },
      button('Unmerge', () => ({ kind: 'unmerge' })),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: report.id }, 'Split off report #'),
      report,
      button('Split', () =>
        report.valueAsNumber > 0
          ? { kind: 'split', reportId: report.valueAsNumber, baseVersion: incident.version }
          : null,
      ),
    ),
  );
}

interface ActionContext {
  readonly reason: HTMLTextAreaElement;
  readonly status: HTMLElement;
  readonly onDone: (message: string) => void;
}

async function perform(id: number, action: ReviewAction, ctx: ActionContext): Promise<void> {
  const reason = ctx.reason.value.trim();
  if (!reason) {
    ctx.reason.setAttribute('aria-invalid', 'true');
    replace(ctx.status, h('p', { class: 'error', role: 'alert' }, 'Please give a reason.'));
    ctx.reason.focus();
    return;
  }
  ctx.reason.removeAttribute('aria-invalid');
  const outcome = await runAction(id, action, reason);
  if (outcome.ok) {
    ctx.onDone(outcome.message);
    return;
  }
  const reload = h('button', { type: 'button' }, 'Reload');
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
