/**
 * The theatre's provinces and regions (admin-1 boundaries, Natural Earth, public domain) as thin
 * lines over the basemap: one small file per country, built by scripts/admin1.mjs, fetched only
 * for the theatre's own countries and only once the markers are drawn.
 */
import * as L from 'leaflet';

/** Each built country's file by its alpha-2 code (scripts/build-web.mjs defines it). */
declare const __ADMIN1_URLS__: Readonly<Record<string, string>>;

const ADMIN1_STYLE: L.PathOptions = {
  color: '#8a7f6d',
  weight: 0.8,
  opacity: 0.9,
  dashArray: '4 3',
  fill: false,
  interactive: false,
  className: 'admin1-line',
};

/**
 * A layer of the countries' admin-1 lines, filled once `after` settles; the map's container says
 * `data-admin1="drawn"` then (or `missing` when a file could not be had). Null when the build has
 * no file for any of them (a theatre pack added after the build).
 */
export function admin1Layer(
  map: L.Map,
  countries: readonly string[],
  after: Promise<unknown>,
): L.LayerGroup | null {
  const urls = countries.flatMap((c) => (__ADMIN1_URLS__[c] ? [__ADMIN1_URLS__[c]] : []));
  if (urls.length === 0) return null;
  const layer = L.layerGroup();
  void after
    .catch(() => undefined)
    .then(() =>
      Promise.all(urls.map((url) => fetch(url).then((r) => r.json() as Promise<GeoJSON.GeoJsonObject>))),
    )
    .then((files) => {
      for (const data of files) layer.addLayer(L.geoJSON(data, { style: ADMIN1_STYLE }));
      map.getContainer().setAttribute('data-admin1', 'drawn');
    })
    .catch(() => map.getContainer().setAttribute('data-admin1', 'missing'));
  return layer;
}
