import { acledFatalities } from './fatalities.js';
import { sourceNames, neutralNote } from './acled.js';
import type { ExportIncident } from './export-incidents.js';

export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: readonly [number, number];
}

export interface IncidentFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: PointGeometry | null;
  readonly properties: Readonly<Record<string, string | number | null | readonly unknown[]>>;
}

/** The first and last bytes of a FeatureCollection; features go between, comma-separated. */
export const GEOJSON_OPEN = '{"type":"FeatureCollection","features":[\n';
export const GEOJSON_CLOSE = '\n]}\n';

/**
 * One incident as an RFC 7946 Feature: a Point in [longitude, latitude] (WGS 84), or a null
 * geometry when the incident has no point; the stable public id as the feature id.
 *
 * @example toFeature(item).geometry // { type: 'Point', coordinates: [46.93, 39.99] }
 */
export function toFeature(item: ExportIncident): IncidentFeature {
  const i = item.incident;
  const geometry: PointGeometry | null =
    i.lat === null || i.lon === null ? null : { type: 'Point', coordinates: [i.lon, i.lat] };
  return {
    type: 'Feature',
    id: i.publicId,
    geometry,
    properties: {
      public_id: i.publicId,
      kind: i.kind,
      event_type: i.acled.eventType,
      sub_event_type: i.acled.subEventType,
      title: i.title,
      date_start: i.dateStart,
      date_end: i.dateEnd,
      date_precision: i.datePrecision,
      place: i.placeName,
      geo_precision: i.geoPrecision,
      actor1: i.actor1,
      actor2: i.actor2,
      status: i.status,
      fatalities: acledFatalities(item.figures),
      casualties: item.figures.map((f) => ({
        category: f.category,
        population: f.population,
        low: f.low,
        best: f.best,
        high: f.high,
      })),
      source: sourceNames(item.sources),
      notes: neutralNote(item),
    },
  };
}
