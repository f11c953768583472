import { useState } from 'preact/hooks';
import { MergePicker } from '../review/merge-picker.js';
import {
  DoneNotice,
  ProblemLine,
  ReasonField,
  StatusButtons,
  useActing,
  type Acting,
} from '../review/parts.js';
import type { Done } from '../review/review-actions.js';
import type { IncidentDetail, ReportView } from '../types.js';

/** What the page tells after it redraws: the last action, and its undo. */
let flash: Done | null = null;
const redraw = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

/**
 * The review actions the server says make sense for this incident (`actions` of the detail):
 * status changes, Merge (target from a search), Unmerge, Split — each destructive one asks first,
 * and the notice after it offers Undo. Nothing for those who may not review.
 */
export function IncidentActions({ detail }: { readonly detail: IncidentDetail }) {
  const [shown] = useState(() => {
    const kept = flash;
    flash = null;
    return kept;
  });
  const i = detail.incident;
  const acting = useActing(
    'act-reason',
    i.id,
    { status: i.status, mergedInto: detail.mergedInto },
    (done) => {
      flash = done;
      redraw();
    },
  );
  const actions = detail.actions ?? [];
  const notice = (
    <div class="notice" role="status" aria-live="polite">
      {shown ? (
        <DoneNotice
          done={shown}
          onUndone={(message) => {
            flash = { message, undo: null };
            redraw();
          }}
        />
      ) : null}
    </div>
  );
  if (actions.length === 0) return shown ? notice : null;
  return (
    <section class="card incident-actions" aria-labelledby="act-title">
      <h2 id="act-title">Review</h2>
      {notice}
      <ReasonField
        id="act-reason"
        value={acting.reason}
        invalid={acting.invalid}
        onInput={acting.setReason}
      />
      {actions.includes('review') ? (
        <div class="actions">
          <StatusButtons id={i.id} from={i.status} version={i.version} onAct={acting.run} />
        </div>
      ) : null}
      {actions.includes('unmerge') ? <Unmerge detail={detail} acting={acting} /> : null}
      {actions.includes('split') ? <Split detail={detail} acting={acting} /> : null}
      {actions.includes('merge') ? (
        <details class="structure">
          <summary>Merge into another incident</summary>
          <MergePicker
            id={i.id}
            prefix="act"
            suggestions={[]}
            onMerge={(target) =>
              acting.run(
                { kind: 'merge', into: target.id },
                {
                  title: `Merge #${i.id} into #${target.id}?`,
                  body: `“${i.title}” will be folded into “${target.title}”; its reports move there. You can undo this.`,
                  confirm: `Merge into #${target.id}`,
                  danger: true,
                },
              )
            }
          />
        </details>
      ) : null}
      <ProblemLine id="act-reason-status" problem={acting.problem} busy={acting.busy} />
    </section>
  );
}

/** Unmerge this incident from the one it was merged into, or give back an incident merged into it. */
function Unmerge({ detail, acting }: { readonly detail: IncidentDetail; readonly acting: Acting }) {
  const id = detail.incident.id;
  const button = (label: string, from: number | undefined, body: string) => (
    <button
      key={label}
      type="button"
      class="unmerge"
      onClick={() =>
        acting.run(from === undefined ? { kind: 'unmerge' } : { kind: 'unmerge', from }, {
          title: `${label}?`,
          body,
          confirm: 'Unmerge',
          danger: true,
        })
      }
    >
      {label}
    </button>
  );
  const into = detail.incident.status === 'merged' ? detail.mergedInto : null;
  return (
    <div class="actions">
      {into
        ? button(
            `Unmerge from #${into}`,
            undefined,
            `Incident #${id} takes its reports back from #${into} and returns to the status it had. You can undo this.`,
          )
        : null}
      {(detail.mergedFrom ?? []).map((from) =>
        button(
          `Unmerge #${from}`,
          from,
          `Incident #${from} takes its reports back from this one and returns to the status it had. You can undo this.`,
        ),
      )}
    </div>
  );
}

/** Split one report off into an incident of its own: the report is chosen from a list, not typed. */
function Split({ detail, acting }: { readonly detail: IncidentDetail; readonly acting: Acting }) {
  const [reportId, setReportId] = useState(String(detail.reports[0]?.id ?? ''));
  const split = () => {
    const report = detail.reports.find((r) => r.id === Number(reportId));
    if (!report) return;
    acting.run(
      { kind: 'split', reportId: report.id, baseVersion: detail.incident.version },
      {
        title: 'Split this report off?',
        body: `${reportLabel(report)} will stand as an incident of its own. You can undo this.`,
        confirm: 'Split off',
        danger: true,
      },
    );
  };
  return (
    <div class="field split-field">
      <label for="act-split-report">Split a report off into its own incident</label>
      <div class="merge-search">
        <select
          id="act-split-report"
          name="split-report"
          value={reportId}
          onChange={(e) => setReportId(e.currentTarget.value)}
        >
          {detail.reports.map((report) => (
            <option key={report.id} value={report.id}>
              {reportLabel(report)}
            </option>
          ))}
        </select>
        <button type="button" class="split" onClick={split}>
          Split off…
        </button>
      </div>
    </div>
  );
}

function reportLabel(report: ReportView): string {
  const s = report.source;
  const where = s
    ? [s.publisher, s.title, s.published?.slice(0, 10)].filter(Boolean).join(', ')
    : 'no source';
  return `Report of ${report.dateStart ?? 'no date'} — ${where || `source #${s?.id ?? '?'}`}`;
}
