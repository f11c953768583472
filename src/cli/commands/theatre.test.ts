import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../../../test/cli.js';

/** Runs the built CLI in its own directory (where `theatre use` saves its choice). */
function truce(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const { TRUCE_THEATRE: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...base, TRUCE_LOG_LEVEL: 'warn', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fresh = () => mkdtempSync(join(tmpdir(), 'truce-theatre-cli-'));
const PACK = new URL('../../extract/fixtures/sri-lanka-test-pack.json', import.meta.url).pathname;

describe.runIf(existsSync(CLI))('truce theatre (built CLI)', () => {
  it('lists the shipped packs, all in force by default, international first', () => {
    const out = truce(fresh(), ['theatre', 'list', '--format', 'json']);
    expect(out.status).toBe(0);
    const { packs } = JSON.parse(out.stdout) as { packs: { name: string; active: boolean }[] };
    expect(packs.map((p) => [p.name, p.active])).toEqual([
      ['international', true],
      ['donbas-2015', true],
      ['nagorno-karabakh', true],
    ]);
  });

  it('shows one pack: its parties with their alignment and its actors by kind', () => {
    const out = truce(fresh(), ['theatre', 'show', 'donbas-2015']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^donbas-2015 — Donbas/);
    expect(out.stdout).toContain("DPR Donetsk People's Republic (aligned with RU)");
    expect(out.stdout).toMatch(/actors: .*\d+ person/);
    const json = JSON.parse(truce(fresh(), ['theatre', 'show', 'donbas-2015', '--format', 'json']).stdout);
    expect(json.name).toBe('donbas-2015');
  });

  it('validates a good pack file and says what it holds', () => {
    const out = truce(fresh(), ['theatre', 'validate', PACK]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('valid theatre pack "sri-lanka-test" (2 parties, 4 actors, 0 places)');
  });

  it('refuses a bad pack with exit 2, naming the file, the path inside it and the rule', () => {
    const cwd = fresh();
    const file = join(cwd, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        title: 'Bad',
        places: [{ id: 'p', name: 'P', names: ['P'], kind: 'town' }],
      }),
    );
    const out = truce(cwd, ['theatre', 'validate', file]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(new RegExp(`${file}: places\\.0\\.kind: `));
    const orphan = join(cwd, 'orphan.json');
    writeFileSync(
      orphan,
      JSON.stringify({
        name: 'orphan',
        title: 'Orphan',
        actors: [{ id: 'g', name: 'G', kind: 'armed_group', party: 'GHOST', aliases: ['G'] }],
      }),
    );
    const refused = truce(cwd, ['theatre', 'validate', orphan]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `${orphan}: actors.0.party: "GHOST" is neither a pack's party nor a country code`,
    );
  });

  it('saves the choice with `use`, which later commands follow until --theatre or TRUCE_THEATRE override it', () => {
    const cwd = fresh();
    const used = truce(cwd, ['theatre', 'use', 'donbas-2015', PACK]);
    expect(used.status).toBe(0);
    expect(used.stdout).toContain('theatre in force: international, donbas-2015, sri-lanka-test');
    expect(readFileSync(join(cwd, 'data', 'theatre'), 'utf8').trim()).toBe(`donbas-2015,${PACK}`);
    const active = (env: NodeJS.ProcessEnv = {}, args: string[] = []) =>
      JSON.parse(truce(cwd, [...args, 'theatre', 'list', '--format', 'json'], env).stdout) as {
        packs: { name: string; active: boolean }[];
        extra: string[];
      };
    const saved = active();
    expect(saved.packs.filter((p) => p.active).map((p) => p.name)).toEqual(['international', 'donbas-2015']);
    expect(saved.extra).toEqual([PACK]);
    const env = active({ TRUCE_THEATRE: 'nagorno-karabakh' });
    expect(env.packs.filter((p) => p.active).map((p) => p.name)).toEqual([
      'international',
      'nagorno-karabakh',
    ]);
    const flag = active({ TRUCE_THEATRE: 'nagorno-karabakh' }, ['--theatre', 'donbas-2015']);
    expect(flag.packs.filter((p) => p.active).map((p) => p.name)).toEqual(['international', 'donbas-2015']);
    expect(truce(cwd, ['theatre', 'use', '--clear']).status).toBe(0);
    expect(existsSync(join(cwd, 'data', 'theatre'))).toBe(false);
  });

  it('refuses to run a command under a pack that does not exist, and to save one', () => {
    const cwd = fresh();
    const out = truce(cwd, ['--theatre', 'atlantis', 'extract', '-']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(
      'atlantis: (root): no such theatre pack; shipped packs are international, donbas-2015, nagorno-karabakh',
    );
    expect(truce(cwd, ['theatre', 'use', 'atlantis']).status).toBe(2);
    expect(existsSync(join(cwd, 'data', 'theatre'))).toBe(false);
  });

  it('extracts with the packs in force: a pack file makes its officials known', () => {
    const cwd = fresh();
    const article = join(cwd, 'a.txt');
    writeFileSync(
      article,
      'Military spokesman Prasad Samarasinghe said two soldiers were killed near Vavuniya in Sri Lanka.',
    );
    const people = (args: string[]) =>
      (
        JSON.parse(truce(cwd, [...args, 'extract', article]).stdout) as {
          mentions: { people: { id: string | null }[] };
        }
      ).mentions.people.map((p) => p.id);
    expect(people(['--theatre', 'international'])).toEqual([null]);
    expect(people(['--theatre', PACK])).toEqual(['prasad-samarasinghe']);
  });
});
