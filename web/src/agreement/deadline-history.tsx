import type { CommitmentHistory, Deadline } from './server-types.js';

/** A deadline in words: "by 2020-12-01 (Europe/Moscow)" or "before …". */
export function deadlineText(d: Deadline): string {
  return `${d.inclusive ? 'by' : 'before'} ${d.date} (${d.timeZone})`;
}

/**
 * Every move of a commitment's deadline, oldest first: the replaced deadline struck through
 * beside the new one, when the parties decided it and why.
 */
export function DeadlineHistory({ amendments }: { readonly amendments: CommitmentHistory['amendments'] }) {
  if (amendments.length === 0) return <p class="hint">The deadline has never been moved.</p>;
  return (
    <ol class="deadline-history">
      {amendments.map((a, i) => (
        <li key={i}>
          {`Decided ${a.decidedOn}: `}
          {a.previous ? <del>{deadlineText(a.previous)}</del> : 'no deadline'}
          {' → '}
          <ins>{deadlineText(a.deadline)}</ins>
          {`. ${a.reason}`}
          {a.evidence.length > 0 ? ` (evidence: ${a.evidence.map((e) => e.title).join('; ')})` : ''}
        </li>
      ))}
    </ol>
  );
}
