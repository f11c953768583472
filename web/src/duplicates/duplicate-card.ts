import { postJson } from '../api-client.js';
import { h, replace, words } from '../ui/dom.js';
import { datesText, kindLabel } from '../ui/labels.js';
import type { DuplicateSuggestion, SuggestionSide } from './duplicate-types.js';
import { pairMapBox } from './pair-map.js';

export type Action = 'merge' | 'dismiss' | 'undo';

const ACTION_LABEL: Readonly<Record<Action, string>> = {
  merge: 'Merge',
  dismiss: 'Dismiss',
  undo: 'Undo merge',
};
const DONE: Readonly<Record<Action, string>> = {
  merge: 'merged',
  dismiss: 'dismissed (it will not be suggested again)',
  undo: 'unmerged: both incidents stand again',
};

/**
 * One possible duplicate: the score and the merge's explanation in words, both incidents side by
 * side (kind, dates, place, casualty figures, sources) with both places on a small map, a
 * required reason, and the one-click
 * answers the suggestion's status allows.
 */
export function duplicateCard(
  s: DuplicateSuggestion,
  onDone: (message: string, action: Action) => void,
): HTMLElement {
  const prefix = `d${s.id}`;
  const status = h('div', { class: 'card-status', 'aria-live': 'assertive', id: `${prefix}-status` });
  const reason = h('textarea', {
    id: `${prefix}-reason`,
    name: 'reason',
    rows: 2,
    'aria-describedby': status.id,
  });
  const actions: readonly Action[] =
    s.status === 'open' ? ['merge', 'dismiss'] : s.status === 'merged' ? ['undo'] : [];
  const buttons = actions.map((action) => {
    const button = h('button', { type: 'button', 'data-action': action }, ACTION_LABEL[action]);
    button.addEventListener('click', () => void perform(s, action, { reason, status, onDone }));
    return button;
  });
  return h(
    'article',
    { class: 'card duplicate-card', 'data-suggestion': s.id, 'aria-labelledby': `${prefix}-title` },
    h('h2', { id: `${prefix}-title` }, `Possible duplicate · score ${s.score.toFixed(2)}`),
    h('p', { class: 'merge-reason' }, s.explanation.reason),
    featureTable(s),
    h('div', { class: 'pair' }, side('Newer', s.incident), side('Older', s.candidate)),
    pairMapBox(s),
    s.reason ? h('p', {}, `Decided by ${s.decidedBy ?? 'someone'}: ${s.reason}`) : null,
    actions.length > 0 ? h('label', { for: reason.id }, 'Reason (internal: not published)') : null,
    actions.length > 0 ? reason : null,
    h('div', { class: 'actions' }, ...buttons),
    status,
  );
}

function featureTable(s: DuplicateSuggestion): HTMLElement {
  const t = s.explanation.thresholds;
  return h(
    'table',
    { class: 'merge-features' },
    h('caption', {}, t ? `Joins at ${t.join}, suggested from ${t.suggest}` : 'Features'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Feature'),
        h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, 'Why'),
      ),
    ),
    h(
      'tbody',
      {},
      ...s.explanation.features.map((f) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, words(f.name)),
          h('td', {}, f.value.toFixed(2)),
          h('td', {}, f.note),
        ),
      ),
    ),
  );
}

function side(label: string, x: SuggestionSide): HTMLElement {
  const i = x.incident;
  const dates = datesText(i);
  const point = i.lat !== null && i.lon !== null ? ` (${i.lat.toFixed(3)}, ${i.lon.toFixed(3)})` : '';
  return h(
    'section',
    { class: 'side', 'aria-label': `${label} incident #${i.id}` },
    h('h3', {}, `${label}: `, h('a', { href: `#/incidents/${i.id}` }, `#${i.id} ${i.title}`)),
    h(
      'dl',
      {},
      h('dt', {}, 'Kind'),
      h('dd', {}, kindLabel(i.kind)),
      h('dt', {}, 'Dates'),
      h('dd', {}, dates),
      h('dt', {}, 'Place'),
      h('dd', {}, `${i.placeName ?? 'not named'}${point}`),
      h('dt', {}, 'Casualties'),
      h(
        'dd',
        {},
        x.totals.length === 0
          ? 'none reported'
          : x.totals.map((t) => `${words(t.category)} ${t.low}–${t.best}–${t.high}`).join('; '),
      ),
      h('dt', {}, 'Status'),
      h('dd', {}, words(i.status)),
    ),
    h(
      'ul',
      { class: 'sources' },
      ...x.sources.map((src) =>
        h(
          'li',
          {},
          [src.publisher, src.title, src.published].filter(Boolean).join(' · ') || `source #${src.id}`,
        ),
      ),
    ),
  );
}

interface ActionContext {
  readonly reason: HTMLTextAreaElement;
  readonly status: HTMLElement;
  readonly onDone: (message: string, action: Action) => void;
}

async function perform(s: DuplicateSuggestion, action: Action, ctx: ActionContext): Promise<void> {
  const reason = ctx.reason.value.trim();
  if (!reason) {
    ctx.reason.setAttribute('aria-invalid', 'true');
    replace(ctx.status, h('p', { class: 'error', role: 'alert' }, 'Please give a reason.'));
    ctx.reason.focus();
    return;
  }
  try {
    await postJson(`/duplicates/${s.id}/${action}`, { reason });
    ctx.onDone(
      `Incidents #${s.incident.incident.id} and #${s.candidate.incident.id}: ${DONE[action]}.`,
      action,
    );
  } catch (error) {
    replace(
      ctx.status,
      h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
    );
  }
}
