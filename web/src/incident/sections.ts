import { t } from '../i18n/i18n.js';
import { h, num, section, words } from '../ui/dom.js';
import type { Casualty, HistoryEntry, PartyResponse, ReportView } from './detail-types.js';
import { partyLabel } from '../ui/theatre.js';

/** The incident page's blocks that only present data. */
export function mergeSection(reports: readonly ReportView[]): HTMLElement {
  if (reports.length === 0) return section(t('incident.whyOne'), h('p', {}, t('incident.noReports')));
  return section(t('incident.whyOne'), h('ul', { class: 'merge' }, ...reports.map(mergeItem)));
}

function mergeItem(report: ReportView): HTMLElement {
  const explanation = report.merge.explanation;
  const why =
    explanation?.reason ??
    (explanation?.split ? `split: ${explanation.split}` : 'the first report of this incident');
  const score = report.merge.score === null ? '' : ` (score ${report.merge.score.toFixed(2)})`;
  const from = report.merge.fromIncident ? ` Merged from incident #${report.merge.fromIncident}.` : '';
  const features = explanation?.features ?? [];
  return h(
    'li',
    {},
    h('strong', {}, `Report #${report.id}`),
    `${score}: ${why}.${from}`,
    features.length === 0
      ? null
      : h(
          'ul',
          { class: 'merge-features' },
          ...features.map((f) =>
            h('li', {}, `${words(f.name ?? 'feature')} ${(f.value ?? 0).toFixed(2)}: ${f.note ?? ''}`),
          ),
        ),
  );
}

export function casualtySection(casualties: readonly Casualty[], deaths?: number): HTMLElement {
  if (casualties.length === 0) return section(t('incident.casualties'), h('p', {}, t('incident.noFigures')));
  const stated =
    deaths === undefined
      ? []
      : [
          h(
            'p',
            { class: 'deaths' },
            `Deaths (conservative count, as in bulletins and exports): ${num(deaths)}`,
          ),
        ];
  return section(
    t('incident.casualties'),
    ...stated,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Category', 'Population', 'Low', 'Best', 'High', 'Reports', 'How reconciled'].map((c) =>
              h('th', { scope: 'col' }, c),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...casualties.map((c) =>
            h(
              'tr',
              {},
              h('td', {}, words(c.category)),
              h('td', {}, words(c.population)),
              h('td', {}, num(c.low)),
              h('td', {}, num(c.best)),
              h('td', {}, num(c.high)),
              h('td', {}, c.reports.map((r) => `#${r}`).join(', ')),
              h('td', {}, c.note),
            ),
          ),
        ),
      ),
    ),
  );
}

export function responsesSection(responses: readonly PartyResponse[], form: HTMLElement | null): HTMLElement {
  const list =
    responses.length === 0
      ? h('p', {}, t('incident.noResponses'))
      : h(
          'ul',
          { class: 'responses' },
          ...responses.map((r) =>
            h(
              'li',
              {},
              h(
                'p',
                {},
                h('strong', {}, r.partyName || partyLabel(r.party)),
                ` ${words(r.stance)} — ${r.createdAt.slice(0, 10)}`,
              ),
              h('blockquote', {}, r.text),
            ),
          ),
        );
  return section(t('incident.responses'), list, form);
}

export function historySection(history: readonly HistoryEntry[]): HTMLElement {
  if (history.length === 0) return section(t('incident.history'), h('p', {}, t('incident.noChanges')));
  return section(
    t('incident.history'),
    h(
      'ol',
      { class: 'history' },
      ...history.map((e) =>
        h(
          'li',
          {},
          h('time', { datetime: e.at }, e.at.replace('T', ' ').slice(0, 16)),
          ` ${e.actor}: ${words(e.action)}${e.reason ? ` — ${e.reason}` : ''}`,
        ),
      ),
    ),
  );
}
