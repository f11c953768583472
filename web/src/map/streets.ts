/**
 * Whether the center serves a vector basemap of its own (`/api/map/basemap`), asked once per page
 * load; when it does, the street layer's chunk (protomaps-leaflet, pmtiles) is loaded and drawn.
 * Without one nothing more is downloaded: the country outlines are the basemap.
 */
import type * as L from 'leaflet';
import { getJson } from '../api-client.js';

let configured: Promise<string | null> | undefined;

/** The basemap's URL, or null when the center has none (or the server cannot say). */
export function streetsUrl(): Promise<string | null> {
  configured ??= getJson<{ url: string | null }>('/map/basemap').then(
    (answer) => answer.url,
    () => null,
  );
  return configured;
}

/**
 * Draws the center's streets on `map` when it has a basemap; answers whether it has one. The map
 * element says what it drew (`data-streets="drawn"`, or `"failed"` when the archive could not be read).
 */
export async function addStreets(map: L.Map, element: HTMLElement): Promise<boolean> {
  const url = await streetsUrl();
  if (url === null) return false;
  try {
    const { addStreetLayer } = await import('./street-layer.js');
    await addStreetLayer(map, url);
    element.setAttribute('data-streets', 'drawn');
  } catch {
    element.setAttribute('data-streets', 'failed');
  }
  return true;
}
