import * as L from 'leaflet';
import { h, words } from '../ui/dom.js';
import type { MapCluster, MapPoint } from '../types.js';
import { kindLabel, NO_DATE } from '../ui/labels.js';

/** Markers for the map's answer: clusters (a count; click to zoom in) and single incidents. */
const STATUS_COLOURS: Readonly<Record<string, string>> = {
  confirmed: '#b42318',
  disputed: '#b54708',
  under_review: '#6941c6',
  candidate: '#475467',
};

export function clusterMarker(cluster: MapCluster, map: L.Map): L.Marker {
  const size = 28 + Math.min(24, Math.round(Math.log10(cluster.count + 1) * 10));
  const icon = L.divIcon({
    html: h('span', {}, String(cluster.count)),
    className: 'cluster',
    iconSize: [size, size],
  });
  const marker = L.marker([cluster.lat, cluster.lon], {
    icon,
    keyboard: true,
    title: `${cluster.count} incidents here; zoom in`,
    alt: `${cluster.count} incidents`,
  });
  marker.on('click', () => zoomToCluster(map, cluster));
  return marker;
}

export function zoomToCluster(map: L.Map, cluster: MapCluster): void {
  const [w, s, e, n] = cluster.bbox;
  map.fitBounds(
    [
      [s, w],
      [n, e],
    ],
    { maxZoom: map.getZoom() + 3 },
  );
}

export function pointMarker(point: MapPoint): L.CircleMarker {
  const colour = STATUS_COLOURS[point.status] ?? '#344054';
  const marker = L.circleMarker([point.lat, point.lon], {
    radius: 8,
    color: '#fff',
    weight: 2,
    fillColor: colour,
    fillOpacity: 0.9,
  });
  marker.bindPopup(() => pointPopup(point), { autoPan: false });
  marker.bindTooltip(() => h('span', {}, point.title));
  return marker;
}

function pointPopup(point: MapPoint): HTMLElement {
  return h(
    'div',
    { class: 'popup' },
    h('a', { href: `#/incidents/${point.id}` }, point.title),
    h('p', {}, `${kindLabel(point.kind)} · ${words(point.status)}${` · ${point.date ?? NO_DATE}`}`),
  );
}
