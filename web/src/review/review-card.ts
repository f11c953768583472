import { highlighted } from '../incident/evidence.js';
import { h, words } from '../ui/dom.js';
import { datesText, kindLabel } from '../ui/labels.js';
import { REVIEW_TRANSITIONS, type IncidentStatus } from '../ui/vocabulary.js';
import { mergePicker } from './merge-picker.js';
import { perform, type ActionContext } from './perform.js';
import { ACTION_LABELS, type Done, type ReviewAction } from './review-actions.js';
import type { CardReport, ReviewCard } from './review-types.js';

export interface CardOptions {
  readonly selected: boolean;
  readonly onSelect: (id: number, selected: boolean) => void;
  readonly onDone: (done: Done) => void;
}

/**
 * One incident in the queue: a box to select it for a bulk action, what it is, its reports'
 * text with the evidence marked and their sources, the suggested duplicates, and its actions —
 * status changes, Merge (target from the suggestions or a search) and Split; destructive ones ask.
 */
export function reviewCard(card: ReviewCard, options: CardOptions): HTMLElement {
  const { incident } = card;
  const prefix = `r${incident.id}`;
  const status = h('div', { class: 'card-status', id: `${prefix}-status`, 'aria-live': 'assertive' });
  const reason = h('textarea', {
    id: `${prefix}-reason`,
    name: 'reason',
    rows: 2,
    'aria-describedby': status.id,
  });
  const ctx: ActionContext = { reason, status, onDone: options.onDone };
  const before = { status: incident.status };
  const select = h('input', {
    type: 'checkbox',
    id: `${prefix}-select`,
    class: 'select',
    checked: options.selected,
  });
  select.addEventListener('change', () => options.onSelect(incident.id, select.checked));
  const facts = [kindLabel(incident.kind), datesText(incident), incident.placeName]
    .filter(Boolean)
    .join(' · ');
  return h(
    'article',
    { class: 'card review-card', 'data-incident': incident.id, 'aria-labelledby': `${prefix}-title` },
    h(
      'div',
      { class: 'card-head' },
      select,
      h('label', { for: select.id, class: 'visually-hidden' }, `Select incident #${incident.id}`),
      h('h2', { id: `${prefix}-title` }, h('a', { href: `#/incidents/${incident.id}` }, incident.title)),
    ),
    h('p', {}, facts),
    h(
      'p',
      {},
      h('span', { class: `status status-${incident.status}` }, words(incident.status)),
      ` · #${incident.id} · version ${incident.version}`,
      card.score === null ? '' : ` · duplicate score ${card.score.toFixed(2)}`,
    ),
    incident.summary && !card.reports.some((r) => r.excerpt)
      ? h('p', { class: 'summary' }, incident.summary)
      : null,
    ...card.reports.map(reportBlock),
    card.reportCount > card.reports.length
      ? h(
          'p',
          { class: 'hint' },
          h(
            'a',
            { href: `#/incidents/${incident.id}` },
            `${card.reportCount - card.reports.length} more report(s) on the incident page`,
          ),
        )
      : null,
    h('label', { for: reason.id }, 'Reason (internal: not published)'),
    reason,
    h('div', { class: 'actions' }, ...statusButtons(incident.id, incident.status, incident.version, ctx)),
    card.actions.includes('merge')
      ? h(
          'details',
          { class: 'structure' },
          h(
            'summary',
            {},
            card.suggestions.length ? `Merge (${card.suggestions.length} suggested)` : 'Merge',
          ),
          mergePicker({
            id: incident.id,
            prefix,
            suggestions: card.suggestions,
            onMerge: (target) =>
              void perform(incident.id, { kind: 'merge', into: target.id }, before, ctx, {
                title: `Merge #${incident.id} into #${target.id}?`,
                body: `“${incident.title}” will be folded into “${target.title}”; its reports move there. You can undo this.`,
                confirm: `Merge into #${target.id}`,
                danger: true,
              }),
          }),
        )
      : null,
    card.actions.includes('split') || card.actions.includes('unmerge')
      ? h(
          'p',
          { class: 'hint' },
          h('a', { href: `#/incidents/${incident.id}` }, 'Split or unmerge on the incident page'),
        )
      : null,
    status,
  );
}

/** The status changes allowed from here; Reject is drawn as destructive and asks first. */
export function statusButtons(
  id: number,
  from: IncidentStatus,
  version: number,
  ctx: ActionContext,
): HTMLElement[] {
  return REVIEW_TRANSITIONS[from].map((next) => {
    const danger = next === 'rejected';
    const button = h(
      'button',
      {
        type: 'button',
        'data-action': next,
        class: danger ? 'danger' : next === 'confirmed' ? 'primary' : 'secondary',
      },
      ACTION_LABELS[next] ?? words(next),
    );
    const action: ReviewAction = { kind: 'review', status: next, baseVersion: version };
    const ask = danger
      ? {
          title: `Reject incident #${id}?`,
          body: 'It leaves the queue and is never published. You can undo this.',
          confirm: 'Reject',
          danger,
        }
      : undefined;
    button.addEventListener('click', () => void perform(id, action, { status: from }, ctx, ask));
    return button;
  });
}

/** A report as the card shows it: the excerpt with the evidence marked, and where it was published. */
function reportBlock(report: CardReport): HTMLElement {
  const s = report.source;
  const excerpt = report.excerpt;
  const text = excerpt
    ? highlighted(
        excerpt.text,
        report.spans.map((span) => ({ start: span.start - excerpt.start, end: span.end - excerpt.start })),
      )
    : h('p', { class: 'hint' }, 'No source text: a report from the public form or the field.');
  const link =
    s?.url && /^https?:\/\//i.test(s.url)
      ? h('a', { href: s.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')
      : null;
  const cite = s
    ? [s.outlet ?? 'Outlet not named', s.title ? `“${s.title}”` : null, s.published?.slice(0, 10)]
        .filter(Boolean)
        .join(', ')
    : null;
  return h(
    'figure',
    { class: 'card-report' },
    h('blockquote', {}, excerpt && excerpt.start > 0 ? '… ' : null, text),
    cite ? h('figcaption', {}, cite, link ? ' (' : '', link, link ? ')' : '') : null,
  );
}
