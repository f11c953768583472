/**
 * The offline basemap: Natural Earth country outlines (world-atlas, public domain) drawn as
 * GeoJSON by Leaflet. No tile server, so the map works on a laptop with no internet.
 */
import * as L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { t } from '../i18n/i18n.js';
/** The outlines' URL, hashed by the build (scripts/build-web.mjs) so it can be cached for good. */
declare const __COUNTRIES_URL__: string;

let countries: Promise<GeoJSON.FeatureCollection> | undefined;

function loadCountries(): Promise<GeoJSON.FeatureCollection> {
  countries ??= fetch(__COUNTRIES_URL__)
    .then((r) => r.json() as Promise<Topology>)
    .then((topology) => {
      const outlines = feature(topology, topology.objects['countries'] as GeometryCollection);
      return outlines as GeoJSON.FeatureCollection;
    });
  return countries;
}

const COUNTRY_STYLE: L.PathOptions = { color: '#7b8794', weight: 1, fillColor: '#f4f1e8', fillOpacity: 1 };

/**
 * Creates a map in `element` with the country outlines beneath. `outlinesAfter`: fetch the
 * outlines only once it settles (the incident map draws its markers first on a slow line).
 */
export function createBaseMap(
  element: HTMLElement,
  label: string,
  outlinesAfter: Promise<unknown> = Promise.resolve(),
): L.Map {
  const map = L.map(element, {
    zoomSnap: 0.5,
    minZoom: 2,
    maxZoom: 14,
    fadeAnimation: false,
    zoomAnimation: false,
  });
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', label);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(t('map.attribution'));
  map.getContainer().style.background = '#cfe3ef';
  map.setView([40.0, 46.6], 7);
  void outlinesAfter
    .catch(() => undefined)
    .then(loadCountries)
    .then((data) => L.geoJSON(data, { style: COUNTRY_STYLE, interactive: false }).addTo(map).bringToBack())
    .catch(() => element.setAttribute('data-basemap', 'missing'));
  return map;
}

/**
 * Takes a map down. Stopping the running pan or zoom first matters: Leaflet finishes an
 * animation on a removed map and throws ("reading '_leaflet_pos'") when the page changes mid-zoom.
 */
export function removeMap(map: L.Map): void {
  map.stop();
  map.off();
  map.closePopup();
  map.remove();
}

/** The map's view as the API's `bbox=W,S,E,N`. */
export function bboxOf(map: L.Map): string {
  const b = map.getBounds();
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v)).toFixed(4);
  return [
    clamp(b.getWest(), 180),
    clamp(b.getSouth(), 90),
    clamp(b.getEast(), 180),
    clamp(b.getNorth(), 90),
  ].join(',');
}
