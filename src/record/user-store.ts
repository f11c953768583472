import { audited, type ChangeContext } from '../audit/audit-store.js';
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

const presentUser = (row: {
  id: number;
  username: string;
  display_name: string | null;
  role: string;
  party: string | null;
}): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  party: row.party,
});
