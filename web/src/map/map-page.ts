import * as L from 'leaflet';
import { getJson, messageOf } from '../api-client.js';
import { filterForm, filtersFrom, filtersToQuery, type Filters } from '../filters/filters.js';
import type { PageModule } from '../page.js';
import { navigate } from '../router.js';
import type { MapAnswer, MapCluster, MapPoint } from '../types.js';
import { h, replace, words } from '../ui/dom.js';
import { bboxOf, createBaseMap, removeMap } from './basemap.js';
import { clusterMarker, pointMarker, zoomToCluster } from './markers.js';
import { kindLabel, NO_DATE } from '../ui/labels.js';

/** The incident map: the server clusters; the browser never downloads every incident. */
export const mapPage: PageModule = {
  title: 'Map of incidents',
  async render(main, location) {
    const filters = filtersFrom(location.query);
    const mapBox = h('div', { id: 'incident-map', class: 'map' });
    const summary = h('p', { class: 'map-summary', 'aria-live': 'polite' });
    const list = h('div', { class: 'in-view' });
    main.append(
      h('h1', {}, 'Map of incidents'),
      filterForm(filters, (next) => navigate('/map', filtersToQuery(next))),
      mapBox,
      summary,
      list,
    );
    const map = createBaseMap(mapBox, 'Map of incidents');
    const layer = L.layerGroup().addTo(map);
    const view = { map, layer, summary, list, filters };
    let request = 0;
    const refresh = () => {
      const mine = ++request;
      void loadView(view).then(
        (answer) => mine === request && drawView(view, answer),
        (error: unknown) => mine === request && replace(summary, messageOf(error)),
      );
    };
    map.on('moveend', refresh);
    refresh();
    return () => removeMap(map);
  },
};

interface MapView {
  readonly map: L.Map;
  readonly layer: L.LayerGroup;
  readonly summary: HTMLElement;
  readonly list: HTMLElement;
  readonly filters: Filters;
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
  for (const cluster of answer.clusters) view.layer.addLayer(clusterMarker(cluster, view.map));
  for (const point of answer.points) view.layer.addLayer(pointMarker(point));
  const clustered = answer.clusters.reduce((n, c) => n + c.count, 0);
  const total = clustered + answer.points.length;
  view.summary.setAttribute('data-count', String(total));
  replace(
    view.summary,
    `${total} incident${total === 1 ? '' : 's'} in view${answer.clusters.length ? `, ${answer.clusters.length} groups` : ''}.`,
  );
  replace(view.list, pointList(answer.points), clusterList(view.map, answer.clusters));
}

/** The same incidents as a list: reachable by keyboard and read by screen readers. */
function pointList(points: readonly MapPoint[]): HTMLElement | null {
  if (points.length === 0) return null;
  return h(
    'ul',
    { class: 'points', 'aria-label': 'Incidents in view' },
    ...points.map((p) =>
      h(
        'li',
        {},
        h('a', { href: `#/incidents/${p.id}` }, p.title),
        ` — ${kindLabel(p.kind)}, ${words(p.status)}, ${p.date ?? NO_DATE}`,
      ),
    ),
  );
}

function clusterList(map: L.Map, clusters: readonly MapCluster[]): HTMLElement | null {
  if (clusters.length === 0) return null;
  return h(
    'ul',
    { class: 'clusters', 'aria-label': 'Groups of incidents in view' },
    ...clusters.map((c) => {
      const button = h(
        'button',
        { type: 'button', class: 'link' },
        `${c.count} incidents near ${c.lat.toFixed(2)}, ${c.lon.toFixed(2)} — zoom in`,
      );
      button.addEventListener('click', () => zoomToCluster(map, c));
      return h('li', {}, button);
    }),
  );
}
