import { getJson } from '../api-client.js';

/** One party of the theatre in force, as `GET /api/theatre` gives it (code = what the record stores). */
export interface TheatreParty {
  readonly code: string;
  readonly name: string;
  readonly alignment: string | null;
}

/** The theatre in force, as `GET /api/theatre` gives it. */
export interface TheatreInfo {
  readonly packs: readonly string[];
  readonly parties: readonly TheatreParty[];
  /** Every country's name by its alpha-2 code (a state is a party by that code). */
  readonly countries: readonly { readonly code: string; readonly name: string }[];
  /** The theatre's own countries (alpha-2 codes). */
  readonly home: readonly string[];
}

let theatre: TheatreInfo = { packs: [], parties: [], countries: [], home: [] };
let names = new Map<string, string>();

/**
 * Reads the theatre in force once, at boot; without it names fall back to the codes.
 *
 * @example await loadTheatre(); partyLabel('AM') // 'Armenia'
 */
export async function loadTheatre(): Promise<void> {
  try {
    theatre = await getJson<TheatreInfo>('/theatre');
    // A pack's name for a party decides over the world base's.
    names = new Map([...theatre.countries, ...theatre.parties].map((p) => [p.code, p.name]));
  } catch {
    // The pages still work: a party shows by its code.
  }
}

/** The theatre's own countries (alpha-2), whose provinces the map draws. */
export function theatreCountries(): readonly string[] {
  return theatre.home ?? [];
}

/** The theatre's parties, in the packs' order (for the party filter). */
export function theatreParties(): readonly TheatreParty[] {
  return theatre.parties;
}

/**
 * A party's display name from the theatre in force (its packs, then the world's countries), else its code.
 *
 * @example partyLabel('DPR') // "Donetsk People's Republic"
 */
export function partyLabel(code: string): string {
  return names.get(code) ?? code;
}

/**
 * Party codes as a list of names: `['AM', 'AZ']` → `"Armenia, Azerbaijan"`.
 *
 * @example partyLabels(['UA', 'RU']) // 'Ukraine, Russia'
 */
export function partyLabels(codes: readonly string[]): string {
  return codes.map(partyLabel).join(', ');
}
