import { audited, type ChangeContext } from '../../audit/audit-store.js';
import type { Db } from '../../platform/db/dialect.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { liaisonParty } from '../../record/parties.js';
import type { Role } from '../../record/taxonomy.js';
import {
  findAccount,
  otherEnabledAdmins,
  writeDisabled,
  writePasswordHash,
  writeRole,
  type User,
} from '../../record/user-store.js';
import { activeTheatre } from '../../theatre/active.js';
import type { Theatre } from '../../theatre/theatre.js';
import { hashPassword, passwordProblem } from './password.js';
import { findToken, removeSessionsOf, revokeTokensOf } from './session-store.js';

/**
 * What can be done to an account after it exists, each in one audited transaction: set or change
 * the password, disable (which ends every session and revokes every token at once), enable, sign
 * out everywhere, revoke one token.
 */

/**
 * Sets a user's password after checking the policy, and ends the user's sessions (all of them,
 * or all but `keepSession`, the one that asked for the change).
 *
 * @example await setAccountPassword(db, { actor: 'user:ana' }, { user, password: 'a new long phrase' })
 */
export async function setAccountPassword(
  db: Db,
  context: ChangeContext,
  input: { user: Pick<User, 'id' | 'username'>; password: string; keepSession?: number | null },
): Promise<{ sessionsEnded: number }> {
  const problem = passwordProblem(input.password, input.user.username);
  if (problem) throw invalid('password', problem);
  const hash = await hashPassword(input.password);
  return audited(db, { reason: 'password set', ...context }, async (w) => {
    await writePasswordHash(w, input.user.id, hash);
    const others = await w.trx
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', input.user.id)
      .where('id', '!=', input.keepSession ?? -1)
      .execute();
    for (const row of others) await w.remove('sessions', Number(row.id), { reason: 'password changed' });
    return { sessionsEnded: others.length };
  });
}

/**
 * Disables an account: it can no longer sign in, and its sessions and tokens end now.
 *
 * @example await disableAccount(db, { actor: 'user:ana' }, 'leaver') // { sessionsEnded: 1, tokensRevoked: 2 }
 */
export async function disableAccount(
  db: Db,
  context: ChangeContext,
  username: string,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const user = await findAccount(db, username);
  return audited(db, { reason: 'account disabled', ...context }, async (w) => {
    if (leavesNoAdmin(user, await otherEnabledAdmins(w, user.id)))
      throw conflict(lastAdminMessage(user.username, 'disabled'), { field: 'username' });
    await writeDisabled(w, user.id, true);
    return {
      sessionsEnded: await removeSessionsOf(w, user.id),
      tokensRevoked: await revokeTokensOf(w, user.id),
    };
  });
}

/**
 * Whether changing this account (demoting or disabling it) would leave the center without an
 * enabled admin, so nobody could manage accounts from the web app again.
 *
 * @example leavesNoAdmin({ role: 'admin', disabled: false }, 0) // true
 */
export function leavesNoAdmin(account: { role: Role; disabled: boolean }, otherAdmins: number): boolean {
  return account.role === 'admin' && !account.disabled && otherAdmins === 0;
}

const lastAdminMessage = (username: string, verb: 'disabled' | 'demoted') =>
  `${username} is the last enabled admin and cannot be ${verb}: make another account admin first`;

/**
 * The role and party an account asks to change to: a liaison must name a known party code of
 * the theatre; any other role answers for no party.
 *
 * @example roleChange(theatre, { role: 'liaison', party: 'ke' }) // { role: 'liaison', party: 'KE' }
 */
export function roleChange(
  theatre: Theatre,
  input: { role: Exclude<Role, 'public'>; party?: string | null | undefined },
): { role: Exclude<Role, 'public'>; party: string | null } {
  const party = input.party?.trim() || null;
  if (input.role !== 'liaison') {
    if (party !== null) throw invalid('party', 'only a liaison is bound to a party; leave it empty');
    return { role: input.role, party: null };
  }
  if (party === null) throw invalid('party', 'a liaison must be bound to one party');
  return { role: input.role, party: liaisonParty(theatre, input.role, party) };
}

/**
 * Changes an account's role (and a liaison's party), audited. Refused when it would demote the
 * last enabled admin. Sessions and tokens stay: each request reads the role afresh.
 *
 * @example await changeRole(db, { actor: 'user:ana' }, { username: 'lena', role: 'liaison', party: 'KE' })
 */
export async function changeRole(
  db: Db,
  context: ChangeContext,
  input: { username: string; role: Exclude<Role, 'public'>; party?: string | null | undefined },
  theatre: Theatre = activeTheatre(),
): Promise<User & { disabled: boolean }> {
  const next = roleChange(theatre, input);
  const account = await findAccount(db, input.username);
  if (account.role === next.role && account.party === next.party) return account;
  await audited(db, { reason: `role: ${account.role} -> ${next.role}`, ...context }, async (w) => {
    if (next.role !== 'admin' && leavesNoAdmin(account, await otherEnabledAdmins(w, account.id)))
      throw conflict(lastAdminMessage(account.username, 'demoted'), { field: 'role' });
    await writeRole(w, account.id, next);
  });
  return { ...account, ...next };
}

/**
 * Re-enables an account (its old sessions and tokens stay ended).
 *
 * @example await enableAccount(db, { actor: 'user:ana' }, 'returner')
 */
export async function enableAccount(db: Db, context: ChangeContext, username: string): Promise<void> {
  const user = await findAccount(db, username);
  await audited(db, { reason: 'account enabled', ...context }, (w) => writeDisabled(w, user.id, false));
}

/**
 * Ends every session of a user (tokens stay: revoke them one by one, or disable the account).
 *
 * @example const ended = await signOutEverywhere(db, { actor: 'user:ana' }, user.id)
 */
export async function signOutEverywhere(db: Db, context: ChangeContext, userId: number): Promise<number> {
  return audited(db, { reason: 'signed out everywhere', ...context }, (w) => removeSessionsOf(w, userId));
}

/**
 * Revokes one token: its owner may, and so may an admin; anyone else gets 404 as for an unknown id.
 *
 * @example await revokeToken(db, { actor: 'user:ana' }, { tokenId: 7, by: user })
 */
export async function revokeToken(
  db: Db,
  context: ChangeContext,
  input: { tokenId: number; by: Pick<User, 'id' | 'role'> },
): Promise<void> {
  const token = await findToken(db, input.tokenId);
  if (!token || (token.userId !== input.by.id && input.by.role !== 'admin'))
    throw notFound('token', input.tokenId);
  if (token.revokedAt !== null) return;
  await audited(db, { reason: 'token revoked', ...context }, (w) =>
    w.update('api_tokens', input.tokenId, { revoked_at: w.at }, { action: 'revoke' }),
  );
}

/**
 * A token may mint tokens only with the `tokens` scope, and never grant a scope it lacks.
 *
 * @example checkMint({ via: 'token', scopes: [] }, []) // throws forbidden
 */
export function checkMint(
  caller: { via: 'session' | 'token' | null; scopes: readonly string[] },
  asked: readonly string[],
): void {
  if (caller.via !== 'token') return;
  if (!caller.scopes.includes('tokens'))
    throw forbidden('this API token may not create tokens (it lacks the tokens scope)', { rule: 'scope' });
  const extra = asked.find((s) => !caller.scopes.includes(s));
  if (extra) throw forbidden(`a token may not grant the ${extra} scope it lacks`, { field: 'scopes' });
}
