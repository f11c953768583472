import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { invalid } from '../platform/errors.js';
import { ED25519, encodeVerifierKey, loadPrivateKey, rawPublicKey } from './note.js';

/**
 * Where the center's signing key lives and what it signs as. The private key is a PEM file only
 * the server user can read (mode 0600); it is never stored in the database nor written to logs.
 */
export interface AuditKeySettings {
  readonly keyFile: string;
  /** The log's origin line, also the signer name (C2SP: a schema-less URL naming the log). */
  readonly origin: string;
}

export const DEFAULT_KEY_FILE = './data/audit-key.pem';
export const DEFAULT_ORIGIN = 'truce.local/audit';

export function auditKeySettings(
  env: NodeJS.ProcessEnv,
  overrides: { keyFile?: string; origin?: string } = {},
): AuditKeySettings {
  const origin = overrides.origin ?? env.TRUCE_AUDIT_ORIGIN ?? DEFAULT_ORIGIN;
  if (!/^[^\s+]{1,200}$/.test(origin))
    throw invalid('TRUCE_AUDIT_ORIGIN', 'must be a name without spaces or +, at most 200 characters');
  return { keyFile: overrides.keyFile ?? env.TRUCE_AUDIT_KEY_FILE ?? DEFAULT_KEY_FILE, origin };
}

export interface Signer {
  readonly name: string;
  readonly key: KeyObject;
  readonly vkey: string;
}

export const signerOf = (name: string, key: KeyObject): Signer => ({
  name,
  key,
  vkey: encodeVerifierKey(name, ED25519, rawPublicKey(createPublicKey(key))),
});

function writeKey(file: string, key: KeyObject): void {
  mkdirSync(dirname(file), { recursive: true });
  const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/** Creates the key file (refusing to overwrite one); returns the signer. */
export function initKey(settings: AuditKeySettings): Signer {
  if (existsSync(settings.keyFile))
    throw invalid('key file', `${settings.keyFile} already exists; use truce keys rotate`);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeKey(settings.keyFile, privateKey);
  return signerOf(settings.origin, privateKey);
}

/** Reads the key file, refusing one that others can read. */
export function loadSigner(settings: AuditKeySettings): Signer {
  if (!existsSync(settings.keyFile))
    throw invalid('key file', `${settings.keyFile} does not exist; run truce keys init`);
  if ((statSync(settings.keyFile).mode & 0o077) !== 0)
    throw invalid('key file', `${settings.keyFile} is readable by others; chmod 600 it`);
  return signerOf(settings.origin, loadPrivateKey(readFileSync(settings.keyFile, 'utf8')));
}

/** The signer when the key file exists (checked as loadSigner does), null when there is none. */
export function loadSignerIfPresent(settings: AuditKeySettings): Signer | null {
  return existsSync(settings.keyFile) ? loadSigner(settings) : null;
}

/** Moves the old key aside (kept, mode 0600) and writes a new one; returns both signers. */
export function rotateKey(settings: AuditKeySettings, stamp: string): { old: Signer; next: Signer } {
  const old = loadSigner(settings);
  const { privateKey } = generateKeyPairSync('ed25519');
  const retired = `${settings.keyFile}.retired-${stamp.replace(/[^0-9A-Za-z]/g, '')}`;
  renameSync(settings.keyFile, retired);
  writeKey(settings.keyFile, privateKey);
  return { old, next: signerOf(settings.origin, privateKey) };
}
