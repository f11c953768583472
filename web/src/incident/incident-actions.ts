import { mergePicker } from '../review/merge-picker.js';
import { doneNotice, perform, type ActionContext } from '../review/perform.js';
import type { Done } from '../review/review-actions.js';
import { statusButtons } from '../review/review-card.js';
import { h } from '../ui/dom.js';
import type { IncidentDetail, ReportView } from './detail-types.js';

/** What the page tells after it redraws: the last action, and its undo. */
let flash: Done | null = null;
const redraw = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/**
 * The review actions the server says make sense for this incident (`actions` of the detail):
 * status changes, Merge (target from a search), Unmerge, Split — each destructive one asks first,
 * and the notice after it offers Undo. Nothing for those who may not review.
 */
export function actionsSection(detail: IncidentDetail): HTMLElement | null {
  const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  if (flash) notice.append(doneNotice(flash, (message) => ((flash = { message, undo: null }), redraw())));
  flash = null;
  const actions = detail.actions ?? [];
  if (actions.length === 0) return notice.childNodes.length ? notice : null;
  const i = detail.incident;
  const status = h('div', { class: 'card-status', id: 'act-status', 'aria-live': 'assertive' });
  const reason = h('textarea', { id: 'act-reason', name: 'reason', rows: 2, 'aria-describedby': status.id });
  const ctx: ActionContext = { reason, status, onDone: (done) => ((flash = done), redraw()) };
  const before = { status: i.status, mergedInto: detail.mergedInto };
  return h(
    'section',
    { class: 'card incident-actions', 'aria-labelledby': 'act-title' },
    h('h2', { id: 'act-title' }, 'Review'),
    notice,
    h('label', { for: reason.id }, 'Reason (internal: not published)'),
    reason,
    actions.includes('review')
      ? h('div', { class: 'actions' }, ...statusButtons(i.id, i.status, i.version, ctx))
      : null,
    actions.includes('unmerge') ? unmergeBlock(detail, ctx, before) : null,
    actions.includes('split') ? splitBlock(detail, ctx, before) : null,
    actions.includes('merge')
      ? h(
          'details',
          { class: 'structure' },
          h('summary', {}, 'Merge into another incident'),
          mergePicker({
            id: i.id,
            prefix: 'act',
            suggestions: [],
            onMerge: (target) =>
              void perform(i.id, { kind: 'merge', into: target.id }, before, ctx, {
                title: `Merge #${i.id} into #${target.id}?`,
                body: `“${i.title}” will be folded into “${target.title}”; its reports move there. You can undo this.`,
                confirm: `Merge into #${target.id}`,
                danger: true,
              }),
          }),
        )
      : null,
    status,
  );
}

/** Unmerge this incident from the one it was merged into, or give back an incident merged into it. */
function unmergeBlock(
  detail: IncidentDetail,
  ctx: ActionContext,
  before: { status: IncidentDetail['incident']['status'] },
) {
  const id = detail.incident.id;
  const button = (label: string, from: number | undefined, body: string) => {
    const b = h('button', { type: 'button', class: 'unmerge' }, label);
    b.addEventListener(
      'click',
      () =>
        void perform(
          id,
          from === undefined ? { kind: 'unmerge' } : { kind: 'unmerge', from },
          { ...before, mergedInto: detail.mergedInto },
          ctx,
          {
            title: `${label}?`,
            body,
            confirm: 'Unmerge',
            danger: true,
          },
        ),
    );
    return b;
  };
  const own =
    detail.incident.status === 'merged' && detail.mergedInto
      ? [
          button(
            `Unmerge from #${detail.mergedInto}`,
            undefined,
            `Incident #${id} takes its reports back from #${detail.mergedInto} and returns to the status it had. You can undo this.`,
          ),
        ]
      : [];
  const given = (detail.mergedFrom ?? []).map((from) =>
    button(
      `Unmerge #${from}`,
      from,
      `Incident #${from} takes its reports back from this one and returns to the status it had. You can undo this.`,
    ),
  );
  return h('div', { class: 'actions' }, ...own, ...given);
}

/** Split one report off into an incident of its own: the report is chosen from a list, not typed. */
function splitBlock(
  detail: IncidentDetail,
  ctx: ActionContext,
  before: { status: IncidentDetail['incident']['status'] },
) {
  const select = h('select', { id: 'act-split-report', name: 'split-report' });
  for (const report of detail.reports) select.append(h('option', { value: report.id }, reportLabel(report)));
  const button = h('button', { type: 'button', class: 'split' }, 'Split off…');
  button.addEventListener('click', () => {
    const report = detail.reports.find((r) => r.id === Number(select.value));
    if (!report) return;
    void perform(
      detail.incident.id,
      { kind: 'split', reportId: report.id, baseVersion: detail.incident.version },
      before,
      ctx,
      {
        title: 'Split this report off?',
        body: `${reportLabel(report)} will stand as an incident of its own. You can undo this.`,
        confirm: 'Split off',
        danger: true,
      },
    );
  });
  return h(
    'div',
    { class: 'field split-field' },
    h('label', { for: select.id }, 'Split a report off into its own incident'),
    h('div', { class: 'merge-search' }, select, button),
  );
}

function reportLabel(report: ReportView): string {
  const s = report.source;
  const where = s
    ? [s.publisher, s.title, s.published?.slice(0, 10)].filter(Boolean).join(', ')
    : 'no source';
  return `Report of ${report.dateStart ?? 'no date'} — ${where || `source #${s?.id ?? '?'}`}`;
}
