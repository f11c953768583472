import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { writeArchive, type ArchiveTile } from './pmtiles-writer.js';

/**
 * A made-up small town at the demo's default view (40.0 N, 46.6 E), in the Protomaps basemap
 * layers (earth, water, landuse, roads, buildings) so the web app's vector style draws it: a
 * highway, a main road, side streets, a park, a pond and a few buildings. Tiles from zoom 0 to 14.
 */
type Position = [number, number];
type Props = Record<string, string | number>;

const line = (props: Props, coordinates: Position[]): GeoJSON.Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'LineString', coordinates },
});
const area = (props: Props, ring: Position[]): GeoJSON.Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] ?? [0, 0]]] },
});
const box = (props: Props, [w, s, e, n]: [number, number, number, number]) =>
  area(props, [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
  ]);

/** West, south, east, north. */
export const STREETS_BOUNDS: [number, number, number, number] = [46.56, 39.97, 46.64, 40.03];
export const STREETS_CENTER: [number, number, number] = [46.6, 40.0, 14];
const MAX_ZOOM = 14;

const LAYERS: Record<string, GeoJSON.Feature[]> = {
  earth: [box({ kind: 'earth' }, STREETS_BOUNDS)],
  water: [
    box({ kind: 'water' }, [46.603, 40.003, 46.606, 40.005]),
    line({ kind: 'river', name: 'Stony Brook' }, [
      [46.56, 39.99],
      [46.58, 39.995],
      [46.6, 39.992],
      [46.64, 39.998],
    ]),
  ],
  landuse: [box({ kind: 'park', name: 'Linden Park' }, [46.595, 40.002, 46.602, 40.006])],
  roads: [
    line({ kind: 'highway', name: 'Valley Highway' }, [
      [46.56, 40.01],
      [46.6, 40.008],
      [46.64, 40.012],
    ]),
    line({ kind: 'major_road', name: 'Mill Road' }, [
      [46.6, 39.97],
      [46.6, 40.03],
    ]),
    line({ kind: 'minor_road', kind_detail: 'residential', name: 'Orchard Street' }, [
      [46.59, 39.998],
      [46.61, 39.998],
    ]),
    line({ kind: 'minor_road', kind_detail: 'residential', name: 'Well Lane' }, [
      [46.597, 39.994],
      [46.597, 40.002],
    ]),
    line({ kind: 'minor_road', kind_detail: 'residential', name: 'Bakers Row' }, [
      [46.603, 39.994],
      [46.603, 40.002],
    ]),
  ],
  buildings: [
    box({ kind: 'building' }, [46.5975, 39.9985, 46.5985, 39.9995]),
    box({ kind: 'building' }, [46.6015, 39.9985, 46.6025, 39.9995]),
    box({ kind: 'building' }, [46.5985, 39.9965, 46.5995, 39.9975]),
  ],
};

/** The archive's bytes. */
export function streetsArchive(): Buffer {
  const indexes = Object.entries(LAYERS).map(([name, features]) => ({
    name,
    index: new GeoJSONVT(
      { type: 'FeatureCollection', features },
      { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM },
    ),
  }));
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    for (const { x, y } of tilesCovering(STREETS_BOUNDS, z)) {
      const layers = Object.fromEntries(
        indexes.flatMap(({ name, index }) => {
          const tile = index.getTile(z, x, y);
          return tile && tile.features.length > 0 ? [[name, tile]] : [];
        }),
      );
      if (Object.keys(layers).length > 0) tiles.push({ z, x, y, mvt: fromGeojsonVt(layers, { version: 2 }) });
    }
  }
  return writeArchive({
    tiles,
    bounds: STREETS_BOUNDS,
    center: STREETS_CENTER,
    metadata: {
      name: 'Truce test streets',
      attribution: 'Made up for the tests',
      vector_layers: Object.keys(LAYERS).map((id) => ({ id, fields: {} })),
    },
  });
}

/** Writes the archive into `dir` and answers its path. */
export function writeStreetsArchive(dir: string): string {
  const path = join(dir, 'streets.pmtiles');
  writeFileSync(path, streetsArchive());
  return path;
}

/** The web-mercator tiles of zoom `z` that a box touches. */
function tilesCovering([w, s, e, n]: readonly number[], z: number): { x: number; y: number }[] {
  const count = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * count);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * count);
  };
  const out: { x: number; y: number }[] = [];
  for (let tx = x(w ?? 0); tx <= x(e ?? 0); tx++)
    for (let ty = y(n ?? 0); ty <= y(s ?? 0); ty++) out.push({ x: tx, y: ty });
  return out;
}
