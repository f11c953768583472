import { partyCodeOf } from '../record/parties.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { isStateActor } from './actor-types.js';
import { acledGeoPrecision } from './acled.js';
import { countryByCode } from '../world/countries.js';
import { ucdpDatePrecision } from './dates.js';
import type { ExportIncident } from './export-incidents.js';
import { ucdpDeaths, type Side } from './fatalities.js';
import { sourceNames } from './acled.js';

/**
 * The UCDP GED columns Truce fills, in GED's order (GED 23.1+: `source_article` before
 * `source_office`); deaths by side add up to `best`.
 */
export const UCDP_COLUMNS = [
  'id',
  'year',
  'type_of_violence',
  'side_a',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'where_prec',
  'where_coordinates',
  'adm_1',
  'latitude',
  'longitude',
  'country',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
] as const;
export type UcdpRow = Record<(typeof UCDP_COLUMNS)[number], string>;

/** GED `where_prec` from Truce's place precision (1 exact … 4 province, 6 country). */
const WHERE_PREC: Readonly<Record<string, number>> = {
  exact: 1,
  near: 2,
  district: 3,
  region: 4,
  country: 6,
};

/**
 * Which side a casualty population belongs to: actor1 is side A, actor2 side B, compared as the
 * theatre's party codes (a population is written as a code, "KE", or a name, "Kenyan soldiers").
 *
 * @example sideOfPopulation("Ugandan forces", "Kenyan army", theatre)("KE") // "b"
 */
export function sideOfPopulation(
  actor1: string | null,
  actor2: string | null,
  theatre: Theatre = activeTheatre(),
): (population: string) => Side {
  const a = actor1 ? partyCodeOf(theatre, actor1) : null;
  const b = actor2 ? partyCodeOf(theatre, actor2) : null;
  return (population) => {
    if (/civilian/i.test(population.slice(0, 200))) return 'civilians';
    const code = partyCodeOf(theatre, population);
    if (code && code === a) return 'a';
    if (code && code === b) return 'b';
    return 'unknown';
  };
}

/** GED `type_of_violence`: 3 one-sided (against civilians), 1 state-based, 2 non-state. */
function typeOfViolence(item: ExportIncident): string {
  const i = item.incident;
  if (i.acled.eventType === 'Violence against civilians') return '3';
  return isStateActor(i.actor1) || isStateActor(i.actor2) ? '1' : '2';
}

/**
 * One incident as a UCDP-style row: low/best/high totals and best deaths by side A (actor1),
 * side B (actor2), civilians and unknown.
 *
 * @example toUcdpRow(item).best // '3' when 2 soldiers of side A and 1 civilian were killed
 */
export function toUcdpRow(item: ExportIncident): UcdpRow {
  const i = item.incident;
  const deaths = ucdpDeaths(item.figures, sideOfPopulation(i.actor1, i.actor2));
  const urls = item.sources.map((s) => s.url).filter((u): u is string => Boolean(u));
  return {
    id: i.publicId,
    year: i.dateStart?.slice(0, 4) ?? '',
    type_of_violence: typeOfViolence(item),
    side_a: i.actor1 ?? '',
    side_b: i.actor2 ?? '',
    number_of_sources: String(item.sources.length),
    source_article: [...new Set(urls)].join('; '),
    source_office: sourceNames(item.sources),
    where_prec: String(WHERE_PREC[i.geoPrecision ?? ''] ?? acledGeoPrecision(i.geoPrecision) + 1),
    where_coordinates: i.placeName ?? '',
    adm_1: i.admin1 ?? '',
    latitude: i.lat === null ? '' : i.lat.toFixed(4),
    longitude: i.lon === null ? '' : i.lon.toFixed(4),
    country: countryByCode(i.country)?.name ?? i.country ?? '',
    date_prec: String(ucdpDatePrecision(i)),
    date_start: i.dateStart ?? '',
    date_end: i.dateEnd ?? '',
    deaths_a: String(deaths.deathsA),
    deaths_b: String(deaths.deathsB),
    deaths_civilians: String(deaths.deathsCivilians),
    deaths_unknown: String(deaths.deathsUnknown),
    best: String(deaths.best),
    high: String(deaths.high),
    low: String(deaths.low),
  };
}
