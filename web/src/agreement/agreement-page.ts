import { getJson } from '../api-client.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { h, section, words } from '../ui/dom.js';
import { asOfForm, todayIso } from '../ui/as-of.js';
import { partyLabels } from '../ui/theatre.js';

/** The agreement board: every commitment grouped by status, soonest deadline first. */
interface Commitment {
  readonly clause: string;
  readonly title: string;
  readonly status: string;
  readonly score: number;
  readonly scoreLabel: string;
  readonly basis: string;
  readonly obligors: readonly string[];
  readonly deadline: { readonly date: string } | null;
  readonly daysLeft: number | null;
  readonly violations: number;
}

interface AgreementStatus {
  readonly agreement: { readonly title: string; readonly signedOn: string };
  readonly asOf: { readonly date: string };
  readonly commitments: readonly Commitment[];
}

const STATUS_ORDER = ['violated', 'overdue', 'disputed', 'in_progress', 'pending', 'fulfilled'];

export const agreementPage: PageModule = {
  title: 'Agreement board',
  async render(main, location) {
    const asOf = location.query.get('asOf') || todayIso();
    const status = await getJson<AgreementStatus>('/agreements/status', { asOf });
    main.append(
      h('h1', {}, 'Agreement board'),
      h(
        'p',
        {},
        `${status.agreement.title}, signed ${status.agreement.signedOn}. Status as of ${status.asOf.date}.`,
      ),
      asOfForm(asOf, (next) => navigate('/agreement', new URLSearchParams({ asOf: next }))),
      h('div', { class: 'board' }, ...groups(status.commitments).map(([name, items]) => column(name, items))),
    );
  },
};

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

function column(status: string, items: readonly Commitment[]): HTMLElement {
  return section(
    `${words(status)} (${items.length})`,
    h('ul', { class: `commitments status-col-${status}` }, ...items.map(commitmentItem)),
  );
}

function commitmentItem(c: Commitment): HTMLElement {
  const due = c.deadline
    ? `due ${c.deadline.date}${c.daysLeft !== null ? ` (${c.daysLeft} days)` : ''}`
    : 'no deadline';
  return h(
    'li',
    { class: 'commitment' },
    h('h3', {}, `Clause ${c.clause}: ${c.title}`),
    h('p', {}, `${partyLabels(c.obligors) || 'all parties'} · ${due} · score ${c.score}/3 (${c.scoreLabel})`),
    h('p', { class: 'hint' }, c.basis),
    c.violations > 0 ? h('p', { class: 'warn' }, `${c.violations} violation(s) recorded`) : null,
  );
}
