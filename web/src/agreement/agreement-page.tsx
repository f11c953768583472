import { getJson } from '../api-client.js';
import type { Location } from '../router.js';
import { navigate } from '../router.js';
import { useSession } from '../ui/header.js';
import { todayIso } from '../ui/as-of.js';
import { words } from '../ui/dom.js';
import { partyLabel, partyLabels } from '../ui/theatre.js';
import { CommitmentView } from './commitment-view.js';
import { deadlineText } from './deadline-history.js';
import { Card, Pending, preloadedPage } from './fields.js';
import { useLoad } from '../ui/use-load.js';
import type { AgreementStatus, CommitmentStatus, ImplementationSummary } from './server-types.js';

/** `#/agreement` is the board; `#/agreement/6b` one commitment with its history and the forms to change it. */
export const agreementPage = preloadedPage(
  'Agreement board',
  (location) => getJson<AgreementStatus>('/agreements/status', { asOf: asOfIn(location) }),
  AgreementView,
);

const asOfIn = (location: Location) => location.query.get('asOf') || todayIso();

function AgreementView({
  location,
  initial,
}: {
  readonly location: Location;
  readonly initial: AgreementStatus;
}) {
  const clause = location.segments[1];
  const asOf = asOfIn(location);
  return clause ? (
    <CommitmentView clause={decodeURIComponent(clause)} asOf={asOf} initial={initial} />
  ) : (
    <Board asOf={asOf} initial={initial} />
  );
}

const STATUS_ORDER = ['violated', 'overdue', 'disputed', 'in_progress', 'pending', 'fulfilled'];

/** The agreement board: implementation overall and per party, every commitment grouped by status, soonest deadline first. */
function Board({ asOf, initial }: { readonly asOf: string; readonly initial: AgreementStatus }) {
  const loaded = useLoad(() => getJson<AgreementStatus>('/agreements/status', { asOf }), {
    key: asOf,
    initial,
  });
  const status = loaded.value;
  return (
    <>
      <h1>Agreement board</h1>
      <Pending loaded={loaded} />
      {status ? (
        <>
          <p>
            {`${status.agreement.title}${status.agreement.signedOn ? `, signed ${status.agreement.signedOn}` : ''}. Status as of ${status.asOf.date}.`}
          </p>
          <AsOf value={asOf} />
          <Implementation status={status} />
          <div class="board">
            {groups(status.commitments).map(([name, items]) => (
              <Card key={name} title={`${words(name)} (${items.length})`}>
                <ul class={`commitments status-col-${name}`}>
                  {items.map((c) => (
                    <Item key={c.clause} c={c} asOf={asOf} />
                  ))}
                </ul>
              </Card>
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}

function AsOf({ value }: { readonly value: string }) {
  return (
    <form
      class="as-of"
      onSubmit={(event) => {
        event.preventDefault();
        const date = new FormData(event.currentTarget).get('asOf');
        if (typeof date === 'string' && date) navigate('/agreement', new URLSearchParams({ asOf: date }));
      }}
    >
      <label for="as-of">As of </label>
      <input id="as-of" name="asOf" type="date" value={value} />
      <button type="submit">Show</button>
    </form>
  );
}

const percent = (s: ImplementationSummary) => `${s.percent}% (${s.score} of ${s.maxScore} points)`;

function Implementation({ status }: { readonly status: AgreementStatus }) {
  const parties = Object.entries(status.byParty);
  return (
    <Card title="Implementation">
      <p class="implementation-overall">
        {`Overall: ${percent(status.implementation)} over ${status.implementation.commitments} commitments, each scored 0–3.`}
      </p>
      {parties.length === 0 ? null : (
        <table class="implementation-parties">
          <caption>Implementation by party (each commitment counts for every party it binds)</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Clauses</th>
              <th scope="col">Implemented</th>
            </tr>
          </thead>
          <tbody>
            {parties.map(([party, s]) => (
              <tr key={party}>
                <th scope="row">{partyLabel(party)}</th>
                <td>{String(s.commitments)}</td>
                <td>{percent(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function groups(commitments: readonly CommitmentStatus[]): [string, CommitmentStatus[]][] {
  const byStatus = new Map<string, CommitmentStatus[]>();
  for (const c of commitments) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
  const rank = (s: string) => (STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
  const byDeadline = (a: CommitmentStatus, b: CommitmentStatus) =>
    (a.deadline?.date ?? '9999').localeCompare(b.deadline?.date ?? '9999');
  return [...byStatus.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, items]) => [name, [...items].sort(byDeadline)]);
}

function Item({ c, asOf }: { readonly c: CommitmentStatus; readonly asOf: string }) {
  const session = useSession();
  const editor = session.role === 'admin' || session.role === 'analyst';
  const due = c.deadline
    ? `due ${c.deadline.date}${c.daysLeft !== null ? ` (${c.daysLeft} days)` : ''}`
    : 'no deadline';
  const moved = c.history.amendments.length > 0 ? c.originalDeadline : null;
  return (
    <li class="commitment">
      <h3>{`Clause ${c.clause}: ${c.title}`}</h3>
      <p>{`${partyLabels(c.obligors) || 'all parties'} · ${due} · score ${c.score}/3 (${words(c.scoreLabel)})`}</p>
      {moved ? (
        <p class="hint deadline-moved">
          {'Deadline moved from '}
          <del>{deadlineText(moved)}</del>
          {` to ${c.deadline ? deadlineText(c.deadline) : 'none'}`}
        </p>
      ) : null}
      <p class="hint">{c.basis}</p>
      {c.violations > 0 ? (
        <p class="warn">
          {c.violations === 1 ? '1 violation recorded' : `${c.violations} violations recorded`}
        </p>
      ) : null}
      <a class="manage" href={`#/agreement/${encodeURIComponent(c.clause)}?asOf=${asOf}`}>
        {editor ? `Assess, amend or link clause ${c.clause}` : `History of clause ${c.clause}`}
      </a>
    </li>
  );
}
