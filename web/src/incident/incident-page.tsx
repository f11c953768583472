import type { ComponentChildren } from 'preact';
import { getJson } from '../api-client.js';
import { preloadedPage } from '../agreement/fields.js';
import { formatNumber, t } from '../i18n/i18n.js';
import type { Location } from '../router.js';
import type { IncidentDetail, ReportView, SourceView } from '../types.js';
import { datesText, kindLabel, statusLabel } from '../ui/labels.js';
import { useLoad } from '../ui/use-load.js';
import { Highlighted } from './evidence.js';
import { IncidentActions } from './incident-actions.js';
import { ResponseForm } from './response-form.js';
import { CasualtySection, HistorySection, MergeSection, ResponsesSection, Section } from './sections.js';

/**
 * One incident: facts, the review actions the detail allows, each source's text with the evidence
 * highlighted, why the reports are one incident, the reconciled figures, the parties' responses
 * (and the form to file one, for a liaison who may), and the history of changes. The detail is
 * loaded before the page is shown; each source's text is loaded as its block is drawn.
 */
export const incidentPage = preloadedPage(() => t('incident.title'), loadDetail, IncidentView);

/** The incident the path names, or null when the path names none. */
async function loadDetail(location: Location): Promise<IncidentDetail | null> {
  const id = Number(location.segments[1]);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return getJson<IncidentDetail>(`/incidents/${id}`);
}

function IncidentView({ initial: detail }: { readonly initial: IncidentDetail | null }) {
  if (!detail)
    return (
      <>
        <h1>{t('incident.title')}</h1>
        <p class="error" role="alert">
          {t('incident.none')}
        </p>
      </>
    );
  const id = detail.incident.id;
  return (
    <>
      <Header detail={detail} />
      <div class="actions-slot">
        <IncidentActions detail={detail} />
      </div>
      <SourcesSection reports={detail.reports} />
      <MergeSection reports={detail.reports} />
      <CasualtySection casualties={detail.casualties} deaths={detail.deaths} />
      <ResponsesSection responses={detail.responses} />
      {detail.mayReply ? <ResponseForm incidentId={id} /> : null}
      <HistorySection history={detail.history} />
    </>
  );
}

function Header({ detail }: { readonly detail: IncidentDetail }) {
  const i = detail.incident;
  const actors = [i.actor1, i.actor2].filter(Boolean).join(' · ');
  return (
    <header class="incident-head">
      <h1>{i.title}</h1>
      <dl class="facts">
        <Fact term={t('list.status')}>
          <span class={`status status-${i.status}`}>{statusLabel(i.status)}</span>
        </Fact>
        <Fact term={t('list.kind')}>{kindLabel(i.kind)}</Fact>
        <Fact term={t('list.date')}>{datesText(i)}</Fact>
        <Fact term={t('list.place')}>{i.placeName ?? t('incident.unknown')}</Fact>
        <Fact term={t('incident.actors')}>{actors || t('incident.unknown')}</Fact>
        <Fact term={t('incident.version')}>{formatNumber(i.version)}</Fact>
      </dl>
      {i.summary ? <p class="summary">{i.summary}</p> : null}
      {detail.mergedInto ? (
        <p class="note">
          {`${t('incident.mergedInto')} `}
          <a href={`#/incidents/${detail.mergedInto}`}>{t('incident.number', { id: detail.mergedInto })}</a>
        </p>
      ) : null}
    </header>
  );
}

function Fact({ term, children }: { readonly term: string; readonly children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function SourcesSection({ reports }: { readonly reports: readonly ReportView[] }) {
  const withSource = reports.filter((r) => r.source !== null);
  return (
    <Section title={t('incident.sources')}>
      {withSource.length === 0 ? <p>{t('incident.noSources')}</p> : null}
      {withSource.map((report) => (
        <article key={report.id} class="source">
          <SourceHeading report={report} />
          <SourceBody report={report} />
        </article>
      ))}
    </Section>
  );
}

function SourceHeading({ report }: { readonly report: ReportView }) {
  const s = report.source;
  const title = s?.title ?? t('incident.sourceNumber', { id: s?.id ?? '?' });
  const meta = [s?.publisher, s?.published?.slice(0, 10)].filter(Boolean).join(', ');
  const url = s?.url && /^https?:\/\//i.test(s.url) ? s.url : null;
  return (
    <h3>
      {title}
      {meta ? ` — ${meta}` : ''}
      {url ? (
        <>
          {' ('}
          <a href={url} rel="noopener noreferrer nofollow" target="_blank">
            {t('incident.original')}
          </a>
          {')'}
        </>
      ) : null}
    </h3>
  );
}

/** The source's clean text with the report's evidence spans highlighted, loaded on its own. */
function SourceBody({ report }: { readonly report: ReportView }) {
  const sourceId = report.source?.id;
  const source = useLoad(() => getJson<SourceView>(`/sources/${sourceId}`), { key: String(sourceId) });
  return (
    <div class="source-body">
      {source.error ? (
        <p class="error" role="alert">
          {t('incident.sourceFailed', { error: source.error })}
        </p>
      ) : source.value === null ? (
        <p>{t('incident.loadingSource')}</p>
      ) : source.value.text === null ? (
        <p>{t('incident.sourceNoText')}</p>
      ) : (
        <>
          <Highlighted text={source.value.text} ranges={report.spans} block />
          <p class="hint">{t('incident.spansHighlighted', { count: report.spans.length })}</p>
        </>
      )}
    </div>
  );
}
