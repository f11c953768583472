import { h } from '../ui/dom.js';
import type { Amendment, Deadline } from './agreement-types.js';

/** A deadline in words: "by 2020-12-01" or "before 2020-12-01", with its time zone. */
export function deadlineText(d: Deadline): string {
  return `${d.inclusive ? 'by' : 'before'} ${d.date} (${d.timeZone})`;
}

/**
 * Every move of a commitment's deadline, oldest first: the replaced deadline struck through
 * beside the new one, when the parties decided it and why.
 */
export function deadlineHistory(amendments: readonly Amendment[]): HTMLElement {
  if (amendments.length === 0) return h('p', { class: 'hint' }, 'The deadline has never been moved.');
  return h(
    'ol',
    { class: 'deadline-history' },
    ...amendments.map((a) =>
      h(
        'li',
        {},
        `Decided ${a.decidedOn}: `,
        a.previous ? h('del', {}, deadlineText(a.previous)) : 'no deadline',
        ' → ',
        h('ins', {}, deadlineText(a.deadline)),
        `. ${a.reason}`,
        a.evidence.length > 0 ? ` (evidence: ${a.evidence.map((e) => e.title).join('; ')})` : '',
      ),
    ),
  );
}
