import { z } from 'zod';
import { AcledActorType } from '../vocabulary/acled-actor-types.js';
import { PlaceKind, PlacePrecision } from '../vocabulary/places.js';
import { PackAgreement, PackMission } from './agreement-schema.js';
import { PartyCode } from './party-code.js';

/**
 * A theatre pack: what one conflict's monitoring center knows that code must not — its parties,
 * actors, places, and optionally its agreements and mission — as one validated data file.
 * `schemas/theatre.schema.json` is generated from `TheatrePack`.
 */

/** A party code: a state is its ISO 3166 alpha-2 code ("UA"); another party has its own ("DPR"). */
export { PartyCode } from './party-code.js';

export const Alpha2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code in upper case');

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and "-"');
const Name = z.string().trim().min(1, 'must not be empty');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const Party = z.object({
  code: PartyCode,
  name: Name,
  /** Names and adjectives reports use for the party ("the Malian side", "the rebels' forces"). */
  aliases: z.array(Name).default([]),
  /** The party this one is aligned with (a de facto authority and its patron state). */
  alignment: PartyCode.optional(),
  /** The state the party is, or is based in. */
  country: Alpha2.optional(),
});
export type Party = z.infer<typeof Party>;

export const ActorKind = z.enum([
  'state',
  'force',
  'armed_group',
  'person',
  'ministry',
  'organization',
  'mission',
  /** A news outlet or agency: recognised so its name is not read as a person or a speaker. */
  'outlet',
]);
export type ActorKind = z.infer<typeof ActorKind>;

/** An office an actor held, with its term: "the defence minister" means someone else next year. */
export const Office = z.object({
  title: Name,
  /** The body the office belongs to (an actor id or a name). */
  of: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type Office = z.infer<typeof Office>;

export const Actor = z.object({
  id: Slug,
  name: Name,
  kind: ActorKind,
  /** The party the actor belongs to, or null for international and neutral bodies. */
  party: PartyCode.nullable(),
  /** Every name, spelling and misspelling seen in reports, the canonical name included. */
  aliases: z.array(Name).min(1, 'must list at least one alias (the name itself)'),
  /** The office word used to refer to a person ("president", "spokesman"). */
  office: z.string().optional(),
  offices: z.array(Office).default([]),
  /** The actor this one is part of (a brigade of a ministry's forces, a ministry of a state). */
  memberOf: Slug.optional(),
  /**
   * The ACLED actor type (inter code) of a named group whose kind and party do not say it: an
   * identity militia ("… Ethnic Militia"), a protest movement, a rioting crowd, a private military
   * company. A state's own forces are never given one here: they are State forces at home and
   * External/Other forces abroad by one rule, from their party.
   */
  acledType: AcledActorType.exclude(['State forces'], {
    error: "must not be 'State forces': a state's forces are typed from their party and the place",
  }).optional(),
});
export type Actor = z.infer<typeof Actor>;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: Position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position).min(4)).min(1) }),
]);
export type Geometry = z.infer<typeof Geometry>;

export const Place = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9:-]*$/, 'must be lower-case letters, digits, ":" and "-"'),
  name: Name,
  names: z.array(Name).min(1, 'must list at least one name'),
  /** Which party (code) or community ("intl") uses which of the names. */
  usage: z.record(z.string(), z.array(z.string())).optional(),
  kind: PlaceKind,
  country: Alpha2,
  /** The place it lies in: a place of an active pack, or a country (its alpha-2 code in lower case). */
  parent: z.string().nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** How precisely the coordinates place a fact; by default it follows from the kind. */
  precision: PlacePrecision.optional(),
  /** A line of contact, a corridor or an area, beyond its representative point. */
  geometry: Geometry.optional(),
});
export type Place = z.infer<typeof Place>;

export const TheatrePack = z
  .object({
    $schema: z.string().optional(),
    name: Slug,
    title: Name,
    description: z.string().optional(),
    /** Where the pack's facts come from, and its licence. */
    sources: z.array(z.string()).default([]),
    /** The theatre's countries: their towns are always candidates, named in a text or not. */
    countries: z.array(Alpha2).default([]),
    parties: z.array(Party).default([]),
    actors: z.array(Actor).default([]),
    places: z.array(Place).default([]),
    /** Agreements and missions; their shape is the agreement capability's (see agreement-schema). */
    agreements: z.array(PackAgreement).default([]),
    missions: z.array(PackMission).default([]),
  })
  .superRefine((pack, ctx) => {
    duplicates(pack.parties.map((p) => p.code)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['parties', i, 'code'], message: 'must be unique in the pack' }),
    );
    duplicates(pack.actors.map((a) => a.id)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['actors', i, 'id'], message: 'must be unique in the pack' }),
    );
    duplicates(pack.places.map((p) => p.id)).forEach((i) =>
      ctx.addIssue({ code: 'custom', path: ['places', i, 'id'], message: 'must be unique in the pack' }),
    );
  });
export type TheatrePack = z.infer<typeof TheatrePack>;
export type TheatrePackInput = z.input<typeof TheatrePack>;

function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => (seen.has(v) ? out.push(i) : seen.add(v)));
  return out;
}
