/**
 * The offline check of an export with proofs, isomorphic: it runs in Node (`truce verify`) and in
 * the browser (the web app's Verify page) alike, so it imports nothing and uses only WebCrypto
 * (`crypto.subtle`: SHA-256 and Ed25519), TextEncoder and typed arrays. It is written from the
 * specifications (C2SP signed-note, tlog-checkpoint, tlog-cosignature; RFC 6962/9162 inclusion
 * proofs; the audit chain's entry hash) and not from the server's node:crypto code, so the two
 * check each other in the tests.
 *
 * The web app's Verify page imports this very file (esbuild bundles it; there is no copy).
 */

export const PROOF_EXPORT_FORMAT = 'truce-audit-export/1';
const ED25519 = 0x01;
const COSIGNATURE_V1 = 0x04;
const MAX_NOTE = 1_000_000;
const MAX_SIGNATURES = 100;
const MAX_PROBLEMS = 100;
const MAX_PROOF = 64;

/** A verifier key as the C2SP signed-note text `name+hex(keyid)+base64(type ‖ key)` encodes it. */
export interface CoreVerifierKey {
  readonly name: string;
  readonly type: number;
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
}

export interface IncidentResult {
  readonly incident: number | null;
  readonly ok: boolean;
  /** What failed, or null when the incident verifies. */
  readonly problem: string | null;
}

export interface ExportReport {
  readonly ok: boolean;
  readonly checkpoint: { origin: string; size: number; root: string } | null;
  /** Witnesses among those given whose cosignature of the checkpoint is valid. */
  readonly cosignedBy: string[];
  readonly incidents: number;
  /** Every incident in the file, in its order, passed or failed. */
  readonly results: IncidentResult[];
  readonly problems: { incident: number | null; message: string }[];
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] as number, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** Strict standard base64 (padded); null when the text is not exactly that. */
export function base64Decode(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, j) => {
      const ch = text[i + j] as string;
      return (acc << 6) | (ch === '=' ? 0 : B64.indexOf(ch));
    }, 0);
    for (const shift of [16, 8, 0]) if (o < out.length) out[o++] = (n >> shift) & 255;
  }
  return base64Encode(out) === text ? out : null;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * A copy on a fresh ArrayBuffer of its own: what WebCrypto's BufferSource accepts in every typing
 * (a Node Buffer's `slice` is a view into a shared pool, hence the constructor).
 */
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer as ArrayBuffer;

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(bytes)));
}

async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('raw', buffer(publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, buffer(signature), buffer(message));
  } catch {
    return false;
  }
}

/** RFC 6962 §2.1: a leaf is hashed with 0x00 in front, an inner node with 0x01. */
const leafHash = (leaf: Uint8Array) => sha256(concat(Uint8Array.of(0), leaf));
const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(concat(Uint8Array.of(1), left, right));

/** RFC 9162 §2.1.3.2: true when `proof` leads from the leaf at `index` to `root` of a tree of `size`. */
export async function verifyInclusionProof(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (index < 0 || index >= size || proof.length > MAX_PROOF) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with keys sorted at every depth and no whitespace: the text the audit chain hashes. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot canonicalise ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
}

/** What an audit entry says, hashed into the chain (the server's `AuditEntry` is this). */
export interface EntryContent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** Canonical JSON of the entity before the change, or null when it did not exist. */
  readonly before: string | null;
  /** Canonical JSON of the entity after the change, or null when it was deleted. */
  readonly after: string | null;
  readonly reason: string | null;
}

/** The audit chain's entry hash: SHA-256(prev_hash ‖ canonical JSON of the entry), hex. */
export async function entryHash(prevHash: string, e: EntryContent): Promise<string> {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before,
    after: e.after,
    reason: e.reason,
  });
  return hex(await sha256(utf8(prevHash + body)));
}

const hasControl = (text: string) => [...text].some((ch) => ch.charCodeAt(0) < 0x20);

/** C2SP signed-note: the key id is the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ key). */
const keyIdOf = async (name: string, type: number, key: Uint8Array) =>
  (await sha256(concat(utf8(`${name}\n`), Uint8Array.of(type), key))).slice(0, 4);

