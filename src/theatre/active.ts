import { loadTheatre } from './pack-io.js';
import type { Theatre } from './theatre.js';

let selection: readonly string[] = [];
let cached: Theatre | undefined;

/**
 * Chooses the packs in force for this process (from `--theatre` / `TRUCE_THEATRE`); called once
 * by the CLI and server wiring before anything reads the theatre. Empty: every shipped pack.
 */
export function useTheatres(packs: readonly string[]): Theatre {
  selection = packs;
  cached = loadTheatre(selection);
  return cached;
}

/**
 * The theatre in force, loaded on first use.
 *
 * @example activeTheatre().packs[0] // 'international'
 */
export function activeTheatre(): Theatre {
  cached ??= loadTheatre(selection);
  return cached;
}
