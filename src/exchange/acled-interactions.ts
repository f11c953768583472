import { ACTOR_TYPES, type ActorType } from './actor-type-names.js';

/**
 * ACLED's interaction labels (codebook, Table 3 "Interaction code descriptions"), keyed by the
 * two-digit code: the lower actor-type code first, `0` for a one-sided event. The codebook lists
 * 44; the labels are its own, which mostly name the lower code first but not always (78 is
 * "External/Other forces-Civilians").
 */
export const ACLED_INTERACTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  ACTOR_TYPES.flatMap((first, i) => [
    [`${i + 1}0`, `${first} only`],
    ...ACTOR_TYPES.slice(i).map((second, j) => [`${i + 1}${i + j + 1}`, `${first}-${second}`]),
  ]).map(([code, label]) => [code, code === '78' ? 'External/Other forces-Civilians' : label]),
);

/** An actor type's ACLED `inter` code, 1–8. */
export const interCode = (type: ActorType): number => ACTOR_TYPES.indexOf(type) + 1;

/**
 * ACLED's `interaction` label of an event's two actor types: `second` null when the event has one
 * actor ("Rebel group only"), `''` when a second actor is named but its type is unknown — then no
 * label is written rather than a one-sided one.
 *
 * @example acledInteraction('Civilians', 'External/Other forces') // 'External/Other forces-Civilians'
 * @example acledInteraction('State forces', null) // 'State forces only'
 */
export function acledInteraction(first: ActorType | '', second: ActorType | '' | null): string {
  if (second === null) return first ? (ACLED_INTERACTIONS[`${interCode(first)}0`] ?? '') : '';
  if (!first || !second) return '';
  const [low, high] = [interCode(first), interCode(second)].sort((a, b) => a - b);
  return ACLED_INTERACTIONS[`${low}${high}`] ?? '';
}
