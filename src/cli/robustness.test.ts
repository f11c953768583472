import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../../test/cli.js';
import { parseDatabaseUrl } from '../platform/config.js';
import { openDatabase } from '../platform/db/dialect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = (name: string) => `sqlite:${join(dir, name)}`;

function runAsync(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, TRUCE_LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('the CLI under hostile conditions', () => {
  it('answers a malformed date with exit 2 naming the option, never an internal error', () => {
    const db = url('dates.db');
    for (const args of [
      ['incidents', '--from', '2020-2-3'],
      ['incidents', '--from', '2020-12-01T00:00:00Z'],
      ['incidents', '--to=-1'],
      ['incidents', '--from', ' 2020-01-01'],
      ['incidents', '--limit', '1.5'],
      ['statements', '--from', '2020-02-30'],
    ]) {
      const result = runCli(['--db', db, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/(From|To|Limit|--from|--to) must be/);
      expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    }
  });

  it('lets twelve `truce db migrate` run at once on one new SQLite file, every one succeeding', async () => {
    const db = url('concurrent.db');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => runAsync(['--db', db, 'db', 'migrate'])),
    );
    expect(results.map((r) => r.status)).toEqual(new Array(12).fill(0));
    expect(results.map((r) => r.stderr).join('')).toBe('');
    expect(runCli(['--db', db, 'audit', 'verify']).status).toBe(0);
  }, 60_000);

  it('stops quietly when the reader of its output goes away (`truce incidents | head`)', async () => {
    const db = url('pipe.db');
    const handle = openDatabase(parseDatabaseUrl(db));
    await migrateToLatest(handle);
    for (let i = 0; i < 300; i += 1)
      await createIncident(
        handle,
        { actor: 'test' },
        buildIncident({ title: `Incident number ${i} near the line` }),
      );
    await handle.destroy();
    const shell = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${CLI}" --db "${db}" incidents --limit 300 --format json | head -c 200 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8', env: { ...process.env, TRUCE_LOG_LEVEL: 'warn' } },
    );
    expect(shell.stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
    expect(shell.stdout.trim()).toBe('exit=0');
  }, 60_000);

  const canFreeze = spawnSync('chattr', ['--help']).error === undefined && process.getuid?.() === 0;
  it.skipIf(!canFreeze)('answers a read-only database with exit 6 and says so, without a stack trace', () => {
    const path = join(dir, 'frozen.db');
    expect(runCli(['--db', `sqlite:${path}`, 'db', 'migrate']).status).toBe(0);
    const frozen = spawnSync('chattr', ['+i', path]);
    try {
      expect(frozen.status).toBe(0);
      const result = runCli(['--db', `sqlite:${path}`, 'user', 'add', 'reader', '--role', 'analyst']);
      expect(result.status).toBe(6);
      expect(result.stderr).toMatch(/read-only/);
      expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    } finally {
      spawnSync('chattr', ['-i', path]);
    }
  });
});
