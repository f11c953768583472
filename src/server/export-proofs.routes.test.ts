import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { signCheckpoint } from '../audit/checkpoint-store.js';
import { signerOf } from '../audit/keys.js';
import { parseVerifierKey } from '../audit/note.js';
import { verifyProofExport } from '../audit/proof-verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const center = signerOf('export.test/log', generateKeyPairSync('ed25519').privateKey);

/** `/api/export?format=json&proofs=1` sends the very document `truce export --format json --proofs` writes. */
describeEachDatabase('the export with proofs over HTTP', (t) => {
  let app: ReturnType<typeof createApp>;
  let analyst = '';
  let liaison = '';
  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1)
      await createIncident(t.db, { actor: 'user:x' }, buildIncident({ actor1: null, actor2: null }));
    await signCheckpoint(t.db, center, () => new Date('2026-02-01T00:00:00Z'));
    const runtime: Runtime = testRuntime(t);
    app = createApp(runtime);
    const a = await addUser(t.db, { actor: 'system:test' }, { username: 'exp-analyst', role: 'analyst' });
    const l = await addUser(
      t.db,
      { actor: 'system:test' },
      { username: 'exp-liaison', role: 'liaison', party: 'AM' },
    );
    analyst = await createApiToken(t.db, a.id, 'test', new Date());
    liaison = await createApiToken(t.db, l.id, 'test', new Date());
  });
  const get = (path: string, token?: string) =>
    app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('is byte for byte what the CLI writes, and verifies', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'truce-proofs-')), 'export.json');
    expect(
      runCli(['--db', t.config.url, 'export', '--format', 'json', '--proofs', '--output', file]).status,
    ).toBe(0);
    const response = await get('/api/export?format=json&proofs=1', analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const text = await response.text();
    expect(text).toBe(readFileSync(file, 'utf8'));
    const report = await verifyProofExport(JSON.parse(text), [parseVerifierKey(center.vkey)], []);
    expect(report).toMatchObject({ ok: true, incidents: 3 });
  });

  it('is refused to the public and liaisons (staff names, review reasons), and with another format', async () => {
    for (const token of [undefined, liaison]) {
      const response = await get('/api/export?format=json&proofs=1', token);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /^proofs: .*staff only/,
      );
    }
    const csv = await get('/api/export?format=acled&proofs=1', analyst);
    expect(csv.status).toBe(400);
    expect(await csv.text()).toMatch(/proofs.*format=json/);
  });
});
