import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The messages ESLint gives `code` as if it were the file at `path` (relative to the repository). */
async function lint(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const IMPORTS = [
  "import type { Db } from '../platform/db/dialect.js';",
  "import type { Kysely } from 'kysely';",
  "import { readFileSync } from 'node:fs';",
  "import { request } from 'node:http';",
].join('\n');

it('refuses the database (types too), kysely and node built-ins in a domain file', async () => {
  const messages = await lint(
    'src/record/some-rule.ts',
    `${IMPORTS}\nexport type X = [Db, Kysely<never>, typeof readFileSync, typeof request];\n`,
  );
  expect(messages.filter((m) => m.includes('no-restricted-imports'))).toHaveLength(4);
});

it('lets stores and I/O adapters use them', async () => {
  for (const path of ['src/record/some-store.ts', 'src/record/some-io.ts'])
    expect(
      await lint(
        path,
        `${IMPORTS}\nexport type X = [Db, Kysely<never>, typeof readFileSync, typeof request];\n`,
      ),
    ).toEqual([]);
});

it('keeps extraction and the gazetteer below the record', async () => {
  const code = "import type { Incident } from '../record/schemas.js';\nexport type X = Incident;\n";
  expect(await lint('src/gazetteer/some-file.ts', code)).toEqual([
    expect.stringContaining('below the record'),
  ]);
  expect(await lint('src/extract/some-file.ts', code)).toEqual([expect.stringContaining('below the record')]);
});
