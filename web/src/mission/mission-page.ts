import * as L from 'leaflet';
import { getJson } from '../api-client.js';
import { createBaseMap, removeMap } from '../map/basemap.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import { asOfForm, todayIso } from '../ui/as-of.js';
import { h, num, section } from '../ui/dom.js';
import { hasRole } from '../session.js';
import { fieldLabel } from './activity-labels.js';
import { barSeries, ceilingMeter } from './charts.js';
import { activityItems, type Activity, type MissionStatus, type Post } from './mission-types.js';

/** The mission dashboard: term and notice dates, strength against ceilings, posts, activity over time. */
export const missionPage: PageModule = {
  title: 'Mission dashboard',
  async render(main, location) {
    const asOf = location.query.get('asOf') || todayIso();
    const status = await getJson<MissionStatus>('/mission/status', { asOf });
    const activity = activityItems(await getJson<unknown>('/mission/activity', { to: asOf }));
    const mapBox = h('div', { id: 'posts-map', class: 'map small' });
    main.append(
      h('h1', {}, status.mission.name),
      asOfForm(asOf, (next) => navigate('/mission', new URLSearchParams({ asOf: next }))),
      termSection(status),
      strengthSection(status),
      section(`Observation posts (${status.posts.open} open)`, mapBox, postList(status.posts.list)),
      activitySection(activity),
      totalsSection(status),
    );
    const map = createBaseMap(mapBox, 'Map of the mission’s observation posts');
    drawPosts(map, status.posts.list);
    return () => removeMap(map);
  },
};

function termSection(s: MissionStatus): HTMLElement {
  return section(
    'Mandate',
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Term'),
      h('dd', {}, `period ${s.term.period}, ${s.term.state.replace(/_/g, ' ')}, ends ${s.term.termEnd}`),
      h('dt', {}, 'Next notice date'),
      h('dd', {}, s.term.nextNoticeDate ?? '—'),
      h('dt', {}, 'Renews automatically'),
      h('dd', {}, s.term.renewsAutomatically ? 'yes' : 'no'),
    ),
  );
}

function strengthSection(s: MissionStatus): HTMLElement {
  return section(
    `Strength against the ceilings${s.strength.asOf ? ` (reported ${s.strength.asOf})` : ''}`,
    ceilingMeter({ label: 'Personnel', value: s.strength.personnel, ceiling: s.ceilings.personnel }),
    ceilingMeter({
      label: 'Armoured vehicles',
      value: s.strength.armouredVehicles,
      ceiling: s.ceilings.armouredVehicles,
    }),
    ceilingMeter({
      label: 'Other vehicles',
      value: s.strength.otherVehicles,
      ceiling: s.ceilings.otherVehicles,
    }),
  );
}

function postList(posts: readonly Post[]): HTMLElement {
  return h(
    'ul',
    { class: 'posts' },
    ...posts.map((p) =>
      h('li', {}, `${p.code} — ${p.name}${p.placeName ? ` (${p.placeName})` : ''}, since ${p.openedOn}`),
    ),
  );
}

function drawPosts(map: L.Map, posts: readonly Post[]): void {
  const markers = posts.map((p) =>
    L.circleMarker([p.lat, p.lon], { radius: 6, color: '#1d4ed8', fillOpacity: 0.8 }).bindTooltip(
      h('span', {}, `${p.code} ${p.name}`),
    ),
  );
  const group = L.featureGroup(markers).addTo(map);
  if (markers.length > 0) map.fitBounds(group.getBounds().pad(0.3));
}

function activitySection(activity: readonly Activity[]): HTMLElement {
  const recent = activity.slice(-60);
  const series = (pick: (a: Activity) => number) => recent.map((a) => ({ day: a.day, value: pick(a) }));
  return section(
    'Activity over time',
    recent.length === 0 ? h('p', {}, 'No activity recorded yet.') : null,
    recent.length === 0
      ? null
      : barSeries(
          'Patrols per day',
          series((a) => a.patrols),
        ),
    recent.length === 0
      ? null
      : barSeries(
          'People returned per day',
          series((a) => a.returned),
        ),
    recent.length === 0
      ? null
      : barSeries(
          'Violations recorded per day',
          series((a) => a.violationsRecorded),
        ),
    recent.length === 0
      ? null
      : h(
          'p',
          { class: 'hint' },
          `Latest record: ${recent[recent.length - 1]?.day}, personnel ${num(recent[recent.length - 1]?.personnel)}.`,
        ),
  );
}

function totalsSection(s: MissionStatus): HTMLElement {
  const { days, ...totals } = s.totals;
  return section(
    `Totals since records began (${days} days)`,
    h(
      'dl',
      { class: 'facts totals' },
      ...Object.entries(totals).flatMap(([name, value]) => [
        h('dt', {}, fieldLabel(name)),
        h('dd', {}, num(value)),
      ]),
    ),
    hasRole('admin', 'analyst', 'monitor')
      ? h('p', {}, h('a', { href: '#/activity' }, 'File a day or correct a day filed'))
      : null,
  );
}
