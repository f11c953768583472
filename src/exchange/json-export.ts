import type { ExportIncident } from './export-incidents.js';
import { acledFatalities } from './fatalities.js';

/** The JSON export: an object whose `incidents` array is streamed one element at a time. */
export const JSON_OPEN = '{"format":"truce.incidents","version":1,"incidents":[\n';
export const JSON_CLOSE = '\n]}\n';

/**
 * One incident in Truce's own JSON shape: the incident as the API presents it (the database id
 * left out, the stable public id kept), its reconciled figures, its sources.
 *
 * @example toJsonIncident(item).publicId // '5f0c…'
 */
export function toJsonIncident(item: ExportIncident): Record<string, unknown> {
  const { id: _omitted, ...incident } = item.incident;
  return {
    ...incident,
    fatalities: acledFatalities(item.figures),
    casualties: item.figures.map(({ category, population, low, best, high, note }) => ({
      category,
      population,
      low,
      best,
      high,
      note,
    })),
    sources: item.sources,
  };
}
