import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointBody,
  cosign,
  cosignatureTime,
  encodeVerifierKey,
  noteSignedBy,
  parseCheckpointBody,
  parseNote,
  parseSignatureLine,
  parseVerifierKey,
  rawPublicKey,
  signNote,
  COSIGNATURE_V1,
  ED25519,
} from './note.js';

// ---- An independent reader of the C2SP formats, from the spec text only (node:crypto). ----
/** signed-note: key id = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]; verifier key name+hex(id)+base64(0x01 ‖ key). */
function specVerifyNote(note: string, vkey: string): string | null {
  const [name, idHex, keyB64] = [
    vkey.slice(0, vkey.indexOf('+')),
    vkey.split('+')[1] as string,
    vkey.split('+').slice(2).join('+'),
  ];
  const key = Buffer.from(keyB64, 'base64');
  if (key[0] !== 0x01 || key.length !== 33) return null;
  const id = createHash('sha256').update(`${name}\n`).update(key).digest().subarray(0, 4);
  if (id.toString('hex') !== idHex) return null;
  const end = note.lastIndexOf('\n\n');
  const text = note.slice(0, end + 1);
  const pub = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  for (const line of note.slice(end + 2).split('\n')) {
    if (!line.startsWith(`\u2014 ${name} `)) continue;
    const sig = Buffer.from(line.slice(`\u2014 ${name} `.length), 'base64');
    if (sig.subarray(0, 4).equals(id) && verify(null, Buffer.from(text), pub, sig.subarray(4))) return text;
  }
  return null;
}
/** tlog-cosignature/v1: Ed25519 over "cosignature/v1\ntime <t>\n" ‖ body; line = id(4) ‖ u64 t ‖ sig(64); key type 0x04. */
function specVerifyCosignature(body: string, line: string, name: string, pub: Buffer): number | null {
  const sig = Buffer.from(line.slice(`\u2014 ${name} `.length), 'base64');
  const id = createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([0x04]))
    .update(pub)
    .digest()
    .subarray(0, 4);
  if (sig.length !== 76 || !sig.subarray(0, 4).equals(id)) return null;
  const time = Number(sig.readBigUInt64BE(4));
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') },
    format: 'jwk',
  });
  return verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${body}`), key, sig.subarray(12))
    ? time
    : null;
}

const root = createHash('sha256').update('some tree').digest();

describe('C2SP checkpoint, signed note and cosignature', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const body = checkpointBody({ origin: 'truce.example/audit', size: 1234, root });

  it('writes the checkpoint body as origin, decimal size and base64 root lines', () => {
    expect(body).toBe(`truce.example/audit\n1234\n${root.toString('base64')}\n`);
    expect(parseCheckpointBody(body)).toEqual({ origin: 'truce.example/audit', size: 1234, root });
    expect(() => parseCheckpointBody('o\n01\nxx\n')).toThrow(/size/);
  });

  it('signs a note an independent reader of the spec verifies, and names the key like the spec', () => {
    const note = signNote(body, 'truce.example/audit', privateKey);
    const vkey = encodeVerifierKey('truce.example/audit', ED25519, rawPublicKey(createPublicKey(privateKey)));
    expect(specVerifyNote(note, vkey)).toBe(body);
    expect(noteSignedBy(parseNote(note), parseVerifierKey(vkey))).toBe(true);
    const tampered = note.replace('1234', '1233');
    expect(specVerifyNote(tampered, vkey)).toBeNull();
    expect(noteSignedBy(parseNote(tampered), parseVerifierKey(vkey))).toBe(false);
  });

  it('cosigns as tlog-cosignature/v1, which the independent reader verifies with its timestamp', () => {
    const witness = generateKeyPairSync('ed25519').privateKey;
    const pub = rawPublicKey(createPublicKey(witness));
    const line = cosign(body, 'witness.example/w1', witness, 1_700_000_000);
    expect(specVerifyCosignature(body, line, 'witness.example/w1', pub)).toBe(1_700_000_000);
    const key = parseVerifierKey(encodeVerifierKey('witness.example/w1', COSIGNATURE_V1, pub));
    expect(cosignatureTime(body, parseSignatureLine(line), key)).toBe(1_700_000_000);
    expect(cosignatureTime(body.replace('1234', '1235'), parseSignatureLine(line), key)).toBeNull();
  });

  it('refuses a verifier key whose id does not match its name and key', () => {
    const vkey = encodeVerifierKey('a.example', ED25519, rawPublicKey(createPublicKey(privateKey)));
    expect(() => parseVerifierKey(vkey.replace(/^a\.example/, 'b.example'))).toThrow(/key id/);
  });
});
