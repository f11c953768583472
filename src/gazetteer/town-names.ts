import { z } from 'zod';
import data from './data/town-names.json' with { type: 'json' };
import type { GeoNamesCity } from './geonames.js';

/**
 * Other spellings of world towns (`data/town-names.json`): GeoNames' main name in the packaged
 * data is at times an older romanisation ("Odessa") or keeps marks the press drops ("Ta‘izz"),
 * and a town the text spells the current official way would go unfound. Each entry names its
 * town by GeoNames id, main name and country, so a stale entry fails the build instead of
 * giving a name to another town.
 */
/** The separators of the town index (town-index.ts), which a name cannot hold. */
const [RECORD, FIELD] = ['\u001e', '\u001f'];
const Entry = z
  .object({
    geonames: z.number().int().positive(),
    name: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals'),
    also: z
      .array(
        z
          .string()
          .min(1)
          .refine((name) => !/[\t\n]/.test(name) && !name.includes(RECORD) && !name.includes(FIELD), {
            message: 'no tab, newline or separator of the town index',
          }),
      )
      .min(1),
    why: z.string().min(1),
  })
  .strict();

export const TownNamesFile = z.object({ _about: z.string(), towns: z.array(Entry) }).strict();
export type TownNamesFile = z.infer<typeof TownNamesFile>;

/**
 * The other spellings by GeoNames id, every entry checked against the towns it names: an
 * unknown id, or an id whose main name or country differ from the entry's, is an error naming
 * the entry.
 *
 * @example otherTownNames(cities).get(698740) // ['Odesa']
 */
export function otherTownNames(
  cities: readonly GeoNamesCity[],
  file: unknown = data,
): ReadonlyMap<number, readonly string[]> {
  const parsed = TownNamesFile.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`town-names.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const byId = new Map(cities.map((c) => [c.cityId, c]));
  const out = new Map<number, readonly string[]>();
  parsed.data.towns.forEach((entry, i) => {
    const city = byId.get(entry.geonames);
    const where = `town-names.json: towns.${i} (${entry.name})`;
    if (!city) throw new Error(`${where}: no town of GeoNames id ${entry.geonames} in the packaged data`);
    if (city.name !== entry.name || city.country !== entry.country)
      throw new Error(
        `${where}: GeoNames id ${entry.geonames} is ${city.name} (${city.country}), not ${entry.name} (${entry.country})`,
      );
    out.set(entry.geonames, [...(out.get(entry.geonames) ?? []), ...entry.also]);
  });
  return out;
}
