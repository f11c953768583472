import { TruceError } from '../platform/errors.js';
import { worldCountries } from '../world/countries.js';
import type { Actor, Party, Place, TheatrePack } from './schema.js';

/** The pack loaded with every theatre (international bodies, world hotspots), first. */
export const ALWAYS_ON = 'international';

/**
 * The knowledge in force: the world base plus every active pack, merged. Extraction, the
 * gazetteer, party resolution, exports and the demo read it; nothing conflict-specific is code.
 */
export interface Theatre {
  /** The active packs' names, `international` first. */
  readonly packs: readonly string[];
  readonly parties: readonly Party[];
  readonly actors: readonly Actor[];
  readonly places: readonly Place[];
  /** The countries whose towns are always candidates (the union of the packs' `countries`). */
  readonly countries: readonly string[];
  /** The theatre's own countries: those of its packs but the always-on one (the map draws their provinces). */
  readonly home: readonly string[];
  readonly agreements: readonly { readonly pack: string; readonly data: unknown }[];
  readonly missions: readonly { readonly pack: string; readonly data: unknown }[];
  readonly partyByCode: ReadonlyMap<string, Party>;
  readonly actorById: ReadonlyMap<string, Actor>;
}

/** One pack as read, with where it came from (for error messages). */
export interface LoadedPack {
  readonly file: string;
  readonly pack: TheatrePack;
}

/**
 * Merges packs into one theatre and checks what one pack cannot check alone: every party an
 * actor or party names is declared by an active pack or is a country of the world base, and
 * every place's parent exists. Later packs never override earlier ones: a repeated party code,
 * actor id or place id is refused, naming both files.
 *
 * @example mergePacks([international, mine]).packs // ['international', 'my-conflict']
 */
export function mergePacks(loaded: readonly LoadedPack[]): Theatre {
  const parties = new Map<string, { party: Party; file: string }>();
  const actors = new Map<string, { actor: Actor; file: string }>();
  const places = new Map<string, { place: Place; file: string }>();
  for (const { file, pack } of loaded) {
    pack.parties.forEach((p, i) => claim(parties, p.code, { party: p, file }, file, ['parties', i, 'code']));
    pack.actors.forEach((a, i) => claim(actors, a.id, { actor: a, file }, file, ['actors', i, 'id']));
    pack.places.forEach((p, i) => claim(places, p.id, { place: p, file }, file, ['places', i, 'id']));
  }
  const theatre: Theatre = {
    packs: loaded.map((l) => l.pack.name),
    parties: [...parties.values()].map((v) => v.party),
    actors: [...actors.values()].map((v) => v.actor),
    places: [...places.values()].map((v) => v.place),
    countries: [...new Set(loaded.flatMap((l) => l.pack.countries))],
    home: [...new Set(loaded.filter((l) => l.pack.name !== ALWAYS_ON).flatMap((l) => l.pack.countries))],
    agreements: loaded.flatMap((l) => l.pack.agreements.map((data) => ({ pack: l.pack.name, data }))),
    missions: loaded.flatMap((l) => l.pack.missions.map((data) => ({ pack: l.pack.name, data }))),
    partyByCode: new Map([...parties].map(([k, v]) => [k, v.party])),
    actorById: new Map([...actors].map(([k, v]) => [k, v.actor])),
  };
  checkReferences(loaded, theatre);
  return theatre;
}

function claim<T>(
  map: Map<string, T & { file: string }>,
  key: string,
  value: T & { file: string },
  file: string,
  path: (string | number)[],
): void {
  const before = map.get(key);
  if (before)
    throw packError(
      file,
      path,
      `"${key}" is already defined by ${before.file}; a pack cannot redefine another's`,
    );
  map.set(key, value);
}

function checkReferences(loaded: readonly LoadedPack[], theatre: Theatre): void {
  const world = worldCountries();
  const isParty = (code: string) => theatre.partyByCode.has(code) || world.byAlpha2.has(code);
  const placeIds = new Set(theatre.places.map((p) => p.id));
  const isPlace = (id: string) => placeIds.has(id) || world.byAlpha2.has(id.toUpperCase());
  for (const { file, pack } of loaded) {
    pack.parties.forEach((p, i) => {
      if (p.alignment && !isParty(p.alignment))
        throw packError(
          file,
          ['parties', i, 'alignment'],
          `"${p.alignment}" is neither a pack's party nor a country code`,
        );
    });
    pack.actors.forEach((a, i) => {
      if (a.party && !isParty(a.party))
        throw packError(
          file,
          ['actors', i, 'party'],
          `"${a.party}" is neither a pack's party nor a country code`,
        );
      if (a.memberOf && !theatre.actorById.has(a.memberOf))
        throw packError(file, ['actors', i, 'memberOf'], `"${a.memberOf}" is not an actor of an active pack`);
    });
    pack.places.forEach((p, i) => {
      if (p.parent && !isPlace(p.parent))
        throw packError(
          file,
          ['places', i, 'parent'],
          `"${p.parent}" is neither a place of an active pack nor a country`,
        );
    });
  }
}

/** An `invalid` error naming the file, the path inside it and the rule. */
export function packError(file: string, path: readonly (string | number)[], rule: string): TruceError {
  const where = path.map(String).join('.');
  return new TruceError('invalid', `${file}: ${where || '(root)'}: ${rule}`, { field: where, rule, file });
}
