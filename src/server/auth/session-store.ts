import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/dialect.js';
import type { User } from '../../record/user-store.js';
import type { Role } from '../../record/taxonomy.js';

/** Session and API-token secrets are random; only their SHA-256 is stored. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const SESSION_HOURS = 12;

export interface Session {
  readonly user: User;
  readonly csrfToken: string;
}

export async function createSession(
  db: Db,
  userId: number,
  now: Date,
): Promise<{ secret: string; csrfToken: string }> {
  const secret = newSecret();
  const csrfToken = newSecret();
  // Expired sessions go as new ones come, so the table holds only live ones.
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({
      id_hash: secretHash(secret),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return { secret, csrfToken };
}

export async function endSession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', secretHash(secret)).execute();
}

const userColumns = ['u.id', 'u.username', 'u.display_name', 'u.role', 'u.party'] as const;

const toUser = (r: {
  id: number;
  username: string;
  display_name: string | null;
  role: string;
  party: string | null;
}): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  party: r.party,
});

export async function findSession(db: Db, secret: string, now: Date): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([...userColumns, 's.csrf_token', 's.expires_at'])
    .where('s.id_hash', '=', secretHash(secret))
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { user: toUser(row), csrfToken: row.csrf_token };
}

export async function createApiToken(db: Db, userId: number, name: string, now: Date): Promise<string> {
  const secret = `truce_${newSecret()}`;
  await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: secretHash(secret), created_at: now.toISOString() })
    .execute();
  return secret;
}

export async function findTokenUser(db: Db, secret: string): Promise<User | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(userColumns)
    .where('t.token_hash', '=', secretHash(secret))
    .where('t.revoked_at', 'is', null)
    .where('u.disabled', '=', 0)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}
