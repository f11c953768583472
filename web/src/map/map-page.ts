import * as L from 'leaflet';
import { getJson, messageOf } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, FILTER_NAMES, type Filters } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { currentLocation, hrefOf, navigate, replaceQuery } from '../router.js';
import type { MapAnswer, MapCluster, MapPoint } from '../types.js';
import { h, replace } from '../ui/dom.js';
import { bboxOf, createBaseMap, removeMap } from './basemap.js';
import { theatreCountries } from '../ui/theatre.js';
import { admin1Layer } from './admin1.js';
import { addPlaceLayers } from './labels.js';
import { createFan, fanOnActivate, type Fan } from './spiderfy.js';
import {
  clusterMarker,
  groupBySpot,
  LEGEND_STATUSES,
  pointMarker,
  separateClusters,
  shapeSwatch,
  spotMarker,
  zoomToCluster,
} from './markers.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { datesText, kindLabel, statusLabel } from '../ui/labels.js';

/** The view in the URL: `at=LAT,LON,ZOOM`, next to the filters, so a reload or a link shows it. */
export const VIEW_PARAM = 'at';

export function viewFrom(query: URLSearchParams): { lat: number; lon: number; zoom: number } | null {
  const parts = (query.get(VIEW_PARAM) ?? '').split(',').map(Number);
  const [lat, lon, zoom] = parts;
  if (parts.length !== 3 || lat === undefined || lon === undefined || zoom === undefined) return null;
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom >= 2 && zoom <= 14)) return null;
  return { lat, lon, zoom };
}

/** The incident map: the server clusters; the browser never downloads every incident. */
export const mapPage: PageModule = {
  get title() {
    return t('map.title');
  },
  async render(main, location) {
    // The map draws only incidents with coordinates; the note below counts the others.
    const filters: Filters = { ...filtersFrom(location.query), located: '' };
    const mapBox = h('div', { id: 'incident-map', class: 'map' });
    const summary = h('p', { class: 'map-summary', 'aria-live': 'polite' });
    const unlocated = h('p', { class: 'map-unlocated' });
    const legend = h('section', { class: 'map-legend', 'aria-label': t('map.legend'), tabindex: 0 });
    const list = h('div', { class: 'in-view' });
    const active = FILTER_NAMES.filter((n) => filters[n]).length;
    const folded = h(
      'details',
      { class: 'map-filters' },
      h('summary', {}, active ? t('map.filtersSet', { count: active }) : t('map.filters')),
      filterForm(filters, (next) => navigate('/map', filtersToQuery(next)), { omit: ['located'] }),
    );
    // Open on a wide screen; folded away on a phone so the map is on the first screen.
    if (window.matchMedia('(min-width: 48rem)').matches) folded.setAttribute('open', '');
    main.append(
      h('h1', {}, t('map.title')),
      folded,
      h('div', { class: 'map-frame' }, mapBox, legend),
      summary,
      unlocated,
      list,
    );
    // The markers come first; the outlines and the place names once they are drawn.
    let markersDrawn: () => void = () => {};
    const firstDraw = new Promise<void>((resolve) => (markersDrawn = resolve));
    const map = createBaseMap(mapBox, t('map.title'), firstDraw);
    const start = viewFrom(location.query);
    if (start) map.setView([start.lat, start.lon], start.zoom);
    const layer = L.layerGroup().addTo(map);
    const provinces = admin1Layer(map, theatreCountries(), firstDraw);
    const places = addPlaceLayers(map, provinces ? { [t('map.layerAdmin1')]: provinces } : {});
    const fan = createFan(map);
    const view = { map, layer, fan, summary, unlocated, legend, list, filters };
    let request = 0;
    // Once the page is left, answers still arriving draw nothing (the map is gone).
    let removed = false;
    const current = (mine: number) => !removed && mine === request;
    const refresh = () => {
      if (removed) return;
      keepViewInUrl(map, filters);
      const mine = ++request;
      void loadView(view)
        .then(
          (answer) => current(mine) && drawView(view, answer),
          (error: unknown) => current(mine) && replace(summary, messageOf(error)),
        )
        .finally(() => {
          markersDrawn();
          void firstDraw.then(() => current(mine) && places.refresh());
        });
    };
    map.on('moveend', refresh);
    refresh();
    return () => {
      removed = true;
      places.stop();
      removeMap(map);
    };
  },
};

interface MapView {
  readonly map: L.Map;
  readonly layer: L.LayerGroup;
  readonly fan: Fan;
  readonly summary: HTMLElement;
  readonly unlocated: HTMLElement;
  readonly legend: HTMLElement;
  readonly list: HTMLElement;
  readonly filters: Filters;
}

