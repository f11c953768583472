import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { CLI, runCli } from './cli.js';
import { freePort, waitForHealth } from './servers.js';

const postgresUrl = process.env.TRUCE_TEST_POSTGRES_URL;

/** The processes whose parent is `pid` (the server processes of a primary). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls until `ok` holds (every 100 ms, a minute at most; no duration is asserted). */
async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !ok(); i += 1) await new Promise((r) => setTimeout(r, 100));
  if (!ok()) throw new Error(`never: ${what}`);
}

describe('truce serve --processes: the rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-processes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { TRUCE_DATABASE_URL: `sqlite:${join(dir, 'truce.db')}` };

  it('refuses several processes on SQLite, and a count that is not one, naming the option', () => {
    const several = runCli(['serve', '--processes', '2', '--no-demo'], { env });
    expect(several.status).not.toBe(0);
    expect(several.stderr).toMatch(/processes: more than 1 needs PostgreSQL/);
    const none = runCli(['serve', '--processes', '0', '--no-demo'], { env });
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/processes: must be a whole number from 1 to 64/);
  });
});

/** One port, two server processes on one PostgreSQL database: the primary keeps two running. */
describe.runIf(postgresUrl)('truce serve --processes 2 on PostgreSQL', () => {
  let primary: ChildProcess;
  let base = '';
  let drop = async () => {};

  beforeAll(async () => {
    const scratch = await createScratchPostgres(
      postgresUrl ?? '',
      `truce_procs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
    );
    drop = scratch.drop;
    const db = openDatabase(parseDatabaseUrl(scratch.url));
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    await loadDemo(db, { actor: 'demo:test' });
    await db.destroy();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    primary = spawn(
      process.execPath,
      [CLI, 'serve', '--port', String(port), '--processes', '2', '--no-demo'],
      {
        env: { ...process.env, TRUCE_DATABASE_URL: scratch.url, TRUCE_LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      },
    );
    await waitForHealth(base, primary);
    await until(() => childrenOf(primary.pid as number).length === 2, 'two server processes');
  }, 120_000);

  afterAll(async () => {
    if (primary?.exitCode === null) await new Promise((r) => primary.once('exit', r).kill('SIGKILL'));
    await drop();
  });

  it('holds a sign-in limit over the one port, whichever process answers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ username: 'nobody-at-all', password: 'not the right one' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('answers on while one process is killed, and the primary starts another', async () => {
    const [victim, survivor] = childrenOf(primary.pid as number) as [number, number];
    process.kill(victim, 'SIGKILL');
    await until(() => !alive(victim), 'the killed process is gone');
    const during = await fetch(`${base}/api/incidents?limit=1`, { headers: { connection: 'close' } });
    expect(during.status).toBe(200);
    await until(() => {
      const now = childrenOf(primary.pid as number);
      return now.length === 2 && now.includes(survivor) && !now.includes(victim);
    }, 'a replacement process');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('stops every server process when the primary is told to stop', async () => {
    const servers = childrenOf(primary.pid as number);
    expect(servers).toHaveLength(2);
    await new Promise((r) => primary.once('exit', r).kill('SIGTERM'));
    expect(primary.exitCode).toBe(0);
    await until(() => servers.every((pid) => !alive(pid)), 'the server processes end');
  });
});
