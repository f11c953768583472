import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALWAYS_ON, mergePacks, packError, type LoadedPack, type Theatre } from './theatre.js';
import { TheatrePack } from './schema.js';

/** The folder of the packs shipped with Truce (copied beside the compiled code by the build). */
const SHIPPED = fileURLToPath(new URL('./packs/', import.meta.url));

/** The pack that is always on: the UN, its missions, the OSCE, the ICRC, the mediators. */
export { ALWAYS_ON };

/** The names of the shipped packs, `international` first. */
export function shippedPackNames(): string[] {
  const names = readdirSync(SHIPPED)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
  return [ALWAYS_ON, ...names.filter((n) => n !== ALWAYS_ON)];
}

/**
 * Reads and validates one pack, by shipped name or by file path. A bad pack is refused with the
 * file, the path inside it and the rule.
 *
 * @example readPack('./packs/my-conflict.json').pack.name // 'my-conflict'
 */
export function readPack(nameOrFile: string): LoadedPack {
  const file = /[/\\]|\.json$/.test(nameOrFile)
    ? resolve(nameOrFile)
    : resolve(SHIPPED, `${nameOrFile}.json`);
  if (!existsSync(file))
    throw packError(
      nameOrFile,
      [],
      `no such theatre pack; shipped packs are ${shippedPackNames().join(', ')}`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw packError(
      file,
      [],
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const result = TheatrePack.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw packError(
      file,
      issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [],
      issue?.message ?? 'is invalid',
    );
  }
  return { file, pack: result.data };
}

/**
 * The theatre of the given packs (names or files), `international` always included and first.
 * An empty selection means every shipped pack.
 *
 * @example loadTheatre(['./packs/my-conflict.json']).packs // ['international', 'my-conflict']
 */
export function loadTheatre(selection: readonly string[]): Theatre {
  const wanted = selection.length === 0 ? shippedPackNames() : selection;
  const names = [ALWAYS_ON, ...wanted.filter((n) => n !== ALWAYS_ON)];
  return mergePacks([...new Set(names)].map(readPack));
}