function keepViewInUrl(map: L.Map, filters: Filters): void {
  // Only while the map is the page shown: never onto the URL of the page the person went to.
  if (!map.getContainer().isConnected || currentLocation().path !== '/map') return;
  const c = map.getCenter();
  const query = filtersToQuery(filters);
  query.set(VIEW_PARAM, `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
  replaceQuery(query);
}

function loadView(view: MapView): Promise<MapAnswer> {
  return getJson<MapAnswer>('/map', {
    ...view.filters,
    bbox: bboxOf(view.map),
    zoom: Math.round(view.map.getZoom()),
  });
}

function drawView(view: MapView, answer: MapAnswer): void {
  view.layer.clearLayers();
  const clusters = separateClusters(view.map, answer.clusters);
  for (const cluster of clusters) view.layer.addLayer(clusterMarker(cluster, view.map));
  for (const spot of groupBySpot(answer.points))
    view.layer.addLayer(
      spot.length === 1 ? pointMarker(spot[0] as MapPoint) : fanOnActivate(spotMarker(spot), spot, view.fan),
    );
  const clustered = clusters.reduce((n, c) => n + c.count, 0);
  const total = clustered + answer.points.length;
  view.summary.setAttribute('data-count', String(total));
  replace(view.summary, t('map.inView', { count: total, groups: clusters.length }));
  replace(view.unlocated, ...unlocatedNote(answer.unlocated, view.filters));
  view.unlocated.setAttribute('data-count', String(answer.unlocated));
  replace(view.legend, ...legendOf(answer, clusters));
  replace(view.list, pointList(answer.points), clusterList(view.map, clusters));
}

/** How many matching incidents have no coordinates, with a link to exactly those in the list. */
function unlocatedNote(count: number, filters: Filters): (HTMLElement | string)[] {
  if (count === 0) return [];
  return [
    `${t('map.unlocated', { count })} `,
    h('a', { href: hrefOf('/list', filtersToQuery({ ...filters, located: 'no' })) }, t('map.listUnlocated')),
  ];
}

/** The legend: each status's shape and name, each kind in view with its number. */
function legendOf(answer: MapAnswer, clusters: readonly MapCluster[]): HTMLElement[] {
  const kinds = new Map<string, number>();
  for (const p of answer.points) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  for (const c of clusters)
    for (const [k, n] of Object.entries(c.kinds)) kinds.set(k, (kinds.get(k) ?? 0) + n);
  const statuses = h(
    'ul',
    { class: 'legend-statuses', 'aria-label': t('map.legendStatuses') },
    ...LEGEND_STATUSES.map((s) => h('li', {}, shapeSwatch(s), ` ${statusLabel(s)}`)),
    h(
      'li',
      {},
      h('span', { class: 'legend-cluster', 'aria-hidden': 'true' }, 'n'),
      ` ${t('map.legendGroup')}`,
    ),
    h('li', {}, h('span', { class: 'legend-spot', 'aria-hidden': 'true' }, 'n'), ` ${t('map.legendSpot')}`),
  );
  const sorted = [...kinds].sort((a, b) => b[1] - a[1]);
  const kindList = h(
    'ul',
    { class: 'legend-kinds', 'aria-label': t('map.kindsInView') },
    ...sorted.map(([k, n]) => h('li', {}, `${kindLabel(k)}: ${formatNumber(n)}`)),
  );
  return [
    h('h2', {}, t('map.legend')),
    statuses,
    ...(sorted.length ? [h('h3', {}, t('map.kindsInView')), kindList] : []),
  ];
}

/** The same incidents as a list: reachable by keyboard and read by screen readers. */
function pointList(points: readonly MapPoint[]): HTMLElement | null {
  if (points.length === 0) return null;
  return h(
    'ul',
    { class: 'points', 'aria-label': t('map.incidentsInView') },
    ...points.map((p) =>
      h(
        'li',
        {},
        h('a', { href: `#/incidents/${p.id}` }, p.title),
        ` — ${kindLabel(p.kind)}, ${statusLabel(p.status)}, ${datesText({ dateStart: p.date, dateEnd: null })}`,
      ),
    ),
  );
}

function clusterList(map: L.Map, clusters: readonly MapCluster[]): HTMLElement | null {
  if (clusters.length === 0) return null;
  return h(
    'ul',
    { class: 'clusters', 'aria-label': t('map.groupsInView') },
    ...clusters.map((c) => {
      const button = h(
        'button',
        { type: 'button', class: 'link' },
        t('map.groupNear', { count: c.count, lat: c.lat.toFixed(2), lon: c.lon.toFixed(2) }),
      );
      button.addEventListener('click', () => zoomToCluster(map, c));
      return h('li', {}, button);
    }),
  );
}
