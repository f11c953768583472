import type { GazetteerPlace } from '../gazetteer/gazetteer.js';
import type { PlaceMention } from './places.js';
import { unlistedPlace } from './unlisted-places.js';
import { DIVISION_WORD } from './division-by-town.js';

/** How far after a town its stated area may begin: "X in the Y region", "X, Y oblast". */
const LINK = /^(?:,\s*|\s+(?:in|of)\s+(?:the\s+)?)$/u;
const MAX_LINK = 12;

/**
 * Phenomenon: the text states the division a town lies in ("Pryshyb in the Luhansk region")
 * and the only town of that name the gazetteer lists lies in another division: that town is a
 * namesake. The text's statement wins: the town becomes an unlisted place inside the stated
 * area, with no coordinates of its own, instead of a point in the wrong province.
 *
 * @example respectStatedDivisions(text, places)[0]?.place.parent // the stated division's id
 */
export function respectStatedDivisions(text: string, places: readonly PlaceMention[]): PlaceMention[] {
  return places.map((town, i) => {
    const area = places[i + 1];
    if (!area || town.place.kind !== 'settlement' || !town.admin1) return town;
    const link = text.slice(town.end, area.start);
    if (link.length > MAX_LINK || !LINK.test(link)) return town;
    const saysDivision = DIVISION_WORD.test(text.slice(area.end, area.end + 16));
    const stated = statedArea(area, saysDivision);
    if (!stated || stated.country !== town.place.country) return town;
    if (stated.id === town.admin1.id || stated.id === town.place.parent) return town;
    return namesakeOf(town, stated, area.place);
  });
}

/** The division the words name: a division itself, or the division of a town written "Y region". */
function statedArea(area: PlaceMention, saysDivision: boolean): GazetteerPlace | null {
  if (area.place.kind === 'region') return area.place;
  if (!saysDivision) return null;
  return area.admin1 ?? area.place;
}

function namesakeOf(town: PlaceMention, stated: GazetteerPlace, written: GazetteerPlace): PlaceMention {
  const name = town.place.name;
  const place = unlistedPlace(name, 'settlement', stated);
  const listedIn = town.admin1?.name ?? 'another division';
  return {
    ...town,
    place,
    confidence: 0.6,
    reason: `the text places it in ${written.name}; the only ${name} listed lies in ${listedIn} (a namesake)`,
    admin1: stated.kind === 'region' ? stated : null,
  };
}
