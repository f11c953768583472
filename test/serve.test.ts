import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from './cli.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

async function waitForHealth(url: string, attempts = 100): Promise<Response> {
  for (let i = 0; i < attempts; i += 1) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

describe('truce serve (what npm start runs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the database folder, migrates, and answers /api/health and /api/incidents', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], {
      env: {
        ...process.env,
        TRUCE_DATABASE_URL: `sqlite:${join(dir, 'nested', 'truce.db')}`,
        TRUCE_LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
      const incidents = await fetch(`http://127.0.0.1:${port}/api/incidents?limit=5`);
      expect(await incidents.json()).toMatchObject({ limit: 5, offset: 0, items: expect.any(Array) });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses to start with a --basemap that is not a PMTiles v3 file, naming the option and the rule', () => {
    const notes = join(dir, 'streets.pmtiles');
    writeFileSync(notes, 'A list of street names, not an archive.\n'.repeat(8));
    const result = runCli(['serve', '--port', '1', '--basemap', notes], {
      env: { TRUCE_DATABASE_URL: `sqlite:${join(dir, 'refused.db')}` },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--basemap: must be a readable PMTiles v3 file');
    expect(result.stderr).toContain('is not a PMTiles archive');
  });
});