/** Parses a verifier key `name+hex(keyid)+base64(type ‖ key)`, checking its key id. */
export async function parseKey(text: string): Promise<CoreVerifierKey> {
  const m = /^([^+\s]{1,200})\+([0-9a-f]{8})\+([A-Za-z0-9+/=]{1,200})$/.exec(text.trim());
  if (!m) throw new Error('verifier key: expected name+keyid+base64key');
  const [, name, id, b64] = m as unknown as [string, string, string, string];
  const bytes = base64Decode(b64);
  if (!bytes || bytes.length !== 33) throw new Error('verifier key: the key is not 33 bytes of base64');
  const type = bytes[0] as number;
  const publicKey = bytes.slice(1);
  const keyId = await keyIdOf(name, type, publicKey);
  if (hex(keyId) !== id) throw new Error('verifier key: the key id does not match the name and key');
  return { name, type, keyId, publicKey };
}

interface Signature {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function parseNote(text: string): { body: string; signatures: Signature[] } {
  if (text.length > MAX_NOTE) throw new Error('the note is too long');
  const split = text.indexOf('\n\n');
  if (split < 0 || !text.endsWith('\n')) throw new Error('no blank line before the signatures');
  const lines = text.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error('too many signatures');
  const signatures = lines.map((line) => {
    const m = /^\u2014 (\S{1,200}) ([A-Za-z0-9+/=]{1,400})$/.exec(line);
    const bytes = m ? base64Decode(m[2] as string) : null;
    if (!m || !bytes || bytes.length < 5) throw new Error(`bad signature line "${line.slice(0, 60)}"`);
    return { name: m[1] as string, bytes };
  });
  return { body: text.slice(0, split + 1), signatures };
}

function parseCheckpoint(body: string): { origin: string; size: number; root: Uint8Array } {
  const [origin, sizeText, rootText] = body.split('\n');
  if (origin === undefined || origin === '' || hasControl(origin)) throw new Error('no origin line');
  if (sizeText === undefined || !/^(0|[1-9][0-9]{0,15})$/.test(sizeText))
    throw new Error('the size line is not a decimal number');
  const root = base64Decode(rootText ?? '');
  if (!root || root.length !== 32) throw new Error('the root hash is not 32 bytes of base64');
  return { origin, size: Number(sizeText), root };
}

/** True when the note carries a valid Ed25519 signature (type 0x01) by `key`. */
async function signedBy(note: { body: string; signatures: Signature[] }, key: CoreVerifierKey) {
  if (key.type !== ED25519) return false;
  for (const s of note.signatures)
    if (
      s.name === key.name &&
      s.bytes.length === 68 &&
      equal(s.bytes.slice(0, 4), key.keyId) &&
      (await ed25519Verify(key.publicKey, s.bytes.slice(4), utf8(note.body)))
    )
      return true;
  return false;
}

/** True when the note carries a valid tlog-cosignature/v1 (type 0x04) by `key`. */
async function cosignedBy(note: { body: string; signatures: Signature[] }, key: CoreVerifierKey) {
  if (key.type !== COSIGNATURE_V1) return false;
  for (const s of note.signatures) {
    if (s.name !== key.name || s.bytes.length !== 76 || !equal(s.bytes.slice(0, 4), key.keyId)) continue;
    const time = new DataView(s.bytes.buffer, s.bytes.byteOffset + 4, 8).getBigUint64(0);
    const message = utf8(`cosignature/v1\ntime ${time}\n${note.body}`);
    if (await ed25519Verify(key.publicKey, s.bytes.slice(12), message)) return true;
  }
  return false;
}

const failed = (message: string): ExportReport => ({
  ok: false,
  checkpoint: null,
  cosignedBy: [],
  incidents: 0,
  results: [],
  problems: [{ incident: null, message }],
});

/**
 * Checks an export with proofs with no database and no server: the checkpoint's signature by one
 * of the log's keys, which of the given witnesses cosigned it, and per incident that every entry's
 * hash recomputes from its content, is in the checkpoint's tree (inclusion proof), is about that
 * incident, and that the incident's record is what its last entry recorded. Every incident gets a
 * result; each failing one is named.
 */
export async function verifyExport(
  document: unknown,
  logKeys: readonly CoreVerifierKey[],
  witnessKeys: readonly CoreVerifierKey[],
): Promise<ExportReport> {
  const doc = document as { format?: unknown; checkpoint?: unknown; incidents?: unknown } | null;
  if (
    doc?.format !== PROOF_EXPORT_FORMAT ||
    typeof doc.checkpoint !== 'string' ||
    !Array.isArray(doc.incidents)
  )
    return failed(`not a ${PROOF_EXPORT_FORMAT} document`);
  let note;
  let checkpoint;
  try {
    note = parseNote(doc.checkpoint);
    checkpoint = parseCheckpoint(note.body);
  } catch (error) {
    return failed(`the checkpoint cannot be read: ${(error as Error).message}`);
  }
  let signed = false;
  for (const k of logKeys) signed ||= await signedBy(note, k);
  if (!signed) return failed("the checkpoint is not signed by the log's key");
  const cosigners: string[] = [];
  for (const k of witnessKeys) if (await cosignedBy(note, k)) cosigners.push(k.name);
  const results: IncidentResult[] = [];
  const problems: ExportReport['problems'] = [];
  for (const raw of doc.incidents as unknown[]) {
    const incident = (raw ?? {}) as { id?: unknown; record?: unknown; audit?: unknown };
    const id = typeof incident.id === 'number' ? incident.id : null;
    const problem = await incidentProblem(incident, checkpoint.size, checkpoint.root);
    results.push({ incident: id, ok: problem === null, problem });
    if (problem && problems.length < MAX_PROBLEMS)
      problems.push({ incident: id, message: `incident ${id ?? '?'}: ${problem}` });
  }
  return {
    ok: results.every((r) => r.ok),
    checkpoint: { origin: checkpoint.origin, size: checkpoint.size, root: base64Encode(checkpoint.root) },
    cosignedBy: cosigners,
    incidents: results.length,
    results,
    problems,
  };
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

async function incidentProblem(
  incident: { id?: unknown; record?: unknown; audit?: unknown },
  size: number,
  root: Uint8Array,
): Promise<string | null> {
  if (typeof incident.id !== 'number' || !Array.isArray(incident.audit) || incident.audit.length === 0)
    return 'no id or no audit entries';
  let last: string | null = null;
  for (const raw of incident.audit as unknown[]) {
    const e = (raw ?? {}) as Record<string, unknown>;
    const seq = e.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return 'an entry has no seq';
    if (
      ![e.at, e.actor, e.action, e.entityType, e.entityId, e.prevHash, e.hash].every(isText) ||
      ![e.before, e.after, e.reason].every(isTextOrNull)
    )
      return `entry ${seq} is incomplete`;
    const entry = e as unknown as EntryContent & { prevHash: string; hash: string };
    if (entry.entityType !== 'incidents' || entry.entityId !== String(incident.id))
      return `entry ${seq} is about another entity`;
    if ((await entryHash(entry.prevHash, entry)) !== entry.hash)
      return `entry ${seq} does not match its hash: it was altered`;
    const path = Array.isArray(e.proof) ? e.proof.map((p) => base64Decode(String(p))) : null;
    const leaf = /^[0-9a-f]{64}$/.test(entry.hash)
      ? Uint8Array.from(entry.hash.match(/../g) ?? [], (h) => parseInt(h, 16))
      : null;
    if (!path || path.some((p) => p === null || p.length !== 32) || !leaf) return `entry ${seq} has no proof`;
    if (!(await verifyInclusionProof(seq - 1, size, await leafHash(leaf), path as Uint8Array[], root)))
      return `entry ${seq} is not in the checkpoint's tree`;
    last = entry.after;
  }
  let record: string | null;
  try {
    record = incident.record === null ? null : canonicalJson(incident.record as Json);
  } catch {
    return 'its record is not plain JSON';
  }
  if (record !== last) return 'its record differs from what its last audit entry records';
  return null;
}
