import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real Truce server as a child process on a fresh SQLite file, and its CLI on the same file. */
const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'dist/cli/main.js');

export interface Truce {
  readonly url: string;
  readonly databaseUrl: string;
  cli(args: readonly string[], stdin?: string): { status: number | null; stdout: string; stderr: string };
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  for (const file of [MAIN, join(ROOT, 'dist/web/index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface TruceOptions {
  /** More options for `truce serve` (e.g. `--basemap FILE`). */
  readonly serveArgs?: readonly string[];
}

export async function startTruce(options: TruceOptions = {}): Promise<Truce> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'truce-browser-'));
  const databaseUrl = `sqlite:${join(dir, 'truce.db')}`;
  const env = { ...process.env, TRUCE_DATABASE_URL: databaseUrl, TRUCE_LOG_LEVEL: 'warn' };
  const cli = (args: readonly string[], stdin?: string) => {
    const run = spawnSync(process.execPath, [MAIN, ...args], {
      env,
      input: stdin ?? '',
      encoding: 'utf8',
      cwd: ROOT,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const migrated = cli(['db', 'migrate']);
  if (migrated.status !== 0) throw new Error(`truce db migrate failed: ${migrated.stderr}`);
  const port = await freePort();
  const serve = ['serve', '--port', String(port), '--host', '127.0.0.1', ...(options.serveArgs ?? [])];
  const child = spawn(process.execPath, [MAIN, ...serve], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(
    url,
    () => child.exitCode !== null,
    () => output,
  );
  return {
    url,
    databaseUrl,
    cli,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, hasExited: () => boolean, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (hasExited()) throw new Error(`truce serve exited: ${output()}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`truce serve did not answer /api/health: ${output()}`);
}
