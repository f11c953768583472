/**
 * The offline basemap: Natural Earth country outlines (world-atlas, public domain) drawn as
 * GeoJSON by Leaflet. No tile server, so the map works on a laptop with no internet. When the
 * center serves a vector basemap of its own (streets.ts), its streets are drawn over the outlines,
 * which then still show the world outside its extract.
 */
import * as L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { t } from '../i18n/i18n.js';
import { BORDER, LAND, SEA } from './basemap-colours.js';
import { addStreets } from './streets.js';
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

const COUNTRY_STYLE: L.PathOptions = { color: BORDER, weight: 1, fillColor: LAND, fillOpacity: 1 };
/** With streets, the outlines go beneath the tiles (tile pane: 200), not in the markers' pane. */
const OUTLINES_PANE = 'outlines';

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
  map.getContainer().style.background = SEA;
  map.setView([40.0, 46.6], 7);
  const streets = addStreets(map, element);
  void outlinesAfter
    .catch(() => undefined)
    .then(() => Promise.all([loadCountries(), streets]))
    .then(([data, hasStreets]) => addOutlines(map, data, hasStreets))
    .catch(() => element.setAttribute('data-basemap', 'missing'));
  return map;
}

function addOutlines(map: L.Map, data: GeoJSON.FeatureCollection, beneathStreets: boolean): void {
  if (!map.getPane('overlayPane')) return; // the map was taken down meanwhile
  if (beneathStreets && !map.getPane(OUTLINES_PANE)) map.createPane(OUTLINES_PANE).style.zIndex = '150';
  const pane = beneathStreets ? OUTLINES_PANE : 'overlayPane';
  L.geoJSON(data, { style: COUNTRY_STYLE, interactive: false, pane }).addTo(map).bringToBack();
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
