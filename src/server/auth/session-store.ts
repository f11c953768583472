import { createHash, randomBytes } from 'node:crypto';
import { audited, type ChangeContext, type RecordWriter } from '../../audit/audit-store.js';
import type { Db } from '../../platform/db/dialect.js';
import type { User } from '../../record/user-store.js';
import type { Role } from '../../record/taxonomy.js';

/** Session and API-token secrets are random; only their SHA-256 is stored. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const SESSION_HOURS = 12;

import { TOKEN_SCOPES, type TokenScope } from './token-scopes.js';

export { TOKEN_SCOPES, type TokenScope } from './token-scopes.js';

export interface Session {
  readonly id: number;
  readonly user: User;
  readonly csrfToken: string;
}

export interface TokenCaller {
  readonly id: number;
  readonly user: User;
  readonly scopes: readonly TokenScope[];
}

export interface TokenSummary {
  readonly id: number;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

// Sessions and tokens are credentials: every row is written through the audit chain, so one
// inserted behind the application's back fails `truce audit verify`.

/**
 * Writes a new session (and sweeps expired ones) inside an audited transaction.
 *
 * @example await audited(db, ctx, (w) => insertSession(w, user.id, new Date()))
 */
export async function insertSession(
  w: RecordWriter,
  userId: number,
  now: Date,
): Promise<{ secret: string; csrfToken: string }> {
  const expired = await w.trx
    .selectFrom('sessions')
    .select('id')
    .where('expires_at', '<=', now.toISOString())
    .limit(100)
    .execute();
  for (const row of expired) await w.remove('sessions', Number(row.id), { reason: 'session expired' });
  const secret = newSecret();
  const csrfToken = newSecret();
  await w.insert('sessions', {
    id_hash: secretHash(secret),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  });
  return { secret, csrfToken };
}

/**
 * Opens a session for a user who has proven who they are.
 *
 * @example const { secret, csrfToken } = await createSession(db, user.id, new Date())
 */
export async function createSession(
  db: Db,
  userId: number,
  now: Date,
  context: ChangeContext = { actor: `user#${userId}` },
): Promise<{ secret: string; csrfToken: string }> {
  return audited(db, { reason: 'signed in', ...context, clock: () => now }, (w) =>
    insertSession(w, userId, now),
  );
}

/**
 * Ends the session whose cookie holds `secret` (nothing when it is unknown).
 *
 * @example await endSession(db, cookieSecret)
 */
export async function endSession(db: Db, secret: string, context?: ChangeContext): Promise<void> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'user_id'])
    .where('id_hash', '=', secretHash(secret))
    .executeTakeFirst();
  if (!row) return;
  await audited(db, context ?? { actor: `user#${row.user_id}`, reason: 'signed out' }, (w) =>
    w.remove('sessions', Number(row.id)),
  );
}

/**
 * Removes every session of a user; returns how many ended.
 *
 * @example const ended = await removeSessionsOf(w, user.id)
 */
export async function removeSessionsOf(w: RecordWriter, userId: number): Promise<number> {
  const rows = await w.trx.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
  for (const row of rows) await w.remove('sessions', Number(row.id));
  return rows.length;
}

/**
 * Marks every live token of a user revoked; returns how many.
 *
 * @example const revoked = await revokeTokensOf(w, user.id)
 */
export async function revokeTokensOf(w: RecordWriter, userId: number): Promise<number> {
  const rows = await w.trx
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  for (const row of rows)
    await w.update('api_tokens', Number(row.id), { revoked_at: w.at }, { action: 'revoke' });
  return rows.length;
}

/**
 * Mints an API token (the secret is returned once; only its hash is kept).
 *
 * @example const secret = await createApiToken(db, user.id, 'nightly export', new Date(), { scopes: [] })
 */
export async function createApiToken(
  db: Db,
  userId: number,
  name: string,
  now: Date,
  options: { scopes?: readonly TokenScope[]; context?: ChangeContext } = {},
): Promise<string> {
  const secret = `truce_${newSecret()}`;
  const context = options.context ?? { actor: `user#${userId}` };
  await audited(db, { reason: 'token created', ...context, clock: () => now }, (w) =>
    w.insert('api_tokens', {
      user_id: userId,
      name,
      token_hash: secretHash(secret),
      scopes: (options.scopes ?? []).join(' '),
      created_at: now.toISOString(),
    }),
  );
  return secret;
}

/**
 * The tokens of one user, newest first, without their secrets.
 *
 * @example const tokens = await listApiTokens(db, user.id)
 */
export async function listApiTokens(db: Db, userId: number): Promise<TokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'created_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    scopes: parseScopes(r.scopes),
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * The token row (owner and state), or null.
 *
 * @example const token = await findToken(db, 7) // { userId: 3, revokedAt: null }
 */
export async function findToken(
  db: Db,
  id: number,
): Promise<{ userId: number; revokedAt: string | null } | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['user_id', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { userId: Number(row.user_id), revokedAt: row.revoked_at } : null;
}

const userColumns = ['u.id', 'u.username', 'u.display_name', 'u.role', 'u.party'] as const;

const toUser = (r: {
  id: number;
  username: string;
  display_name: string | null;
  role: string;
  party: string | null;
}): User => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  party: r.party,
});

const parseScopes = (text: string): TokenScope[] =>
  TOKEN_SCOPES.filter((scope) => text.split(' ').includes(scope));

/**
 * The live session behind a cookie secret, or null (unknown, expired, or the account disabled).
 *
 * @example const session = await findSession(db, secret, new Date())
 */
export async function findSession(db: Db, secret: string, now: Date): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([...userColumns, 's.id as session_id', 's.csrf_token', 's.expires_at'])
    .where('s.id_hash', '=', secretHash(secret))
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { id: Number(row.session_id), user: toUser(row), csrfToken: row.csrf_token };
}

/**
 * The caller behind a bearer token, or null (unknown, revoked, or the account disabled).
 *
 * @example const caller = await findTokenUser(db, 'truce_…') // { id, user, scopes }
 */
export async function findTokenUser(db: Db, secret: string): Promise<TokenCaller | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([...userColumns, 't.id as token_id', 't.scopes'])
    .where('t.token_hash', '=', secretHash(secret))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  return row ? { id: Number(row.token_id), user: toUser(row), scopes: parseScopes(row.scopes) } : null;
}
