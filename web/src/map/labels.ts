/**
 * Place names over the basemap (`/api/map/places`: the most populous places of the view, the
 * theatre's settlements by their pack names) and the theatre's other places (corridors, passes,
 * posts, lines) as a layer; both can be switched off in the layers control.
 */
import * as L from 'leaflet';
import { getJson } from '../api-client.js';
import { t } from '../i18n/i18n.js';
import { h } from '../ui/dom.js';
import { bboxOf } from './basemap.js';

interface Label {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}
type Position = readonly [number, number];
interface Feature {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly geometry:
    | { readonly type: 'Point'; readonly coordinates: Position }
    | { readonly type: 'LineString'; readonly coordinates: readonly Position[] }
    | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] };
}
interface PlacesAnswer {
  readonly labels: readonly Label[];
  readonly features: readonly Feature[];
}

/** A label is left out when it would sit this close (px) to a more populous one already drawn. */
const GAP_X = 90;
const GAP_Y = 22;

export interface PlaceLayers {
  /** Draws the names of the current view (call after each move). */
  refresh(): void;
  /** Draws nothing more (the map is being removed). */
  stop(): void;
}

/** `more`: further layers for the same control, shown and named after the place layers. */
export function addPlaceLayers(map: L.Map, more: Readonly<Record<string, L.Layer>> = {}): PlaceLayers {
  const names = L.layerGroup().addTo(map);
  const theatre = L.layerGroup().addTo(map);
  for (const layer of Object.values(more)) layer.addTo(map);
  L.control
    .layers(
      undefined,
      { [t('map.layerPlaceNames')]: names, [t('map.layerTheatrePlaces')]: theatre, ...more },
      { collapsed: false, position: 'topright' },
    )
    .addTo(map);
  let request = 0;
  let featuresDrawn = false;
  let removed = false;
  const refresh = () => {
    if (removed) return;
    const mine = ++request;
    void getJson<PlacesAnswer>('/map/places', { bbox: bboxOf(map) }).then(
      (answer) => {
        if (removed || mine !== request) return;
        drawLabels(map, names, answer.labels);
        if (!featuresDrawn) {
          drawFeatures(theatre, answer.features);
          featuresDrawn = true;
        }
      },
      () => map.getContainer().setAttribute('data-labels', 'missing'),
    );
  };
  return { refresh, stop: () => (removed = true) };
}

function drawLabels(map: L.Map, layer: L.LayerGroup, labels: readonly Label[]): void {
  layer.clearLayers();
  const placed: L.Point[] = [];
  for (const label of labels) {
    const p = map.latLngToLayerPoint([label.lat, label.lon]);
    if (placed.some((q) => Math.abs(q.x - p.x) < GAP_X && Math.abs(q.y - p.y) < GAP_Y)) continue;
    placed.push(p);
    const big = label.population >= 500_000 ? ' big' : '';
    layer.addLayer(
      L.marker([label.lat, label.lon], {
        icon: L.divIcon({
          html: h('span', {}, label.name),
          className: `place-label${big}`,
          iconSize: undefined,
        }),
        interactive: false,
        keyboard: false,
      }),
    );
  }
}

const LINE: L.PathOptions = { color: '#1d4ed8', weight: 3, dashArray: '6 4', interactive: false };

function drawFeatures(layer: L.LayerGroup, features: readonly Feature[]): void {
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'LineString')
      layer.addLayer(
        L.polyline(
          g.coordinates.map(([x, y]) => [y, x]),
          LINE,
        ),
      );
    else if (g.type === 'Polygon')
      layer.addLayer(
        L.polygon(
          g.coordinates.map((ring) => ring.map(([x, y]) => [y, x] as [number, number])),
          {
            ...LINE,
            fillOpacity: 0.08,
          },
        ),
      );
    const [lon, lat] =
      g.type === 'Point'
        ? g.coordinates
        : centreOf(g.type === 'LineString' ? g.coordinates : (g.coordinates[0] ?? []));
    layer.addLayer(
      L.marker([lat, lon], {
        icon: L.divIcon({
          html: h('span', {}, `${f.name} (${f.kind})`),
          className: 'theatre-label',
          iconSize: undefined,
        }),
        interactive: false,
        keyboard: false,
      }),
    );
  }
}

function centreOf(points: readonly Position[]): Position {
  const mid = points[Math.floor(points.length / 2)];
  return mid ?? [0, 0];
}
