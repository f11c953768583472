import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every module a file loads at run time (type-only imports are erased), followed transitively. */
function runtimeImports(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const stack: [string, string[]][] = [[entry, []]];
  while (stack.length > 0) {
    const [file, chain] = stack.pop() ?? ['', []];
    if (chains.has(file)) continue;
    chains.set(file, chain);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)(?! type)[^'"]*from '(\.[^']+)'/gm)) {
      const next = resolve(dirname(file), m[1] ?? '').replace(/\.js$/, '.ts');
      if (existsSync(next)) stack.push([next, [...chain, file]]);
    }
  }
  return chains;
}

const here = dirname(fileURLToPath(import.meta.url));

describe('layering', () => {
  it.each(['extract/extract.ts', 'gazetteer/load.ts', 'theatre/active.ts'])(
    '%s never loads the record, even through another module',
    (entry) => {
      const reached = [...runtimeImports(resolve(here, '..', entry)).entries()]
        .filter(([file]) => file.includes('/src/record/'))
        .map(([file, chain]) => [...chain, file].map((f) => f.replace(/.*\/src\//, '')).join(' → '));
      expect(reached).toEqual([]);
    },
  );
});
