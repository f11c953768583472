import * as L from 'leaflet';
import { h } from '../ui/dom.js';
import type { MapCluster, MapPoint } from '../types.js';
import { t } from '../i18n/i18n.js';
import { datesText, kindLabel, statusLabel } from '../ui/labels.js';
import { INCIDENT_STATUSES } from '../ui/vocabulary.js';

/**
 * Markers for the map's answer: clusters (a count; click to zoom in) and single incidents. A
 * status has a shape and a colour (never colour alone); the legend names both.
 */
export type Shape = 'circle' | 'diamond' | 'square' | 'triangle';

export const STATUS_STYLES: Readonly<Record<string, { readonly colour: string; readonly shape: Shape }>> = {
  confirmed: { colour: '#b42318', shape: 'circle' },
  disputed: { colour: '#b54708', shape: 'diamond' },
  under_review: { colour: '#6941c6', shape: 'square' },
  candidate: { colour: '#475467', shape: 'triangle' },
};
const OTHER_STATUS = { colour: '#344054', shape: 'circle' as Shape };
export const styleOf = (status: string) => STATUS_STYLES[status] ?? OTHER_STATUS;
/** The statuses in the vocabulary's order, for the legend. */
export const LEGEND_STATUSES = INCIDENT_STATUSES.filter((s) => s in STATUS_STYLES);

/** An SVG path for a shape of radius r centred on (x, y). */
export function shapePath(shape: Shape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'diamond':
      return `M${x},${y - r * 1.25}L${x + r * 1.25},${y}L${x},${y + r * 1.25}L${x - r * 1.25},${y}Z`;
    case 'square':
      return `M${x - r},${y - r}L${x + r},${y - r}L${x + r},${y + r}L${x - r},${y + r}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.3}L${x + r * 1.2},${y + r * 0.9}L${x - r * 1.2},${y + r * 0.9}Z`;
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
}

interface ShapeOptions extends L.CircleMarkerOptions {
  shape: Shape;
}

/** A circle marker drawn as another shape (SVG renderer): still one path, still interactive. */
const ShapeMarker = L.CircleMarker.extend({
  _updatePath(this: L.CircleMarker & { _point: L.Point; _radius: number; _renderer: unknown }) {
    const { x, y } = this._point;
    const renderer = this._renderer as { _setPath?: (layer: unknown, d: string) => void };
    const shape = (this.options as ShapeOptions).shape;
    if (!renderer._setPath)
      return (L.CircleMarker.prototype as unknown as { _updatePath(): void })._updatePath.call(this);
    renderer._setPath(this, shapePath(shape, x, y, this._radius));
  },
}) as unknown as new (at: L.LatLngExpression, options: ShapeOptions) => L.CircleMarker;

/** Cluster circles: at least this far apart in pixels, so none hides another's count. */
export const CLUSTER_SPACING = 44;

export function clusterSize(count: number): number {
  return 30 + Math.min(12, Math.round(Math.log10(count) * 4));
}

/**
 * Merges clusters whose circles would overlap at the map's zoom (the server's grid cells put
 * clusters at their members' mean, which may sit close to a neighbour's): counts add up, the
 * position is the weighted mean, the boxes join.
 */
