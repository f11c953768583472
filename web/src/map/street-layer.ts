/**
 * The center's own vector basemap (`truce serve --basemap FILE.pmtiles`): a Protomaps extract read
 * from /basemap.pmtiles with range requests and drawn on canvas tiles by protomaps-leaflet, for
 * street-level detail up to the map's highest zoom. Loaded as its own chunk, only when the server
 * has a basemap, so the map page stays small without one. Nothing comes from the internet: no
 * fonts (the browser's sans-serif), no sprites, the style is in the bundle.
 */
import { namedFlavor, type Flavor } from '@protomaps/basemaps';
import * as L from 'leaflet';
import { PMTiles } from 'pmtiles';
import { labelRules, leafletLayer, paintRules } from 'protomaps-leaflet';
import { language, t } from '../i18n/i18n.js';
import { LAND, SEA } from './basemap-colours.js';

/** The Protomaps light style in the outlines' colours, so the streets' land and sea meet theirs. */
const FLAVOR: Flavor = { ...namedFlavor('light'), earth: LAND, water: SEA };

/**
 * Draws the archive at `url` beneath everything else on `map` (tile pane), inside the archive's
 * bounds, overzooming past its highest zoom. Place names stay Truce's own (labels.ts: the
 * theatre's names), so the archive's are not drawn; street and water names are.
 */
export async function addStreetLayer(map: L.Map, url: string): Promise<void> {
  // protomaps-leaflet extends the global L.GridLayer of the Leaflet the page uses.
  Object.assign(window, { L });
  const archive = new PMTiles(url);
  const [header, metadata] = await Promise.all([archive.getHeader(), archive.getMetadata()]);
  if (!map.getPane('tilePane')) return; // the map was taken down meanwhile
  const lang = language().code;
  leafletLayer({
    url: archive,
    paintRules: paintRules(FLAVOR),
    labelRules: labelRules(FLAVOR, lang).filter((rule) => rule.dataLayer !== 'places'),
    // No background: past the extract's land and water (a tile straddling its bounds) the
    // country outlines beneath show through.
    lang,
    maxDataZoom: header.maxZoom,
    bounds: L.latLngBounds([header.minLat, header.minLon], [header.maxLat, header.maxLon]),
    attribution: t('map.streetsAttribution', { source: creditOf(metadata) }),
    className: 'street-tiles',
  }).addTo(map);
}

/**
 * The archive's own credit (its metadata's `attribution`) as escaped text, since Leaflet writes
 * attributions as HTML; OpenStreetMap's when it has none, as Protomaps extracts are made from it.
 */
function creditOf(metadata: unknown): string {
  const raw =
    typeof metadata === 'object' && metadata !== null && 'attribution' in metadata
      ? metadata.attribution
      : undefined;
  const html = typeof raw === 'string' ? raw : '';
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
  const span = document.createElement('span');
  span.textContent = text === '' ? '© OpenStreetMap' : text;
  return span.innerHTML;
}
