import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { createApp } from '../server/app.js';
import { audited } from './audit-store.js';
import { signCheckpoint } from './checkpoint-store.js';
import { signerOf } from './keys.js';
import {
  COSIGNATURE_V1,
  cosignatureTime,
  encodeVerifierKey,
  parseNote,
  parseVerifierKey,
  rawPublicKey,
} from './note.js';
import { rewriteHistory } from './test-support/rewrite.js';
import { httpCenter, witnessOnce, type WitnessState } from './witness.js';
import { registerWitness } from './witness-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const ctx = { actor: 'analyst:test', reason: 'test' };
const plain = () => buildIncident({ actor1: null, actor2: null });
const now = () => new Date('2026-03-02T10:00:00Z');
const center = signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey);
const logKeys = [parseVerifierKey(center.vkey)];

describeEachDatabase('a witness of the audit log, over HTTP', (t) => {
  let server: ServerType;
  let base = '';
  const witnessKey = generateKeyPairSync('ed25519').privateKey;
  const me = { name: 'party-a.example/witness', key: witnessKey };
  const vkey = encodeVerifierKey(me.name, COSIGNATURE_V1, rawPublicKey(createPublicKey(witnessKey)));

  beforeAll(async () => {
    const runtime: Runtime = testRuntime(t);
    await new Promise<void>((resolve) => {
      server = serve(
        { fetch: createApp(runtime).fetch, port: 0, hostname: '127.0.0.1' },
        (info: AddressInfo) => {
          base = `http://127.0.0.1:${info.port}`;
          resolve();
        },
      );
    });
    await registerWitness(t.db, { vkey, addedBy: 'admin:test', now: now() });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Cosigns an honest checkpoint, then returns the witness's state. */
  async function cosignHonest(): Promise<WitnessState> {
    await createIncident(t.db, ctx, plain());
    await signCheckpoint(t.db, center, now);
    const outcome = await witnessOnce(httpCenter(base), logKeys, me, null, now);
    if (outcome.kind !== 'cosigned') throw new Error(outcome.message);
    return outcome.state;
  }

  it('cosigns an honest log twice (consistency checked), and the center publishes the cosignature', async () => {
    const first = await cosignHonest();
    await createIncident(t.db, ctx, plain());
    await signCheckpoint(t.db, center, now);
    const second = await witnessOnce(httpCenter(base), logKeys, me, first, now);
    expect(second).toMatchObject({ kind: 'cosigned' });
    const published = (await (await fetch(`${base}/api/audit/checkpoint`)).json()) as {
      note: string;
      signedNote: string;
      cosignatures: { witness: string }[];
    };
    expect(published.cosignatures.map((c) => c.witness)).toEqual([me.name]);
    const note = parseNote(published.note);
    const line = note.signatures.find((s) => s.name === me.name);
    expect(line && cosignatureTime(note.body, line, parseVerifierKey(vkey))).toBe(
      Math.floor(now().getTime() / 1000),
    );
  });

  it('refuses a tail cut with the head moved back, and cosigns nothing', async () => {
    const state = await cosignHonest();
    const cut = Math.max(1, state.size - 3);
    await t.db.deleteFrom('audit_entries').where('seq', '>', cut).execute();
    await rewriteHistory(t.db);
    await signCheckpoint(t.db, center, now); // the center's key signs the rewritten log
    const before = await t.db.selectFrom('audit_cosignatures').select('id').execute();
    const outcome = await witnessOnce(httpCenter(base), logKeys, me, state, now);
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'rollback' });
    expect(await t.db.selectFrom('audit_cosignatures').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses an old entry edited with every later hash and the tree recomputed, even once the log grew', async () => {
    const state = await cosignHonest();
    await rewriteHistory(t.db, (entries) =>
      entries.map((e) => (e.seq === 2 ? { ...e, reason: 'rewritten' } : e)),
    );
    await createIncident(t.db, ctx, plain());
    await signCheckpoint(t.db, center, now);
    expect(await witnessOnce(httpCenter(base), logKeys, me, state, now)).toMatchObject({
      kind: 'refused',
      reason: 'inconsistent',
    });
  });

  it('refuses a review removed and the entries renumbered', async () => {
    const incident = await createIncident(t.db, ctx, plain());
    await audited(t.db, { actor: 'analyst:reviewer' }, (w) =>
      w.update('incidents', incident.id, { status: 'confirmed' }, { action: 'review' }),
    );
    const state = await cosignHonest();
    await rewriteHistory(t.db, (entries) =>
      entries.filter((e) => !(e.action === 'review' && e.entityId === String(incident.id))),
    );
    await createIncident(t.db, ctx, plain());
    await createIncident(t.db, ctx, plain());
    await signCheckpoint(t.db, center, now);
    expect(await witnessOnce(httpCenter(base), logKeys, me, state, now)).toMatchObject({
      kind: 'refused',
      reason: 'inconsistent',
    });
  });

  it('refuses a checkpoint signed by another key', async () => {
    const impostor = signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey);
    await createIncident(t.db, ctx, plain());
    await signCheckpoint(t.db, impostor, now);
    expect(await witnessOnce(httpCenter(base), logKeys, me, null, now)).toMatchObject({
      kind: 'refused',
      reason: 'bad_signature',
    });
  });

  it("says the center did not accept a cosignature from a witness no admin registered, with the center's reason", async () => {
    await createIncident(t.db, ctx, plain());
    await signCheckpoint(t.db, center, now);
    const stranger = { name: 'stranger.example/witness', key: generateKeyPairSync('ed25519').privateKey };
    const outcome = await witnessOnce(httpCenter(base), logKeys, stranger, null, now);
    expect(outcome).toMatchObject({ kind: 'not_accepted' });
    expect(outcome.kind === 'not_accepted' && outcome.message).toMatch(
      /^the center did not accept the cosignature: 404 line: witness stranger\.example\/witness is not registered/,
    );
  });
});
