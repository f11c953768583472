import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { createScratchPostgres, openDatabase, type Db } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { addUser } from '../src/record/user-store.js';
import { createApiToken } from '../src/server/auth/session-store.js';
import { CLI } from './cli.js';
import { freePort, waitForHealth } from './servers.js';

const postgresUrl = process.env.TRUCE_TEST_POSTGRES_URL;
if (!postgresUrl)
  console.warn(
    'two API processes on PostgreSQL skipped: set TRUCE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run it',
  );

interface Servers {
  readonly bases: readonly string[];
  stop(): Promise<void>;
}

/** Starts `truce serve` twice on `url`, at once, and waits until both answer. */
async function startTwoServers(url: string, args: readonly string[]): Promise<Servers> {
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const port = await freePort();
    children.push(
      spawn(process.execPath, [CLI, 'serve', '--port', String(port), ...args], {
        env: { ...process.env, TRUCE_DATABASE_URL: url, TRUCE_LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      }),
    );
    bases.push(`http://127.0.0.1:${port}`);
  }
  const stop = async () => {
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null
          ? null
          : new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')),
      ),
    );
  };
  try {
    await Promise.all(bases.map((base, i) => waitForHealth(base, children[i] as ChildProcess)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { bases, stop };
}

const scratchDatabase = () =>
  createScratchPostgres(
    postgresUrl ?? '',
    `truce_two_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
  );

interface Listed {
  items: { id: number; status: string }[];
}

/**
 * Two real `truce serve` processes (the built CLI) on one PostgreSQL database, as behind a load
 * balancer: what one process counts or changes, the other sees.
 */
describe.runIf(postgresUrl)('two API processes on one PostgreSQL database', () => {
  let servers: Servers | undefined;
  let db: Db;
  let drop = async () => {};
  let analyst = '';

  beforeAll(async () => {
    const scratch = await scratchDatabase();
    drop = scratch.drop;
    db = openDatabase(parseDatabaseUrl(scratch.url));
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    await loadDemo(db, { actor: 'demo:test' });
    const user = await addUser(db, { actor: 'system:test' }, { username: 'two-analyst', role: 'analyst' });
    analyst = await createApiToken(db, user.id, 'two processes', new Date());
    servers = await startTwoServers(scratch.url, ['--no-demo']);
  }, 120_000);

  afterAll(async () => {
    await servers?.stop();
    await db?.destroy();
    await drop();
  });

  const process_ = (i: number) => servers?.bases[i] ?? '';
  const login = (base: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody-here', password: 'not the right one' }),
    });

  it('holds a sign-in limit reached through one process through the other', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await login(process_(i % 2))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const refused = await login(process_(1));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(process_(0))).status).toBe(429);
  });

  it("invalidates the other process's cached answers when a review is written through one", async () => {
    const list = async (base: string, token?: string): Promise<Listed> => {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const response = await fetch(`${base}/api/incidents?limit=200`, { headers });
      expect(response.status).toBe(200);
      return (await response.json()) as Listed;
    };
    const review = async (id: number, status: string) => {
      const response = await fetch(`${process_(0)}/api/incidents/${id}/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
        body: JSON.stringify({ status, reason: 'checked against a second source' }),
      });
      expect(response.status).toBe(200);
    };
    // Asked twice in B: the second answer comes from B's cache.
    const publicBefore = await list(process_(1));
    expect(await list(process_(1))).toEqual(publicBefore);
    const published = publicBefore.items.find((i) => i.status === 'confirmed');
    if (!published) throw new Error('the demo holds no confirmed incident');
    expect((await list(process_(1), analyst)).items).toContainEqual(expect.objectContaining(published));

    await review(published.id, 'under_review');
    expect((await list(process_(1))).items.map((i) => i.id)).not.toContain(published.id);
    const staffAfter = await list(process_(1), analyst);
    expect(staffAfter.items.find((i) => i.id === published.id)?.status).toBe('under_review');

    await review(published.id, 'confirmed');
    const publicAfter = await list(process_(1));
    expect(publicAfter.items.find((i) => i.id === published.id)?.status).toBe('confirmed');
  });
});

describe.runIf(postgresUrl)('two API processes started at once on one empty PostgreSQL database', () => {
  it('both come up, and the demo is loaded once', async () => {
    const scratch = await scratchDatabase();
    const servers = await startTwoServers(scratch.url, []).catch(async (error: unknown) => {
      await scratch.drop();
      throw error;
    });
    const db = openDatabase(parseDatabaseUrl(scratch.url));
    try {
      const [a, b] = await Promise.all(
        servers.bases.map(
          async (base) => ((await (await fetch(`${base}/api/health`)).json()) as { audit: unknown }).audit,
        ),
      );
      expect(a).toEqual(b);
      const agreements = await db.selectFrom('agreements').select('slug').execute();
      expect(agreements.length).toBeGreaterThan(0);
      expect(new Set(agreements.map((r) => r.slug)).size).toBe(agreements.length);
    } finally {
      await servers.stop();
      await db.destroy();
      await scratch.drop();
    }
  }, 120_000);
});
