import { activeTheatre } from '../theatre/active.js';
import { partyName } from '../theatre/parties.js';
import type { Theatre } from '../theatre/theatre.js';
import { worldCountries } from '../world/countries.js';
import { json, type RouteSpec } from './route.js';
import { TheatreDocumentSchema, TheatrePlacesSchema } from './schemas/accounts.js';

/** One party as clients show it: its code (what the record stores) and its display name. */
export interface TheatreParty {
  readonly code: string;
  readonly name: string;
  readonly alignment: string | null;
}

/** What `GET /api/theatre` answers. */
export interface TheatreDocument {
  readonly packs: readonly string[];
  /** The packs' parties, in the packs' order. */
  readonly parties: readonly TheatreParty[];
  /** Every country of the world base (a state is a party by its alpha-2 code), for names of codes no pack declares. */
  readonly countries: readonly { readonly code: string; readonly name: string }[];
  /** The theatre's own countries (its packs' `countries`, not the always-on pack's): the map draws their provinces. */
  readonly home: readonly string[];
}

/**
 * The theatre in force as clients read it: public data only (pack names, parties, country names).
 *
 * @example theatreDocument(theatre).parties[0] // { code: 'UA', name: 'Ukraine', alignment: null }
 */
export function theatreDocument(theatre: Theatre): TheatreDocument {
  return {
    packs: theatre.packs,
    parties: theatre.parties.map((p) => ({
      code: p.code,
      name: partyName(theatre, p.code),
      alignment: p.alignment ?? null,
    })),
    countries: worldCountries().all.map((c) => ({ code: c.alpha2, name: c.name })),
    home: theatre.home,
  };
}

/** The theatre in force (its packs and parties, names by code): public, it is no secret. */
export function theatreRoutes(): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/theatre',
      operationId: 'getTheatre',
      summary:
        'The theatre in force: its packs, its parties (code, display name, alignment) and the names of country codes',
      allow: 'anyone',
      responses: { 200: json('The theatre in force', TheatreDocumentSchema) },
      handler: async (c) => c.json(theatreDocument(activeTheatre())),
    },
    {
      method: 'GET',
      path: '/api/theatre/places',
      operationId: 'listTheatrePlaces',
      summary:
        "The theatre's places with every name they go by, for the field report's place list (kept on the device for offline use)",
      allow: ['admin', 'analyst', 'monitor'],
      responses: { 200: json("The theatre's places", TheatrePlacesSchema) },
      handler: async (c) =>
        c.json({
          items: activeTheatre().places.map((p) => ({ id: p.id, name: p.name, names: [...p.names] })),
        }),
    },
  ];
}
