import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { signCheckpoint } from '../audit/checkpoint-store.js';
import { signerOf } from '../audit/keys.js';
import { COSIGNATURE_V1, cosign, encodeVerifierKey, parseNote, rawPublicKey } from '../audit/note.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const center = signerOf('witness-route.test/log', generateKeyPairSync('ed25519').privateKey);
const witnessKey = generateKeyPairSync('ed25519').privateKey;
const name = 'party-a.test/witness';
const vkey = encodeVerifierKey(name, COSIGNATURE_V1, rawPublicKey(createPublicKey(witnessKey)));

/**
 * How a witness hands its cosignature to the center: an admin registers the witness's key, then
 * the witness posts each cosignature, stored only when it verifies against that key and a
 * checkpoint the center signed; anything else is refused naming the field and why.
 */
describeEachDatabase('witness registration and cosignatures over HTTP', (t) => {
  let app: ReturnType<typeof createApp>;
  let admin = '';
  let analyst = '';
  let body = '';
  beforeAll(async () => {
    await createIncident(t.db, { actor: 'user:x' }, buildIncident());
    body = parseNote((await signCheckpoint(t.db, center, () => new Date())).note).body;
    const runtime: Runtime = testRuntime(t);
    app = createApp(runtime, { signer: center });
    const a = await addUser(t.db, { actor: 'system:test' }, { username: 'w-admin', role: 'admin' });
    const b = await addUser(t.db, { actor: 'system:test' }, { username: 'w-analyst', role: 'analyst' });
    admin = await createApiToken(t.db, a.id, 'test', new Date());
    analyst = await createApiToken(t.db, b.id, 'test', new Date());
  });
  const post = async (path: string, payload: unknown, token?: string) => {
    const response = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(payload),
    });
    return { status: response.status, json: (await response.json()) as { error?: { message: string } } };
  };
  const cosignature = (text = body) => ({ body: text, line: cosign(text, name, witnessKey, 1_780_000_000) });

  it('refuses a cosignature from a witness no admin registered, naming how to register it', async () => {
    const r = await post('/api/audit/cosignatures', cosignature());
    expect(r.status).toBe(404);
    expect(r.json.error?.message).toMatch(/^line: witness party-a\.test\/witness is not registered/);
  });

  it('lets an admin register a witness key, and no one else', async () => {
    expect((await post('/api/audit/witnesses', { vkey }, analyst)).status).toBe(403);
    expect((await post('/api/audit/witnesses', { vkey })).status).toBe(401);
    expect((await post('/api/audit/witnesses', { vkey: 'nope' }, admin)).json.error?.message).toMatch(
      /^vkey: /,
    );
    const r = await post('/api/audit/witnesses', { vkey }, admin);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name, vkey });
    expect((await post('/api/audit/witnesses', { vkey }, admin)).status).toBe(409);
    const keys = (await (await app.request('/api/audit/keys')).json()) as {
      log: string;
      witnesses: { name: string; vkey: string }[];
    };
    expect(keys.log).toBe(center.vkey);
    expect(keys.witnesses.map((w) => [w.name, w.vkey])).toEqual([[name, vkey]]);
  });

  it('stores a valid cosignature, and refuses a forged one or one of a checkpoint never signed', async () => {
    const forged = {
      ...cosignature(),
      line: cosign(body, name, generateKeyPairSync('ed25519').privateKey, 1),
    };
    const bad = await post('/api/audit/cosignatures', forged);
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/^line: not a valid cosignature by party-a\.test\/witness/);
    const [origin, size] = body.split('\n');
    const unsigned = `${origin}\n${size}\n${Buffer.alloc(32, 9).toString('base64')}\n`;
    const never = await post('/api/audit/cosignatures', cosignature(unsigned));
    expect(never.status).toBe(404);
    expect(never.json.error?.message).toMatch(/^body: no checkpoint of size \d+ with this body was signed/);
    const ok = await post('/api/audit/cosignatures', cosignature());
    expect(ok.status).toBe(201);
    const latest = (await (await app.request('/api/audit/checkpoint')).json()) as {
      cosignatures: { witness: string }[];
    };
    expect(latest.cosignatures.map((c) => c.witness)).toEqual([name]);
  });
});
