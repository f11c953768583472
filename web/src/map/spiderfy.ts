/**
 * Fanning out a spot: the incidents that share one spot are drawn around it, each its own marker
 * (its status's shape and colour) with a leader line back to the spot and its own popup. A
 * click on the spot, or Enter or Space on it, opens the fan; a click on the map, a zoom, Escape
 * or the spot again folds it. One fan is open at a time.
 */
import * as L from 'leaflet';
import { t } from '../i18n/i18n.js';
import type { MapPoint } from '../types.js';
import { datesText, kindLabel, statusLabel } from '../ui/labels.js';
import { fanLayout } from './fan-layout.js';
import { fannedMarker, spotKey } from './markers.js';

export interface Fan {
  /** Fans the spot's points out around `spot` (folding any other fan first), or folds it when open. */
  toggle(spot: L.Marker, points: readonly MapPoint[], options?: { focus?: boolean }): void;
  /** A spot marker the map drew (again): it shows whether its fan is open, and folds it next time. */
  attach(spot: L.Marker): void;
  /** Folds the open fan, if any. */
  fold(): void;
}

const LEADER: L.PolylineOptions = {
  color: '#344054',
  weight: 1.5,
  opacity: 0.9,
  interactive: false,
  className: 'fan-leader',
};

/** The label a screen reader reads for one fanned incident: its kind, status, date and title. */
export function fannedLabel(point: MapPoint): string {
  return t('map.fannedLabel', {
    kind: kindLabel(point.kind),
    status: statusLabel(point.status),
    date: datesText({ dateStart: point.date, dateEnd: null }),
    title: point.title,
  });
}

export function createFan(map: L.Map): Fan {
  const layer = L.layerGroup().addTo(map);
  let open: { key: string; spot: L.Marker } | undefined;

  const setExpanded = (spot: L.Marker, expanded: boolean) => {
    spot.getElement()?.setAttribute('aria-expanded', String(expanded));
    spot.getElement()?.classList.toggle('fanned-out', expanded);
  };

  const fold = () => {
    if (!open) return;
    layer.clearLayers();
    setExpanded(open.spot, false);
    open = undefined;
  };

  const unfold = (spot: L.Marker, points: readonly MapPoint[], focus: boolean) => {
    const centre = spot.getLatLng();
    const origin = map.latLngToLayerPoint(centre);
    const markers = fanLayout(points.length).map((offset, i) => {
      const at = map.layerPointToLatLng(origin.add([offset.x, offset.y]));
      layer.addLayer(L.polyline([centre, at], LEADER));
      const marker = fannedMarker(points[i] as MapPoint, at);
      marker.on('add', () => describe(marker, points[i] as MapPoint));
      marker.on('keydown', (e: L.LeafletKeyboardEvent) => onFannedKey(e, marker));
      return marker;
    });
    for (const m of markers) layer.addLayer(m);
    open = { key: keyOf(spot), spot };
    setExpanded(spot, true);
    if (focus) markers[0]?.getElement()?.focus();
  };

  const onFannedKey = (e: L.LeafletKeyboardEvent, marker: L.Marker) => {
    const key = e.originalEvent.key;
    if (key === ' ') {
      e.originalEvent.preventDefault();
      marker.openPopup();
    } else if (key === 'Escape' && open) {
      const spot = open.spot;
      fold();
      spot.getElement()?.focus();
    }
  };

  map.on('click zoomstart', fold);
  return {
    toggle(spot, points, options = {}) {
      const wasOpen = open?.key === keyOf(spot);
      fold();
      if (!wasOpen) unfold(spot, points, options.focus ?? false);
    },
    attach(spot) {
      const isOpen = open?.key === keyOf(spot);
      if (open && isOpen) open = { ...open, spot };
      setExpanded(spot, isOpen);
    },
    fold,
  };
}

const keyOf = (spot: L.Marker) => spotKey({ lat: spot.getLatLng().lat, lon: spot.getLatLng().lng });

function describe(marker: L.Marker, point: MapPoint): void {
  const element = marker.getElement();
  if (!element) return;
  element.setAttribute('aria-label', fannedLabel(point));
  element.setAttribute('data-incident', String(point.id));
}

/**
 * Makes a spot marker open and fold its fan on a click and on Enter or Space, and show it as
 * open when the map redrew it (after a pan) while its fan stayed open.
 */
export function fanOnActivate(spot: L.Marker, points: readonly MapPoint[], fan: Fan): L.Marker {
  spot.on('click', () => fan.toggle(spot, points));
  // From the keyboard the focus moves into the fan, to its first incident.
  spot.on('keydown', (e: L.LeafletKeyboardEvent) => {
    if (e.originalEvent.key !== 'Enter' && e.originalEvent.key !== ' ') return;
    e.originalEvent.preventDefault();
    fan.toggle(spot, points, { focus: true });
  });
  spot.on('add', () => fan.attach(spot));
  return spot;
}
