import { datesText, kindLabel } from '../ui/labels.js';
import { MergePicker } from './merge-picker.js';
import { Highlighted } from '../incident/evidence.js';
import { ProblemLine, ReasonField, StatusButtons, useActing } from './parts.js';
import type { Done } from './review-actions.js';
import type { CardReport, ReviewCard } from './review-types.js';

const words = (code: string) => code.replace(/_/g, ' ');

export interface CardProps {
  readonly card: ReviewCard;
  readonly selected: boolean;
  readonly onSelect: (id: number, selected: boolean) => void;
  readonly onDone: (done: Done) => void;
}

/**
 * One incident in the queue: a box to select it for a bulk action, what it is, its reports'
 * text with the evidence marked and their sources, the suggested duplicates, and its actions —
 * status changes and Merge (target from the suggestions or a search); destructive ones ask.
 */
export function ReviewCardView({ card, selected, onSelect, onDone }: CardProps) {
  const { incident } = card;
  const prefix = `r${incident.id}`;
  const acting = useActing(`${prefix}-reason`, incident.id, { status: incident.status }, onDone);
  const facts = [kindLabel(incident.kind), datesText(incident), incident.placeName]
    .filter(Boolean)
    .join(' · ');
  const hidden = card.reportCount - card.reports.length;
  return (
    <article class="card review-card" data-incident={incident.id} aria-labelledby={`${prefix}-title`}>
      <div class="card-head">
        <input
          type="checkbox"
          id={`${prefix}-select`}
          class="select"
          checked={selected}
          onChange={(event) => onSelect(incident.id, event.currentTarget.checked)}
        />
        <label for={`${prefix}-select`} class="visually-hidden">
          Select incident #{incident.id}
        </label>
        <h2 id={`${prefix}-title`}>
          <a href={`#/incidents/${incident.id}`}>{incident.title}</a>
        </h2>
      </div>
      <p>{facts}</p>
      <p>
        <span class={`status status-${incident.status}`}>{words(incident.status)}</span> · #{incident.id} ·
        version {incident.version}
        {card.score === null ? '' : ` · duplicate score ${card.score.toFixed(2)}`}
      </p>
      {incident.summary && !card.reports.some((r) => r.excerpt) ? (
        <p class="summary">{incident.summary}</p>
      ) : null}
      {card.reports.map((report) => (
        <ReportBlock key={report.id} report={report} />
      ))}
      {hidden > 0 ? (
        <p class="hint">
          <a href={`#/incidents/${incident.id}`}>{hidden} more report(s) on the incident page</a>
        </p>
      ) : null}
      <ReasonField
        id={`${prefix}-reason`}
        value={acting.reason}
        invalid={acting.invalid}
        onInput={acting.setReason}
      />
      <div class="actions">
        <StatusButtons
          id={incident.id}
          from={incident.status}
          version={incident.version}
          onAct={acting.run}
        />
      </div>
      {card.actions.includes('merge') ? (
        <details class="structure">
          <summary>
            {card.suggestions.length ? `Merge (${card.suggestions.length} suggested)` : 'Merge'}
          </summary>
          <MergePicker
            id={incident.id}
            prefix={prefix}
            suggestions={card.suggestions}
            onMerge={(target) =>
              acting.run(
                { kind: 'merge', into: target.id },
                {
                  title: `Merge #${incident.id} into #${target.id}?`,
                  body: `“${incident.title}” will be folded into “${target.title}”; its reports move there. You can undo this.`,
                  confirm: `Merge into #${target.id}`,
                  danger: true,
                },
              )
            }
          />
        </details>
      ) : null}
      {card.actions.includes('split') || card.actions.includes('unmerge') ? (
        <p class="hint">
          <a href={`#/incidents/${incident.id}`}>Split or unmerge on the incident page</a>
        </p>
      ) : null}
      <ProblemLine id={`${prefix}-reason-status`} problem={acting.problem} busy={acting.busy} />
    </article>
  );
}

/** A report as the card shows it: the excerpt with the evidence marked, and where it was published. */
function ReportBlock({ report }: { readonly report: CardReport }) {
  const s = report.source;
  const excerpt = report.excerpt;
  const link = s?.url && /^https?:\/\//i.test(s.url) ? s.url : null;
  const cite = s
    ? [s.outlet ?? 'Outlet not named', s.title ? `“${s.title}”` : null, s.published?.slice(0, 10)]
        .filter(Boolean)
        .join(', ')
    : null;
  return (
    <figure class="card-report">
      <blockquote>
        {excerpt ? (
          <>
            {excerpt.start > 0 ? '… ' : null}
            <Highlighted
              text={excerpt.text}
              ranges={report.spans.map((span) => ({
                start: span.start - excerpt.start,
                end: span.end - excerpt.start,
              }))}
            />
          </>
        ) : (
          <span class="hint">No source text: a report from the public form or the field.</span>
        )}
      </blockquote>
      {cite ? (
        <figcaption>
          {cite}
          {link ? (
            <>
              {' ('}
              <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                original
              </a>
              {')'}
            </>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
