import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SAVED_THEATRE_FILE } from '../platform/config.js';

/**
 * The selection `truce theatre use` saved (comma-separated names or files), or undefined when
 * none was saved. Relative to the working directory, like the default database.
 *
 * @example readSavedTheatre() // 'my-conflict'
 */
export function readSavedTheatre(cwd: string = process.cwd()): string | undefined {
  const file = resolve(cwd, SAVED_THEATRE_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * Saves a selection for later commands; files are stored as absolute paths so the choice holds
 * from any directory the file was named from. Returns the file written.
 *
 * @example saveTheatre(['my-conflict']) // '/srv/center/data/theatre'
 */
export function saveTheatre(selection: readonly string[], cwd: string = process.cwd()): string {
  const file = resolve(cwd, SAVED_THEATRE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const entries = selection.map((s) => (s.endsWith('.json') ? resolve(cwd, s) : s));
  writeFileSync(file, `${entries.join(',')}\n`, 'utf8');
  return file;
}

/** Forgets the saved selection (every shipped pack is in force again). */
export function clearSavedTheatre(cwd: string = process.cwd()): void {
  rmSync(resolve(cwd, SAVED_THEATRE_FILE), { force: true });
}
