import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password hashing with scrypt, a memory-hard function built into Node (16 MiB per hash with
 * N=2^14, r=8). Stored as `scrypt$N$r$p$salt$hash`, so the cost can rise later without breaking
 * existing hashes.
 *
 * @example const stored = await hashPassword('correct horse'); await verifyPassword('correct horse', stored) // true
 */
const N = 2 ** 14;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 256 * n * r * 2 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await derive(password, randomBytes(16), N, R, P); // same cost whether or not the user exists
    return false;
  }
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  const key = await derive(password, Buffer.from(parts[4] ?? '', 'base64url'), n, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let common: ReadonlySet<string> | null = null;

/** The 49,000 most common passwords of the zxcvbn-ts list, lower-cased; built on first use. */
const commonPasswords = (): ReadonlySet<string> =>
  (common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase())));

/**
 * The rules every new password meets; returns the broken rule or null. Beyond length: not one of
 * the most common passwords, not a short pattern repeated (`aaaaaaaaaa`, `abcabcabcabc`), and
 * not the user name repeated or with digits and signs added (`rosalind2024!`); a name that is
 * only part of a phrase (`mon` in `monitor passphrase`) is fine.
 *
 * @example passwordProblem('password123', 'amira') // 'is one of the most common passwords'
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  const lower = password.normalize('NFKC').toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords';
  if (/^(.{1,4})\1+$/su.test(lower)) return 'must not be a short pattern repeated';
  if (isBuiltOnName(lower, username?.trim().toLowerCase() ?? ''))
    return 'must not be the user name with a few characters added';
  return null;
}

/** The name, with fewer than four letters besides it (`amira2024!`, `amiraamira`). */
function isBuiltOnName(password: string, name: string): boolean {
  if (name.length < 3 || !password.includes(name)) return false;
  const rest = password.split(name).join('');
  return rest.replace(/[^\p{L}]/gu, '').length < 4;
}
