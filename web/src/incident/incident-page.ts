import { getJson, messageOf } from '../api-client.js';
import type { PageModule } from '../page.js';
import type { Incident } from '../types.js';
import { append, h, replace, section } from '../ui/dom.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { h as jsx, render as draw } from 'preact';
import { IncidentActions } from './incident-actions.js';
import { errorBox } from '../ui/layout.js';
import { toDetail, type IncidentDetail, type ReportView, type SourceText } from './detail-types.js';
import { highlighted } from './evidence.js';
import { responseForm } from './response-form.js';
import { casualtySection, historySection, mergeSection, responsesSection } from './sections.js';
import { datesText, kindLabel, statusLabel } from '../ui/labels.js';

/** One incident: facts, each source's text with the evidence highlighted, merges, figures, responses, history. */
export const incidentPage: PageModule = {
  get title() {
    return t('incident.title');
  },
  async render(main, location) {
    const id = Number(location.segments[1]);
    if (!Number.isSafeInteger(id) || id < 1) {
      main.append(h('h1', {}, t('incident.title')), errorBox(t('incident.none')));
      return;
    }
    const detail = toDetail(await getJson<IncidentDetail | Incident>(`/incidents/${id}`));
    const actions = h('div', { class: 'actions-slot' });
    draw(jsx(IncidentActions, { detail }), actions);
    append(
      main,
      header(detail),
      actions,
      sourcesSection(detail.reports),
      mergeSection(detail.reports),
      casualtySection(detail.casualties, detail.deaths),
      responsesSection(detail.responses, responseForm(id, detail.mayReply)),
      historySection(detail.history),
    );
    return () => draw(null, actions);
  },
};

function header(detail: IncidentDetail): HTMLElement {
  const i = detail.incident;
  const dates = datesText(i);
  const actors = [i.actor1, i.actor2].filter(Boolean).join(' · ');
  return h(
    'header',
    { class: 'incident-head' },
    h('h1', {}, i.title),
    h(
      'dl',
      { class: 'facts' },
      ...fact(t('list.status'), h('span', { class: `status status-${i.status}` }, statusLabel(i.status))),
      ...fact(t('list.kind'), kindLabel(i.kind)),
      ...fact(t('list.date'), dates),
      ...fact(t('list.place'), i.placeName ?? t('incident.unknown')),
      ...fact(t('incident.actors'), actors || t('incident.unknown')),
      ...fact(t('incident.version'), formatNumber(i.version)),
    ),
    i.summary ? h('p', { class: 'summary' }, i.summary) : null,
    detail.mergedInto
      ? h(
          'p',
          { class: 'note' },
          `${t('incident.mergedInto')} `,
          h('a', { href: `#/incidents/${detail.mergedInto}` }, `incident #${detail.mergedInto}`),
        )
      : null,
  );
}

function fact(term: string, value: Node | string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function sourcesSection(reports: readonly ReportView[]): HTMLElement {
  const withSource = reports.filter((r) => r.source !== null);
  if (withSource.length === 0) return section(t('incident.sources'), h('p', {}, t('incident.noSources')));
  const box = section(t('incident.sources'));
  for (const report of withSource) {
    const slot = h('div', { class: 'source-body' }, h('p', {}, t('incident.loadingSource')));
    box.append(h('article', { class: 'source' }, sourceHeading(report), slot));
    void loadSource(report, slot);
  }
  return box;
}

function sourceHeading(report: ReportView): HTMLElement {
  const s = report.source;
  const title = s?.title ?? `Source #${s?.id ?? '?'}`;
  const meta = [s?.publisher, s?.published?.slice(0, 10)].filter(Boolean).join(', ');
  const link =
    s?.url && /^https?:\/\//i.test(s.url)
      ? h('a', { href: s.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')
      : null;
  return h('h3', {}, title, meta ? ` — ${meta}` : '', link ? ' (' : '', link, link ? ')' : '');
}

async function loadSource(report: ReportView, slot: HTMLElement): Promise<void> {
  if (!report.source) return;
  try {
    const source = await getJson<SourceText>(`/sources/${report.source.id}`);
    replace(
      slot,
      highlighted(source.text, report.spans),
      h('p', { class: 'hint' }, `${report.spans.length} evidence span(s) highlighted.`),
    );
  } catch (error) {
    replace(slot, errorBox(`The source could not be loaded: ${messageOf(error)}`));
  }
}
