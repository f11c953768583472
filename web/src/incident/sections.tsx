import type { ComponentChildren } from 'preact';
import { formatNumber, t, tData } from '../i18n/i18n.js';
import type { HistoryEntry, PartyResponse, ReconciledCasualty, ReportView } from '../types.js';
import { words } from '../ui/dom.js';
import { partyLabel } from '../ui/theatre.js';

/** The incident page's blocks that only present data; every value goes in as text. */

export function Section({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ComponentChildren;
}) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A stance or a casualty category in the active language (the code's words when no catalogue has it). */
export const stanceLabel = (stance: string): string => tData(`incident.stance.${stance}`) ?? words(stance);
const categoryLabel = (category: string): string => tData(`incident.casualty.${category}`) ?? words(category);

type Explanation = ReportView['merge']['explanation'];

/** Why a report is on the incident, in the words the merge left (or that it was split off). */
function whyOf(explanation: Explanation): string {
  if (explanation && 'split' in explanation && typeof explanation.split === 'string')
    return t('incident.splitWhy', { why: explanation.split });
  if (explanation && typeof explanation.reason === 'string') return explanation.reason;
  return t('incident.firstReport');
}

function featuresOf(explanation: Explanation) {
  return explanation && 'features' in explanation && Array.isArray(explanation.features)
    ? explanation.features
    : [];
}

export function MergeSection({ reports }: { readonly reports: readonly ReportView[] }) {
  return (
    <Section title={t('incident.whyOne')}>
      {reports.length === 0 ? (
        <p>{t('incident.noReports')}</p>
      ) : (
        <ul class="merge">
          {reports.map((report) => (
            <MergeItem key={report.id} report={report} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function MergeItem({ report }: { readonly report: ReportView }) {
  const { score, explanation, fromIncident } = report.merge;
  const features = featuresOf(explanation);
  return (
    <li>
      <strong>{t('incident.report', { id: report.id })}</strong>
      {score === null ? '' : ` (${t('incident.score', { score: score.toFixed(2) })})`}
      {`: ${whyOf(explanation)}.`}
      {fromIncident ? ` ${t('incident.mergedFrom', { id: fromIncident })}` : ''}
      {features.length === 0 ? null : (
        <ul class="merge-features">
          {features.map((f) => (
            <li key={f.name}>{`${words(f.name)} ${f.value.toFixed(2)}: ${f.note}`}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

const COLUMNS = ['category', 'population', 'low', 'best', 'high', 'reports', 'reconciled'] as const;

/** Each category's figures as the server reconciled them across reports, and the deaths bulletins give. */
export function CasualtySection({
  casualties,
  deaths,
}: {
  readonly casualties: readonly ReconciledCasualty[];
  readonly deaths: number;
}) {
  if (casualties.length === 0)
    return (
      <Section title={t('incident.casualties')}>
        <p>{t('incident.noFigures')}</p>
      </Section>
    );
  return (
    <Section title={t('incident.casualties')}>
      <p class="deaths">{t('incident.deaths', { count: formatNumber(deaths) })}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`incident.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {casualties.map((c) => (
              <tr key={`${c.category}/${c.population}`}>
                <td>{categoryLabel(c.category)}</td>
                <td>{words(c.population)}</td>
                <td>{formatNumber(c.low)}</td>
                <td>{formatNumber(c.best)}</td>
                <td>{formatNumber(c.high)}</td>
                <td>{c.reports.map((r) => `#${r}`).join(', ')}</td>
                <td>{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function ResponsesSection({ responses }: { readonly responses: readonly PartyResponse[] }) {
  return (
    <Section title={t('incident.responses')}>
      {responses.length === 0 ? (
        <p>{t('incident.noResponses')}</p>
      ) : (
        <ul class="responses">
          {responses.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.partyName || partyLabel(r.party)}</strong>
                {` ${stanceLabel(r.stance)} — ${r.createdAt.slice(0, 10)}`}
              </p>
              <blockquote>{r.text}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function HistorySection({ history }: { readonly history: readonly HistoryEntry[] }) {
  return (
    <Section title={t('incident.history')}>
      {history.length === 0 ? (
        <p>{t('incident.noChanges')}</p>
      ) : (
        <ol class="history">
          {history.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 16)}</time>
              {` ${t('incident.historyEntry', { actor: e.actor, action: words(e.action) })}`}
              {e.reason ? ` — ${e.reason}` : ''}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
