import type { Gazetteer, GazetteerPlace } from '../gazetteer/gazetteer.js';
import { distanceKm } from '../gazetteer/resolve.js';
import type { PlaceMention } from './places.js';
import { foldName } from './text/fold.js';

/** The words after an area's name that say it is the division, not the town of that name. */
export const DIVISION_WORD =
  /^\s+(?:region|oblast|province|governorate|state|district|county|prefecture)\b/iu;
/** A division this far from the town is not named after it. */
const EPONYM_KM = 100;
/** Names shorter than this begin too many division names to mean one. */
const MIN_KEY = 4;

const byCountry = new WeakMap<Gazetteer, Map<string, GazetteerPlace[]>>();

/** The gazetteer's first-level divisions by country, listed once per gazetteer. */
function divisionsOf(gazetteer: Gazetteer, country: string): readonly GazetteerPlace[] {
  let index = byCountry.get(gazetteer);
  if (!index) {
    index = new Map();
    for (const place of gazetteer.byId.values()) {
      if (!place.id.startsWith('admin1:')) continue;
      const list = index.get(place.country) ?? [];
      list.push(place);
      index.set(place.country, list);
    }
    byCountry.set(gazetteer, index);
  }
  return index.get(country) ?? [];
}

const keyOf = (name: string) => foldName(name).join('');

/**
 * The division named after a town: of the town's country, within EPONYM_KM, one of its names
 * beginning with the town's name in any form the languages derive ("Luhansk" → "Luhanska oblast",
 * "Kharkiv" → "Kharkivska oblast", "Idlib" → "Idlib Governorate"). Where two do (the city of
 * Kyiv as a division, "Kyiv", and "Kyivska oblast"), the one of a derived name.
 */
export function divisionNamedAfter(gazetteer: Gazetteer, town: GazetteerPlace): GazetteerPlace | null {
  const key = keyOf(town.name);
  if (key.length < MIN_KEY) return null;
  const near = divisionsOf(gazetteer, town.country).filter(
    (d) =>
      d.names.some((n) => keyOf(n).startsWith(key)) &&
      distanceKm(d.lat, d.lon, town.lat, town.lon) <= EPONYM_KM,
  );
  if (near.length <= 1) return near[0] ?? null;
  // Two: the city as its own division bears the town's very name ("Kyiv"); the one around it a
  // derived one ("Kyivska oblast"), which "the Kyiv region" means.
  const derived = near.filter((d) => d.names.every((n) => keyOf(n) !== key));
  const pool = derived.length > 0 ? derived : near;
  return (
    pool.find((d) => d.id === town.parent) ??
    [...pool].sort(
      (a, b) => distanceKm(a.lat, a.lon, town.lat, town.lon) - distanceKm(b.lat, b.lon, town.lat, town.lon),
    )[0] ??
    null
  );
}

/**
 * Phenomenon: news names a division by the town it is named after and a kind word ("shelling in
 * the Luhansk region", "Idlib province", "Kharkiv oblast"): the name resolves to the town, but the
 * text means the division. A town written so becomes the division named after it, where the
 * gazetteer lists one, with the press's name for it ("Luhansk region") among its names; otherwise it
 * stays the town.
 *
 * @example divisionsWrittenAsTowns('the Luhansk region', places, gazetteer)[0]?.place.id // 'admin1:UA-09'
 */
export function divisionsWrittenAsTowns(
  text: string,
  places: readonly PlaceMention[],
  gazetteer: Gazetteer,
): PlaceMention[] {
  return places.map((m) => {
    if (m.place.kind !== 'settlement' || m.place.id.startsWith('admin1:')) return m;
    const word = DIVISION_WORD.exec(text.slice(m.end, m.end + 16));
    if (!word) return m;
    const division = divisionNamedAfter(gazetteer, m.place);
    if (!division) return m;
    // The press's name for it ("Luhansk region") is one of its names, as the text shows.
    const called = `${m.place.name} ${word[0].trim().toLowerCase()}`;
    const names = division.names.includes(called) ? division.names : [...division.names, called];
    return {
      ...m,
      place: { ...division, names },
      admin1: division,
      confidence: Math.max(m.confidence, 0.8),
      reason: `written "${text.slice(m.start, m.end)}${word[0]}": the division named after ${m.place.name}`,
    };
  });
}