export function separateClusters(map: L.Map, clusters: readonly MapCluster[]): MapCluster[] {
  const out: { c: MapCluster; p: L.Point }[] = [];
  for (const c of [...clusters].sort((a, b) => b.count - a.count)) {
    const p = map.latLngToLayerPoint([c.lat, c.lon]);
    const near = out.find((o) => o.p.distanceTo(p) < CLUSTER_SPACING);
    if (!near) {
      out.push({ c, p });
      continue;
    }
    const a = near.c;
    const count = a.count + c.count;
    const kinds: Record<string, number> = { ...a.kinds };
    for (const [k, n] of Object.entries(c.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
    near.c = {
      count,
      lat: (a.lat * a.count + c.lat * c.count) / count,
      lon: (a.lon * a.count + c.lon * c.count) / count,
      bbox: [
        Math.min(a.bbox[0], c.bbox[0]),
        Math.min(a.bbox[1], c.bbox[1]),
        Math.max(a.bbox[2], c.bbox[2]),
        Math.max(a.bbox[3], c.bbox[3]),
      ],
      kinds,
    };
    near.p = map.latLngToLayerPoint([near.c.lat, near.c.lon]);
  }
  return out.map((o) => o.c);
}

export function clusterMarker(cluster: MapCluster, map: L.Map): L.Marker {
  const size = clusterSize(cluster.count);
  const icon = L.divIcon({
    html: h('span', {}, String(cluster.count)),
    className: 'cluster',
    iconSize: [size, size],
  });
  const marker = L.marker([cluster.lat, cluster.lon], {
    icon,
    keyboard: true,
    title: t('map.clusterTitle', { count: cluster.count }),
    alt: `${cluster.count} incidents`,
  });
  marker.on('click', () => zoomToCluster(map, cluster));
  return marker;
}

export function zoomToCluster(map: L.Map, cluster: MapCluster): void {
  const [w, s, e, n] = cluster.bbox;
  if (w === e && s === n) {
    map.setView([s, w], Math.min(map.getMaxZoom(), map.getZoom() + 3));
    return;
  }
  map.fitBounds(
    [
      [s, w],
      [n, e],
    ],
    { maxZoom: map.getZoom() + 3, padding: [24, 24] },
  );
}

/** The key of a spot: its position to five decimals (about a metre). */
export const spotKey = (p: { lat: number; lon: number }) => `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;

/** Points at the same spot, drawn as one marker that fans them out (spiderfy.ts). */
export function groupBySpot(points: readonly MapPoint[]): MapPoint[][] {
  const spots = new Map<string, MapPoint[]>();
  for (const p of points) {
    const key = spotKey(p);
    const spot = spots.get(key);
    if (spot) spot.push(p);
    else spots.set(key, [p]);
  }
  return [...spots.values()];
}

const POPUP: L.PopupOptions = {
  autoPan: true,
  autoPanPadding: [12, 12],
  keepInView: true,
  maxWidth: 280,
  maxHeight: 260,
};

export function pointMarker(point: MapPoint): L.CircleMarker {
  const style = styleOf(point.status);
  const marker = new ShapeMarker([point.lat, point.lon], {
    shape: style.shape,
    radius: 7,
    color: '#fff',
    weight: 2,
    fillColor: style.colour,
    fillOpacity: 0.95,
  });
  marker.bindPopup(() => pointPopup(point), POPUP);
  marker.bindTooltip(() =>
    h('span', {}, `${point.title} (${kindLabel(point.kind)}, ${statusLabel(point.status)})`),
  );
  return marker;
}

/** Several incidents at one spot: a marker with their number, a button that fans them out. */
export function spotMarker(points: readonly MapPoint[]): L.Marker {
  const first = points[0] as MapPoint;
  const icon = L.divIcon({
    html: h('span', { 'aria-hidden': 'true' }, String(points.length)),
    className: 'spot',
    iconSize: [26, 26],
  });
  const marker = L.marker([first.lat, first.lon], {
    icon,
    keyboard: true,
    title: t('map.spotTitle', { count: points.length }),
  });
  marker.on('add', () =>
    marker.getElement()?.setAttribute('aria-label', t('map.spotAlt', { count: points.length })),
  );
  return marker;
}

/** One incident of a fanned-out spot: its status's shape, focusable, with its own popup. */
export function fannedMarker(point: MapPoint, at: L.LatLngExpression): L.Marker {
  const icon = L.divIcon({ html: shapeSwatch(point.status), className: 'fanned', iconSize: [22, 22] });
  const marker = L.marker(at, { icon, keyboard: true, title: point.title, riseOnHover: true });
  marker.bindPopup(() => pointPopup(point), POPUP);
  return marker;
}

function pointLines(point: MapPoint): (HTMLElement | string)[] {
  return [
    h('a', { href: `#/incidents/${point.id}` }, point.title),
    h(
      'span',
      { class: 'meta' },
      `${kindLabel(point.kind)} · ${statusLabel(point.status)} · ${datesText({ dateStart: point.date, dateEnd: null })}`,
    ),
  ];
}

function pointPopup(point: MapPoint): HTMLElement {
  return h('div', { class: 'popup' }, ...pointLines(point));
}

/** A small SVG of a status's shape, for the legend. */
export function shapeSwatch(status: string): SVGSVGElement {
  const style = styleOf(status);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', shapePath(style.shape, 9, 9, 6));
  path.setAttribute('fill', style.colour);
  path.setAttribute('stroke', '#fff');
  path.setAttribute('stroke-width', '1.5');
  svg.append(path);
  return svg;
}
