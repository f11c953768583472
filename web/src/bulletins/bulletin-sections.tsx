import type {
  Bulletin,
  BulletinIncident,
  BulletinStatement,
  SourceRef,
  ViolationItem,
} from '../../../src/agreement/bulletin.js';
import type { Compliance } from '../../../src/agreement/compliance.js';

/** The bulletin's sections drawn from its JSON: text only, links only to http(s) addresses. */

const isWebUrl = (href: string | null): href is string => href !== null && /^https?:\/\//i.test(href);
const words = (kind: string) => kind.replaceAll('_', ' ');
const num = (n: number) => n.toLocaleString('en-GB');
const utc = (unix: number) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');

function Sources({ sources }: { readonly sources: readonly SourceRef[] }) {
  if (sources.length === 0) return <span class="hint"> No source recorded.</span>;
  return (
    <span class="sources">
      {' — sources: '}
      {sources.map((s, i) => {
        const text = [s.publisher, s.title, s.published].filter(Boolean).join(', ');
        return (
          <>
            {i > 0 ? '; ' : ''}
            {isWebUrl(s.url) ? (
              <a href={s.url} rel="noopener noreferrer">
                {text}
              </a>
            ) : (
              text
            )}
          </>
        );
      })}
    </span>
  );
}

function IncidentLine({ incident, extra }: { readonly incident: BulletinIncident; readonly extra?: string }) {
  return (
    <li>
      <a href={`#/incidents/${incident.id}`}>{incident.title}</a>
      {` (${words(incident.kind)}, ${words(incident.status)}${extra ?? ''})`}
      <Sources sources={incident.sources} />
    </li>
  );
}

function violationExtra(v: ViolationItem): string {
  const who = v.actor1 ? `${v.actor1}${v.actor2 ? ` / ${v.actor2}` : ''}` : 'no actor named';
  return `; ${words(v.attribution)}: ${who}; killed ${v.killed}, injured ${v.injured}`;
}

