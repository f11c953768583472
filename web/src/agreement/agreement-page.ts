import { getJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { hasRole } from '../session.js';
import { h, section, words } from '../ui/dom.js';
import { asOfForm, todayIso } from '../ui/as-of.js';
import { partyLabel, partyLabels } from '../ui/theatre.js';
import type { AgreementStatus, Commitment, Implementation } from './agreement-types.js';
import { commitmentPage } from './commitment-page.js';
import { deadlineText } from './deadline-history.js';

/** The agreement board: implementation overall and per party, every commitment grouped by status, soonest deadline first. */
const STATUS_ORDER = ['violated', 'overdue', 'disputed', 'in_progress', 'pending', 'fulfilled'];

const boardPage: PageModule = {
  title: 'Agreement board',
  async render(main, location) {
    const asOf = location.query.get('asOf') || todayIso();
    const status = await getJson<AgreementStatus>('/agreements/status', { asOf });
    main.append(
      h('h1', {}, 'Agreement board'),
      h(
        'p',
        {},
        `${status.agreement.title}${status.agreement.signedOn ? `, signed ${status.agreement.signedOn}` : ''}. Status as of ${status.asOf.date}.`,
      ),
      asOfForm(asOf, (next) => navigate('/agreement', new URLSearchParams({ asOf: next }))),
      implementationSection(status),
      h(
        'div',
        { class: 'board' },
        ...groups(status.commitments).map(([name, items]) => column(name, items, asOf)),
      ),
    );
  },
};

/** `#/agreement` is the board; `#/agreement/6b` one commitment with its history and the forms to change it. */
export const agreementPage: PageModule = {
  title: 'Agreement board',
  render: (main, location) => (location.segments[1] ? commitmentPage : boardPage).render(main, location),
};

const percent = (s: Implementation) => `${s.percent}% (${s.score} of ${s.maxScore} points)`;

function implementationSection(status: AgreementStatus): HTMLElement {
  const parties = Object.entries(status.byParty);
  return section(
    'Implementation',
    h(
      'p',
      { class: 'implementation-overall' },
      `Overall: ${percent(status.implementation)} over ${status.implementation.commitments} commitments, each scored 0–3.`,
    ),
    parties.length === 0
      ? null
      : h(
          'table',
          { class: 'implementation-parties' },
          h('caption', {}, 'Implementation by party (each commitment counts for every party it binds)'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Party'),
              h('th', { scope: 'col' }, 'Commitments'),
              h('th', { scope: 'col' }, 'Implemented'),
            ),
          ),
          h(
            'tbody',
            {},
            ...parties.map(([party, s]) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, partyLabel(party)),
                h('td', {}, String(s.commitments)),
                h('td', {}, percent(s)),
              ),
            ),
          ),
        ),
  );
}

function groups(commitments: readonly Commitment[]): [string, Commitment[]][] {
  const byStatus = new Map<string, Commitment[]>();
  for (const c of commitments) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
  const rank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
  return [...byStatus.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, items]) => [name, [...items].sort(byDeadline)]);
}

function byDeadline(a: Commitment, b: Commitment): number {
  return (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999');
}

function column(status: string, items: readonly Commitment[], asOf: string): HTMLElement {
  return section(
    `${words(status)} (${items.length})`,
    h('ul', { class: `commitments status-col-${status}` }, ...items.map((c) => commitmentItem(c, asOf))),
  );
}

function commitmentItem(c: Commitment, asOf: string): HTMLElement {
  const due = c.deadline
    ? `due ${c.deadline.date}${c.daysLeft !== null ? ` (${c.daysLeft} days)` : ''}`
    : 'no deadline';
  const moved = c.history.amendments.length > 0 && c.originalDeadline;
  const href = `#/agreement/${encodeURIComponent(c.clause)}?asOf=${asOf}`;
  return h(
    'li',
    { class: 'commitment' },
    h('h3', {}, `Clause ${c.clause}: ${c.title}`),
    h(
      'p',
      {},
      `${partyLabels(c.obligors) || 'all parties'} · ${due} · score ${c.score}/3 (${words(c.scoreLabel)})`,
    ),
    moved && c.originalDeadline
      ? h(
          'p',
          { class: 'hint deadline-moved' },
          'Deadline moved from ',
          h('del', {}, deadlineText(c.originalDeadline)),
          ` to ${c.deadline ? deadlineText(c.deadline) : 'none'}`,
        )
      : null,
    h('p', { class: 'hint' }, c.basis),
    c.violations > 0
      ? h(
          'p',
          { class: 'warn' },
          c.violations === 1 ? '1 violation recorded' : `${c.violations} violations recorded`,
        )
      : null,
    h(
      'a',
      { href, class: 'manage' },
      hasRole('admin', 'analyst')
        ? `Assess, amend or link clause ${c.clause}`
        : `History of clause ${c.clause}`,
    ),
  );
}
