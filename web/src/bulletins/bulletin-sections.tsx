import type {
  Bulletin,
  BulletinIncident,
  BulletinStatement,
  SourceRef,
  ViolationItem,
} from '../../../src/agreement/bulletin.js';
import { DUE_SOON_DAYS } from '../../../src/agreement/bulletin.js';
import type { Compliance } from '../../../src/agreement/compliance.js';
import { formatDay, formatMoment, t } from '../i18n/i18n.js';
import { hrefOf } from '../router.js';
import { kindLabel, statusLabel } from '../ui/labels.js';

/**
 * The bulletin's sections drawn from its JSON: text only, links only to http(s) addresses. The
 * fixed words are the catalogue's (`bulletin.`); the record's own text (titles, places, names,
 * statements) is shown as it was recorded.
 */

const isWebUrl = (href: string | null): href is string => href !== null && /^https?:\/\//i.test(href);
const moment = (unix: number) => formatMoment(new Date(unix * 1000).toISOString());

function Sources({ sources }: { readonly sources: readonly SourceRef[] }) {
  if (sources.length === 0) return <span class="hint">{` ${t('bulletin.noSource')}`}</span>;
  return (
    <span class="sources">
      {` — ${t('bulletin.sources')} `}
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
      <a href={hrefOf(`/incidents/${incident.id}`)}>{incident.title}</a>
      {` ${t('bulletin.incidentMeta', { kind: kindLabel(incident.kind), status: statusLabel(incident.status), extra: extra ?? '' })}`}
      <Sources sources={incident.sources} />
    </li>
  );
}

function violationExtra(v: ViolationItem): string {
  const who = v.actor1 ? `${v.actor1}${v.actor2 ? ` / ${v.actor2}` : ''}` : t('bulletin.noActor');
  return t('bulletin.violationExtra', {
    attribution: v.attribution,
    who,
    killed: v.killed,
    injured: v.injured,
  });
}

function Violations({ bulletin }: { readonly bulletin: Bulletin }) {
  const v = bulletin.violations;
  return (
    <section class="bulletin-section" aria-labelledby="b-violations">
      <h2 id="b-violations">{t('bulletin.violations')}</h2>
      {v.total === 0 ? (
        <p>{t('bulletin.noViolations')}</p>
      ) : (
        <>
          <p>{t('bulletin.violationsTotal', { count: v.total, killed: v.killed, injured: v.injured })}</p>
          {v.byArea.map((a) => (
            <div class="bulletin-area" key={a.area}>
              <h3>{a.area}</h3>
              <p class="hint">
                {t('bulletin.areaTotal', { count: a.count, killed: a.killed, injured: a.injured })}
              </p>
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
      <h2 id="b-activity">{t('bulletin.activity')}</h2>
      {day ? (
        <ul>
          <li>
            {postsOpen === null
              ? t('bulletin.postsNotRecorded')
              : t('bulletin.postsOpen', { count: postsOpen })}
          </li>
          <li>
            {t('bulletin.patrols', { count: day.patrols })}
            {day.patrolAreas.length ? ` (${day.patrolAreas.join(', ')})` : ''}
          </li>
          <li>
            {day.escortCorridor === null
              ? t('bulletin.escorted', { vehicles: day.escortVehicles, people: day.escortPeople })
              : t('bulletin.escortedThrough', {
                  corridor: day.escortCorridor,
                  vehicles: day.escortVehicles,
                  people: day.escortPeople,
                })}
          </li>
          <li>{t('bulletin.returned', { day: day.returned, total: totals?.returned ?? day.returned })}</li>
          <li>
            {t('bulletin.demining', {
              hectares: day.deminedHectares,
              road: day.deminedRoadKm,
              buildings: day.deminedBuildings,
              items: day.explosiveItems,
            })}
          </li>
          <li>{t('bulletin.aid', { tonnes: day.humanitarianTonnes })}</li>
          <li>
            {t('bulletin.missionViolations', { count: day.violationsRecorded })}
            <Sources sources={day.sources} />
          </li>
        </ul>
      ) : (
        <p>{t('bulletin.noActivity')}</p>
      )}
      {totals ? (
        <p class="hint">
          {t('bulletin.totals', {
            days: totals.days,
            returned: totals.returned,
            hectares: totals.deminedHectares,
            tonnes: totals.humanitarianTonnes,
            violations: totals.violationsRecorded,
          })}
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
            {t('bulletin.clause', { clause: c.clause, title: c.title, status: c.status })}
            {c.deadline ? t('bulletin.due', { date: formatDay(c.deadline.date) }) : ''}
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
      <h2 id="b-commitments">{t('bulletin.commitments')}</h2>
      {none ? <p>{t('bulletin.noCommitments')}</p> : null}
      <CommitmentItems title={t('bulletin.overdue')} items={overdue} />
      <CommitmentItems title={t('bulletin.violated')} items={violated} />
      <CommitmentItems title={t('bulletin.dueSoon', { days: DUE_SOON_DAYS })} items={dueSoon} />
      <CommitmentItems title={t('bulletin.fulfilledToday')} items={fulfilledToday} />
    </section>
  );
}

function Statements({ statements }: { readonly statements: readonly BulletinStatement[] }) {
  if (statements.length === 0) return null;
  return (
    <section class="bulletin-section" aria-labelledby="b-statements">
      <h2 id="b-statements">{t('bulletin.statements')}</h2>
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
      <h2 id="b-audit">{t('bulletin.audit')}</h2>
      <dl>
        <dt>{t('bulletin.madeAt')}</dt>
        <dd>{String(bulletin.auditHead.seq)}</dd>
        <dt>{t('bulletin.auditHead')}</dt>
        <dd>
          <code class="hash">{bulletin.auditHead.hash}</code>
        </dd>
        {c ? (
          <>
            <dt>{t('bulletin.checkpoint')}</dt>
            <dd>{t('bulletin.checkpointSize', { origin: c.origin, size: c.size })}</dd>
            <dt>{t('bulletin.rootHash')}</dt>
            <dd>
              <code class="hash">{c.root}</code>
            </dd>
            <dt>{t('bulletin.cosignedBy')}</dt>
            <dd>
              {c.cosignedBy.length
                ? c.cosignedBy.map((w) => `${w.witness} (${moment(w.time)})`).join(', ')
                : t('bulletin.noWitness')}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('bulletin.checkpoint')}</dt>
            <dd>{t('bulletin.noCheckpoint')}</dd>
          </>
        )}
      </dl>
      <p class="no-print">
        <a href={hrefOf('/bulletins/verify')}>{t('bulletin.howToCheck')}</a>
      </p>
    </section>
  );
}

/** Every section of the bulletin, in the order the mission publishes them. */
export function BulletinSections({ bulletin }: { readonly bulletin: Bulletin }) {
  return (
    <>
      {bulletin.agreement ? (
        <p>{t('bulletin.heldAgainst', { agreement: bulletin.agreement.title })}</p>
      ) : null}
      <Violations bulletin={bulletin} />
      <IncidentList id="b-other" title={t('bulletin.other')} items={bulletin.otherEvents} />
      <IncidentList
        id="b-undated"
        title={t('bulletin.undated')}
        note={t('bulletin.undatedNote', { count: bulletin.undated.length })}
        items={bulletin.undated}
      />
      <Activity bulletin={bulletin} />
      <Commitments bulletin={bulletin} />
      <Statements statements={bulletin.statements} />
      <Audit bulletin={bulletin} />
    </>
  );
}
