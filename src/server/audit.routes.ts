import { z } from 'zod';
import { checkpointsSince, latestCheckpoint } from '../audit/checkpoint-store.js';
import { consistencyProof, inclusionProof } from '../audit/tree-store.js';
import type { Signer } from '../audit/keys.js';
import { actorOf } from '../audit/actor.js';
import {
  addCosignature,
  cosignaturesOf,
  listWitnesses,
  registerWitness,
  withCosignatures,
} from '../audit/witness-store.js';
import { notFound } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { json, jsonBody, type RouteSpec } from './route.js';
import { requireUser } from './visibility.js';

const Count = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Base64Hash = z.string().describe('a SHA-256 hash in base64');

const Cosignature = z.object({ witness: z.string(), time: z.number().int(), line: z.string() });
const Checkpoint = z.object({
  id: z.number().int(),
  size: z.number().int(),
  rootHash: z.string().describe('hex'),
  createdAt: z.string(),
  note: z.string().describe('the C2SP signed note with the cosignature lines appended'),
  signedNote: z.string().describe('the signed note as the center signed it'),
  cosignatures: z.array(Cosignature),
});
const CheckpointList = z.object({ items: z.array(Checkpoint) });
const InclusionQuery = z.object({ entry: Count, size: Count.optional() });
const ConsistencyQuery = z.object({ from: Count, to: Count });
const SinceQuery = z.object({ since: z.string().max(40).optional() });
const Inclusion = z.object({
  entry: z.number().int(),
  leafIndex: z.number().int(),
  size: z.number().int(),
  leafHash: Base64Hash,
  path: z.array(Base64Hash),
});
const Consistency = z.object({ from: z.number().int(), to: z.number().int(), path: z.array(Base64Hash) });
const CosignatureInput = z.object({
  body: z.string().min(1).max(4000).describe('the checkpoint body the witness cosigned'),
  line: z.string().min(1).max(1000).describe('the tlog-cosignature/v1 signature line'),
});
const CosignatureStored = z.object({ checkpointId: z.number().int(), cosignature: Cosignature });
const VerifierKeyText = z.string().min(1).max(400).describe('a C2SP verifier key: name+keyid+base64key');
const Witness = z.object({ name: z.string(), vkey: VerifierKeyText, addedAt: z.string() });
const AuditKeys = z.object({
  log: VerifierKeyText.nullable().describe("the center's verifier key, null when this server holds no key"),
  witnesses: z.array(Witness).describe('the witnesses whose cosignatures the center accepts'),
});
const WitnessInput = z.object({
  vkey: VerifierKeyText.describe("the witness's cosignature/v1 key, as `truce witness keygen` prints it"),
});
const WitnessStored = z.object({ id: z.number().int(), name: z.string(), vkey: z.string() });

const b64 = (h: Buffer) => h.toString('base64');

/** The verifiable log: checkpoints, proofs, witnesses' cosignatures. Public: anyone may check. */
export function auditRoutes(runtime: Runtime, clock: () => Date, signer: Signer | null = null): RouteSpec[] {
  const db = runtime.db;
  return [
    {
      method: 'GET',
      path: '/api/audit/keys',
      operationId: 'getAuditKeys',
      summary:
        "The center's verifier key and the registered witnesses' keys (check them against what the center and the parties announce elsewhere)",
      allow: 'anyone',
      responses: { 200: json('The keys', AuditKeys) },
      handler: async (c) => c.json({ log: signer?.vkey ?? null, witnesses: await listWitnesses(db) }),
    },
    {
      method: 'POST',
      path: '/api/audit/witnesses',
      operationId: 'registerAuditWitness',
      summary: "Accept a witness's cosignatures from now on: its verifier key from `truce witness keygen`",
      allow: ['admin'],
      body: WitnessInput,
      errors: [409],
      responses: { 201: json('The witness, registered', WitnessStored) },
      handler: async (c) => {
        const user = requireUser(c);
        const input = parseInput(WitnessInput, await jsonBody(c), 'body');
        return c.json(
          await registerWitness(db, { vkey: input.vkey, addedBy: actorOf(user), now: clock() }),
          201,
        );
      },
    },
    {
      method: 'GET',
      path: '/api/audit/checkpoint',
      operationId: 'getAuditCheckpoint',
      summary: 'The latest signed checkpoint of the audit log (C2SP tlog-checkpoint) with its cosignatures',
      allow: 'anyone',
      errors: [404],
      responses: { 200: json('The latest checkpoint', Checkpoint) },
      handler: async (c) => {
        const latest = await latestCheckpoint(db);
        if (!latest) throw notFound('checkpoint', 'latest');
        const cosigned = await cosignaturesOf(db, [latest.id]);
        return c.json(withCosignatures(latest, cosigned.get(latest.id) ?? []));
      },
    },
    {
      method: 'GET',
      path: '/api/audit/checkpoints',
      operationId: 'listAuditCheckpoints',
      summary: 'Checkpoints made after `since` (ISO time), oldest first, at most 100',
      allow: 'anyone',
      query: SinceQuery,
      responses: { 200: json('The checkpoints', CheckpointList) },
      handler: async (c) => {
        const { since } = parseInput(SinceQuery, c.req.query(), 'query');
        const list = await checkpointsSince(db, since ?? '');
        const cosigned = await cosignaturesOf(
          db,
          list.map((l) => l.id),
        );
        return c.json({ items: list.map((l) => withCosignatures(l, cosigned.get(l.id) ?? [])) });
      },
    },
    {
      method: 'GET',
      path: '/api/audit/proof/inclusion',
      operationId: 'getAuditInclusionProof',
      summary: 'The RFC 6962 inclusion proof of audit entry `entry` (its seq) in the tree of `size` entries',
      allow: 'anyone',
      query: InclusionQuery,
      responses: { 200: json('The proof', Inclusion) },
      handler: async (c) => {
        const q = parseInput(InclusionQuery, c.req.query(), 'query');
        const proof = await inclusionProof(db, q.entry, q.size);
        return c.json({
          entry: proof.entry,
          leafIndex: proof.entry - 1,
          size: proof.size,
          leafHash: b64(proof.leafHash),
          path: proof.path.map(b64),
        });
      },
    },
    {
      method: 'GET',
      path: '/api/audit/proof/consistency',
      operationId: 'getAuditConsistencyProof',
      summary: 'The RFC 6962 consistency proof between the trees of `from` and `to` entries',
      allow: 'anyone',
      query: ConsistencyQuery,
      responses: { 200: json('The proof', Consistency) },
      handler: async (c) => {
        const q = parseInput(ConsistencyQuery, c.req.query(), 'query');
        return c.json({ from: q.from, to: q.to, path: (await consistencyProof(db, q.from, q.to)).map(b64) });
      },
    },
    {
      method: 'POST',
      path: '/api/audit/cosignatures',
      operationId: 'addAuditCosignature',
      summary:
        "A registered witness's cosignature of a stored checkpoint: stored only when it verifies against the witness's registered key and the checkpoint the center signed",
      allow: 'anyone',
      body: CosignatureInput,
      errors: [404],
      responses: { 201: json('The cosignature, stored', CosignatureStored) },
      handler: async (c) => {
        const input = parseInput(CosignatureInput, await jsonBody(c), 'body');
        return c.json(await addCosignature(db, { ...input, now: clock() }), 201);
      },
    },
  ];
}
