import { audited, type ChangeContext, type RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { conflict, notFound } from '../platform/errors.js';
import { isUniqueViolation } from '../platform/db/dialect.js';
import { parseInput } from '../platform/parse.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { liaisonParty } from './parties.js';
import { UserInput } from './schemas.js';
import type { Role } from './taxonomy.js';

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly role: Role;
  readonly party: string | null;
}

/**
 * Creates an account. A liaison is bound to one party, given as a known party code of the
 * theatre ("KE", "DPR"); a party for any other role is refused.
 *
 * @example await addUser(db, { actor: 'system:user-add' }, { username: 'lena', role: 'liaison', party: 'KE' })
 */
export async function addUser(
  db: Db,
  context: ChangeContext,
  input: unknown,
  theatre: Theatre = activeTheatre(),
): Promise<User> {
  const user = parseInput(UserInput, input, 'user');
  if (user.role === 'liaison' && !user.party)
    throw conflict('a liaison must be bound to one party (--party)', { field: 'party' });
  const parsed = {
    ...user,
    party: user.party === null ? null : liaisonParty(theatre, user.role, user.party),
  };
  try {
    const row = await audited(db, context, (w) =>
      w.insert('users', {
        username: parsed.username,
        display_name: parsed.displayName,
        role: parsed.role,
        party: parsed.party,
        disabled: 0,
        created_at: w.at,
      }),
    );
    return presentUser(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`user ${parsed.username} already exists`, { field: 'username' });
    throw error;
  }
}

export async function findUser(db: Db, username: string): Promise<User> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (!row) throw notFound('user', username);
  return presentUser(row);
}

/**
 * A user by name whether or not the account is disabled (for admins' account changes).
 *
 * @example const account = await findAccount(db, 'amira') // { ..., disabled: false }
 */
export async function findAccount(db: Db, username: string): Promise<User & { disabled: boolean }> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) throw notFound('user', username);
  return { ...presentUser(row), disabled: Number(row.disabled) === 1 };
}

/**
 * Stores a new password hash (the chain keeps only its digest).
 *
 * @example await writePasswordHash(w, user.id, await hashPassword(password))
 */
export async function writePasswordHash(w: RecordWriter, userId: number, hash: string): Promise<void> {
  await w.update('users', userId, { password_hash: hash }, { action: 'password' });
}

/**
 * Disables or re-enables an account.
 *
 * @example await writeDisabled(w, user.id, true)
 */
export async function writeDisabled(w: RecordWriter, userId: number, disabled: boolean): Promise<void> {
  await w.update(
    'users',
    userId,
    { disabled: disabled ? 1 : 0 },
    { action: disabled ? 'disable' : 'enable' },
  );
}

const presentUser = (row: {
  id: number;
  username: string;
  display_name: string | null;
  role: string;
  party: string | null;
}): User => ({
  id: Number(row.id),
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  party: row.party,
});

/**
 * Sets an account's role and the party it answers for (null for every role but liaison).
 *
 * @example await writeRole(w, user.id, { role: 'liaison', party: 'KE' })
 */
export async function writeRole(
  w: RecordWriter,
  userId: number,
  change: { role: Role; party: string | null },
): Promise<void> {
  await w.update('users', userId, { role: change.role, party: change.party }, { action: 'role' });
}

/**
 * How many enabled admins there are besides `exceptId` (read inside the writer's transaction,
 * which holds the audit head's lock, so two admins demoting each other cannot both pass).
 *
 * @example if ((await otherEnabledAdmins(w, me.id)) === 0) throw conflict('the last admin…')
 */
export async function otherEnabledAdmins(w: RecordWriter, exceptId: number): Promise<number> {
  const row = await w.trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
