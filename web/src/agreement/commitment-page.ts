import { getJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { hasRole } from '../session.js';
import { todayIso } from '../ui/as-of.js';
import { h, replace, section, words } from '../ui/dom.js';
import { partyLabels } from '../ui/theatre.js';
import type { AgreementStatus, Commitment } from './agreement-types.js';
import { amendForm } from './amend-form.js';
import { assessForm } from './assess-form.js';
import { deadlineHistory, deadlineText } from './deadline-history.js';
import { linkForm, unlinkForm } from './link-form.js';

/**
 * One commitment: its status and score, the history of its deadline (old ones struck through),
 * its assessments and linked incidents; for analysts and admins, the forms to assess it, move
 * its deadline and link or unlink an incident. After a change the page shows the new status.
 */
export const commitmentPage: PageModule = {
  title: 'Commitment',
  async render(main, location) {
    const clause = decodeURIComponent(location.segments[1] ?? '');
    const asOf = location.query.get('asOf') || todayIso();
    await draw(main, clause, asOf, null);
  },
};

/** What a form calls once its change is recorded: the page is drawn again from the server, with the message. */
export type AfterChange = (message: string) => Promise<void>;

async function draw(main: HTMLElement, clause: string, asOf: string, message: string | null): Promise<void> {
  const status = await getJson<AgreementStatus>('/agreements/status', { asOf });
  const c = status.commitments.find((x) => x.clause === clause);
  if (!c) {
    replace(
      main,
      h('h1', {}, 'No such commitment'),
      h(
        'p',
        {},
        `The agreement has no clause ${clause}. `,
        h('a', { href: '#/agreement' }, 'Back to the board'),
      ),
    );
    return;
  }
  const after: AfterChange = async (done) => {
    await draw(main, clause, asOf, done);
    main.querySelector<HTMLElement>('.change-status p')?.focus();
  };
  const editor = hasRole('admin', 'analyst');
  replace(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: `#/agreement?asOf=${asOf}` }, '← Agreement board')),
    h('h1', {}, `Clause ${c.clause}: ${c.title}`),
    h(
      'div',
      { class: 'change-status', 'aria-live': 'polite' },
      message ? h('p', { class: 'ok', role: 'status', tabindex: '-1' }, message) : null,
    ),
    summary(c, status.asOf.date),
    section('Deadline', deadlineHistory(c.history.amendments)),
    section('Assessments', assessments(c)),
    section('Linked incidents', links(c)),
    editor ? assessForm({ agreement: status.agreement.slug, commitment: c, after }) : null,
    editor ? amendForm({ agreement: status.agreement, commitment: c, after }) : null,
    editor ? linkForm({ agreement: status.agreement.slug, commitment: c, after }) : null,
    editor && c.history.links.length > 0
      ? unlinkForm({ agreement: status.agreement.slug, commitment: c, after })
      : null,
    editor
      ? null
      : h(
          'p',
          { class: 'hint' },
          'Analysts and admins assess commitments, move deadlines and link incidents.',
        ),
  );
}

function summary(c: Commitment, asOf: string): HTMLElement {
  return section(
    `Status as of ${asOf}`,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Status'),
      h('dd', { class: 'commitment-status' }, words(c.status)),
      h('dt', {}, 'Score'),
      h('dd', { class: 'commitment-score' }, `${c.score}/3 (${words(c.scoreLabel)})`),
      h('dt', {}, 'Why'),
      h('dd', {}, c.basis),
      h('dt', {}, 'Bound'),
      h('dd', {}, partyLabels(c.obligors) || 'all parties'),
      h('dt', {}, 'Deadline'),
      h(
        'dd',
        { class: 'commitment-deadline' },
        c.deadline ? deadlineText(c.deadline) : 'none',
        c.originalDeadline && c.history.amendments.length > 0
          ? h('span', {}, ' (first ', h('del', {}, deadlineText(c.originalDeadline)), ')')
          : null,
      ),
    ),
  );
}

function assessments(c: Commitment): HTMLElement {
  if (c.history.assessments.length === 0) return h('p', { class: 'hint' }, 'Not assessed yet.');
  return h(
    'ol',
    { class: 'assessments' },
    ...c.history.assessments.map((a) =>
      h(
        'li',
        {},
        `As of ${a.asOf}: ${words(a.status)}, score ${a.score}/3, by ${a.assessedBy}`,
        a.note ? `. ${a.note}` : '',
        a.evidence.length > 0 ? ` (evidence: ${a.evidence.map((e) => e.title).join('; ')})` : '',
      ),
    ),
  );
}

const EFFECT_WORDS: Readonly<Record<string, string>> = {
  violates: 'violates the clause',
  implements: 'implements the clause',
  disputed: 'bears on it, disputed',
};

function links(c: Commitment): HTMLElement {
  if (c.history.links.length === 0) return h('p', { class: 'hint' }, 'No incident is linked to this clause.');
  return h(
    'ul',
    { class: 'links' },
    ...c.history.links.map((l) =>
      h(
        'li',
        {},
        h('a', { href: `#/incidents/${l.incidentId}` }, l.incidentTitle),
        ` (${l.incidentDate ?? 'date not stated'}, ${words(l.incidentStatus)}): ${EFFECT_WORDS[l.effect] ?? words(l.effect)}`,
        l.note ? `. ${l.note}` : '',
      ),
    ),
  );
}
