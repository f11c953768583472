import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP formats, as pure functions over node:crypto:
 * - tlog-checkpoint: the body `origin\nsize\nbase64(root)\n`;
 * - signed-note: the body, a blank line, then `— name base64(keyid ‖ signature)` lines, the key id
 *   being the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ pubkey), type 0x01 for Ed25519;
 *   verifier keys written `name+hex(keyid)+base64(type ‖ pubkey)`;
 * - tlog-cosignature/v1: a witness's Ed25519 signature over
 *   `cosignature/v1\ntime <unix>\n` + body, key type 0x04, the line carrying keyid ‖ u64 time ‖ sig.
 */
export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;
const DASH = '\u2014 ';
const MAX_NOTE = 1_000_000;
const MAX_LINES = 100;

/** True when the text holds a C0 control character (a line break in a name would forge a line). */
const hasControl = (text: string): boolean => [...text].some((ch) => ch.charCodeAt(0) < 0x20);

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}

export function checkpointBody(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;
}

/** Parses a checkpoint body; extension lines after the root are kept out (and allowed). */
export function parseCheckpointBody(body: string): Checkpoint {
  const lines = body.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '')
    throw new Error('checkpoint: needs origin, size, root lines');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin === '' || hasControl(origin))
    throw new Error('checkpoint: the origin line is empty or has control characters');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText))
    throw new Error(`checkpoint: size "${sizeText.slice(0, 40)}" is not a decimal number`);
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText)
    throw new Error('checkpoint: the root hash is not 32 bytes of base64');
  return { origin, size: Number(sizeText), root };
}

const checkName = (name: string) => {
  if (name === '' || /[\s+]/.test(name) || hasControl(name))
    throw new Error(`key name "${name.slice(0, 40)}": must be non-empty, without spaces or +`);
};

export function keyId(name: string, type: number, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`, 'utf8'))
    .update(Buffer.from([type]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The raw 32 bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

export interface VerifierKey {
  readonly name: string;
  readonly type: number;
  readonly keyId: Buffer;
  readonly publicKey: Buffer;
}

export function encodeVerifierKey(name: string, type: number, publicKey: Buffer): string {
  checkName(name);
  return `${name}+${keyId(name, type, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;
}

export function parseVerifierKey(text: string): VerifierKey {
  // The base64 key may itself hold '+': split at the first two only.
  const m = /^([^+]+)\+([^+]+)\+(.+)$/.exec(text.trim());
  if (!m) throw new Error('verifier key: expected name+keyid+base64key');
  const [, name, hex, b64] = m as unknown as [string, string, string, string];
  checkName(name);
  const bytes = Buffer.from(b64, 'base64');
  if (!/^[0-9a-f]{8}$/.test(hex) || bytes.length !== 33)
    throw new Error('verifier key: bad key id or key length');
  const type = bytes[0] as number;
  const publicKey = bytes.subarray(1);
  const id = keyId(name, type, publicKey);
  if (id.toString('hex') !== hex) throw new Error('verifier key: the key id does not match the name and key');
  return { name, type, keyId: id, publicKey };
}

export interface NoteSignature {
  readonly name: string;
  readonly bytes: Buffer;
  readonly line: string;
}

/** Splits a signed note into its body (ending in a newline) and signature lines. */
export function parseNote(text: string): { body: string; signatures: NoteSignature[] } {
  if (text.length > MAX_NOTE) throw new Error('note: too long');
  const split = text.indexOf('\n\n');
  if (split < 0 || !text.endsWith('\n')) throw new Error('note: no blank line before the signatures');
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_LINES) throw new Error('note: too many signatures');
  const signatures = lines.map((line) => {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) throw new Error(`note: bad signature line "${line.slice(0, 60)}"`);
    const bytes = Buffer.from(m[2] as string, 'base64');
    if (bytes.length < 5) throw new Error('note: signature too short');
    return { name: m[1] as string, bytes, line };
  });
  return { body, signatures };
}

export function signatureLine(name: string, payload: Buffer): string {
  return `${DASH}${name} ${payload.toString('base64')}`;
}

/** Signs a note body with an Ed25519 key as `name`; returns the whole signed note. */
export function signNote(
  body: string,
  name: string,
  privateKey: KeyObject,
  extraLines: readonly string[] = [],
): string {
  checkName(name);
  const pub = rawPublicKey(createPublicKey(privateKey));
  const sig = sign(null, Buffer.from(body, 'utf8'), privateKey);
  const line = signatureLine(name, Buffer.concat([keyId(name, ED25519, pub), sig]));
  return `${body}\n${[line, ...extraLines].join('\n')}\n`;
}

/** True when `note` carries a valid signature by the verifier key (type 0x01). */
export function noteSignedBy(
  note: { body: string; signatures: readonly NoteSignature[] },
  key: VerifierKey,
): boolean {
  if (key.type !== ED25519) return false;
  const pub = publicKeyFromRaw(key.publicKey);
  return note.signatures.some(
    (s) =>
      s.name === key.name &&
      s.bytes.length === 68 &&
      s.bytes.subarray(0, 4).equals(key.keyId) &&
      verify(null, Buffer.from(note.body, 'utf8'), pub, s.bytes.subarray(4)),
  );
}

const cosignedMessage = (body: string, time: number) => `cosignature/v1\ntime ${time}\n${body}`;

/** A witness's tlog-cosignature/v1 line over a checkpoint body at `time` (unix seconds). */
export function cosign(body: string, name: string, privateKey: KeyObject, time: number): string {
  checkName(name);
  if (!Number.isSafeInteger(time) || time < 0) throw new Error('cosignature: time must be unix seconds');
  const pub = rawPublicKey(createPublicKey(privateKey));
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const sig = sign(null, Buffer.from(cosignedMessage(body, time), 'utf8'), privateKey);
  return signatureLine(name, Buffer.concat([keyId(name, COSIGNATURE_V1, pub), stamp, sig]));
}

/** The time of a valid cosignature by `key` on `body`, or null. */
export function cosignatureTime(body: string, signature: NoteSignature, key: VerifierKey): number | null {
  if (key.type !== COSIGNATURE_V1 || signature.name !== key.name || signature.bytes.length !== 76)
    return null;
  if (!signature.bytes.subarray(0, 4).equals(key.keyId)) return null;
  const time = Number(signature.bytes.readBigUInt64BE(4));
  const ok = verify(
    null,
    Buffer.from(cosignedMessage(body, time), 'utf8'),
    publicKeyFromRaw(key.publicKey),
    signature.bytes.subarray(12),
  );
  return ok ? time : null;
}

/** Parses one signature line (as a witness posts it). */
export function parseSignatureLine(line: string): NoteSignature {
  return parseNote(`x\n\n${line.trim()}\n`).signatures[0] as NoteSignature;
}

export const loadPrivateKey = (pem: string): KeyObject => {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('the key file does not hold an Ed25519 private key');
  return key;
};