function Violations({ bulletin }: { readonly bulletin: Bulletin }) {
  const v = bulletin.violations;
  return (
    <section class="bulletin-section" aria-labelledby="b-violations">
      <h2 id="b-violations">Ceasefire violations</h2>
      {v.total === 0 ? (
        <p>No violations were recorded.</p>
      ) : (
        <>
          <p>{`${v.total} violation${v.total === 1 ? '' : 's'} recorded; killed ${v.killed}, injured ${v.injured}.`}</p>
          {v.byArea.map((a) => (
            <div class="bulletin-area" key={a.area}>
              <h3>{a.area}</h3>
              <p class="hint">{`${a.count} violation${a.count === 1 ? '' : 's'}, killed ${a.killed}, injured ${a.injured}`}</p>
              <ul>
                {a.items.map((item) => (
                  <IncidentLine key={item.id} incident={item} extra={violationExtra(item)} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function IncidentList(props: {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  readonly items: readonly BulletinIncident[];
}) {
  if (props.items.length === 0) return null;
  return (
    <section class="bulletin-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.note ? <p>{props.note}</p> : null}
      <ul>
        {props.items.map((i) => (
          <IncidentLine key={i.id} incident={i} />
        ))}
      </ul>
    </section>
  );
}

function Activity({ bulletin }: { readonly bulletin: Bulletin }) {
  const { day, totals, postsOpen } = bulletin.activity;
  return (
    <section class="bulletin-section" aria-labelledby="b-activity">
      <h2 id="b-activity">The mission's activity</h2>
      {day ? (
        <ul>
          <li>{`Observation posts open: ${postsOpen ?? 'not recorded'}`}</li>
          <li>{`Patrols: ${day.patrols}${day.patrolAreas.length ? ` (${day.patrolAreas.join(', ')})` : ''}`}</li>
          <li>{`Escorted through ${day.escortCorridor ?? 'the corridor'}: ${num(day.escortVehicles)} vehicles, ${num(day.escortPeople)} people`}</li>
          <li>{`Displaced people returned: ${num(day.returned)} this day, ${num(totals?.returned ?? day.returned)} in total`}</li>
          <li>{`Demining: ${day.deminedHectares} ha, ${day.deminedRoadKm} km of road, ${day.deminedBuildings} buildings, ${day.explosiveItems} explosive items`}</li>
          <li>{`Humanitarian aid delivered: ${day.humanitarianTonnes} t`}</li>
          <li>
            {`Violations recorded by the mission: ${day.violationsRecorded}`}
            <Sources sources={day.sources} />
          </li>
        </ul>
      ) : (
        <p>No activity record was filed for this day.</p>
      )}
      {totals ? (
        <p class="hint">
          {`Since records began (${totals.days} days): ${num(totals.returned)} people returned; ${num(totals.deminedHectares)} ha demined; ${num(totals.humanitarianTonnes)} t of humanitarian aid; ${num(totals.violationsRecorded)} violations recorded.`}
        </p>
      ) : null}
    </section>
  );
}

function CommitmentItems({
  title,
  items,
}: {
  readonly title: string;
  readonly items: readonly Compliance[];
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((c) => (
          <li key={c.clause}>
            {`Clause ${c.clause}: ${c.title} — ${words(c.status)}`}
            {c.deadline ? `, due ${c.deadline.date}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function Commitments({ bulletin }: { readonly bulletin: Bulletin }) {
  const { dueSoon, overdue, violated, fulfilledToday } = bulletin.commitments;
  const none = [dueSoon, overdue, violated, fulfilledToday].every((l) => l.length === 0);
  return (
    <section class="bulletin-section" aria-labelledby="b-commitments">
      <h2 id="b-commitments">Commitments</h2>
      {none ? <p>No commitment falls due, is overdue, was violated or was fulfilled.</p> : null}
      <CommitmentItems title="Overdue" items={overdue} />
      <CommitmentItems title="Violated" items={violated} />
      <CommitmentItems title="Falling due within 7 days" items={dueSoon} />
      <CommitmentItems title="Fulfilled this day" items={fulfilledToday} />
    </section>
  );
}

function Statements({ statements }: { readonly statements: readonly BulletinStatement[] }) {
  if (statements.length === 0) return null;
  return (
    <section class="bulletin-section" aria-labelledby="b-statements">
      <h2 id="b-statements">Statements</h2>
      <ul>
        {statements.map((s, i) => (
          <li key={i}>
            {`${s.speaker}${s.office ? ` (${s.office})` : ''}: ${s.direct ? `“${s.text}”` : s.text}`}
            <Sources sources={s.sources} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The audit head and the checkpoint the bulletin was made at, and where to learn to check them. */
function Audit({ bulletin }: { readonly bulletin: Bulletin }) {
  const c = bulletin.checkpoint;
  return (
    <section class="bulletin-section bulletin-audit" aria-labelledby="b-audit">
      <h2 id="b-audit">Audit</h2>
      <dl>
        <dt>Made at audit entry</dt>
        <dd>{String(bulletin.auditHead.seq)}</dd>
        <dt>Audit head</dt>
        <dd>
          <code class="hash">{bulletin.auditHead.hash}</code>
        </dd>
        {c ? (
          <>
            <dt>Signed checkpoint</dt>
            <dd>{`${c.origin}, ${c.size} entries`}</dd>
            <dt>Root hash</dt>
            <dd>
              <code class="hash">{c.root}</code>
            </dd>
            <dt>Cosigned by</dt>
            <dd>
              {c.cosignedBy.length
                ? c.cosignedBy.map((w) => `${w.witness} (${utc(w.time)})`).join(', ')
                : 'No witness yet'}
            </dd>
          </>
        ) : (
          <>
            <dt>Signed checkpoint</dt>
            <dd>None yet: the center has no signing key.</dd>
          </>
        )}
      </dl>
      <p class="no-print">
        <a href="#/bulletins/verify">How to check that this bulletin was not altered</a>
      </p>
    </section>
  );
}

/** Every section of the bulletin, in the order the mission publishes them. */
export function BulletinSections({ bulletin }: { readonly bulletin: Bulletin }) {
  const n = bulletin.undated.length;
  return (
    <>
      {bulletin.agreement ? <p>{`Held against: ${bulletin.agreement.title}`}</p> : null}
      <Violations bulletin={bulletin} />
      <IncidentList id="b-other" title="Other events" items={bulletin.otherEvents} />
      <IncidentList
        id="b-undated"
        title="Recorded this day, date not stated"
        note={`${n} incident${n === 1 ? '' : 's'} recorded this day without a date in ${n === 1 ? 'its' : 'their'} reports; not counted above.`}
        items={bulletin.undated}
      />
      <Activity bulletin={bulletin} />
      <Commitments bulletin={bulletin} />
      <Statements statements={bulletin.statements} />
      <Audit bulletin={bulletin} />
    </>
  );
}
