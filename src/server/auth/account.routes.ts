import { z } from 'zod';
import { TruceError, invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/parse.js';
import type { Runtime } from '../../platform/runtime.js';
import { addUser } from '../../record/user-store.js';
import { json, jsonBody, SIGNED_IN, type AppContext, type RouteSpec } from '../route.js';
import {
  AccountDisabled,
  AccountSchema,
  TokenCreated,
  TokenPage,
  UserRowPage,
  UserSchema,
} from '../schemas/accounts.js';
import { Ok } from '../schemas/common.js';
import { AccountRole } from '../../vocabulary/index.js';
import {
  changeRole,
  checkMint,
  disableAccount,
  enableAccount,
  revokeToken,
  setAccountPassword,
} from './account.js';
import { passwordProblem } from './password.js';
import { createApiToken, listApiTokens, TOKEN_SCOPES } from './session-store.js';

const NewUser = z.object({
  username: z.string(),
  role: AccountRole,
  party: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  password: z.string(),
});
const RoleChange = z.object({
  role: AccountRole,
  party: z
    .string()
    .max(100)
    .nullable()
    .optional()
    .meta({ description: "A liaison's party code; empty for every other role" }),
});
const NewToken = z.object({
  name: z.string().trim().max(100).optional(),
  scopes: z.array(z.enum(TOKEN_SCOPES)).max(TOKEN_SCOPES.length).default([]),
});
const TokenId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
const Username = z.string().min(1).max(100);
const UsernameParams = z.object({ username: Username });

const actorOf = (c: AppContext) => `user:${c.get('user')?.username ?? 'unknown'}`;

function signedIn(c: AppContext) {
  const user = c.get('user');
  if (!user) throw new TruceError('unauthenticated', 'sign in first');
  return user;
}

/** API tokens (mint, list, revoke) and accounts (admins: list, create, disable, enable). */
export function accountRoutes(runtime: Runtime, clock: () => Date): RouteSpec[] {
  const { db } = runtime;
  return [
    {
      method: 'POST',
      path: '/api/auth/tokens',
      operationId: 'createToken',
      summary: 'Create an API token for scripts (shown once); a token needs the tokens scope to mint one',
      allow: SIGNED_IN,
      body: NewToken,
      responses: { 201: json('The new token, its secret shown this once', TokenCreated) },
      handler: async (c) => {
        const input = parseInput(NewToken, await jsonBody(c), 'body');
        const user = signedIn(c);
        checkMint({ via: c.get('via'), scopes: c.get('scopes') }, input.scopes);
        const name = input.name || 'script';
        const token = await createApiToken(db, user.id, name, clock(), {
          scopes: input.scopes,
          context: { actor: actorOf(c) },
        });
        return c.json({ token, name, scopes: input.scopes }, 201);
      },
    },
    {
      method: 'GET',
      path: '/api/auth/tokens',
      operationId: 'listTokens',
      summary: "The caller's API tokens (never their secrets)",
      allow: SIGNED_IN,
      responses: { 200: json("The caller's tokens", TokenPage) },
      handler: async (c) => {
        const items = await listApiTokens(db, signedIn(c).id);
        return c.json({ items, total: items.length, limit: items.length, offset: 0 });
      },
    },
    {
      method: 'DELETE',
      path: '/api/auth/tokens/:id',
      operationId: 'revokeToken',
      params: z.object({ id: TokenId }),
      responses: { 200: json('Revoked', Ok) },
      summary: 'Revoke an API token (its owner, or an admin)',
      allow: SIGNED_IN,
      handler: async (c) => {
        const tokenId = parseInput(TokenId, c.req.param('id'), 'id');
        await revokeToken(db, { actor: actorOf(c), clock }, { tokenId, by: signedIn(c) });
        return c.json({ ok: true });
      },
    },
    {
      method: 'GET',
      path: '/api/users',
      operationId: 'listUsers',
      summary: 'Accounts (admins)',
      responses: { 200: json('Every account', UserRowPage) },
      allow: ['admin'],
      handler: async (c) => {
        const rows = await db
          .selectFrom('users')
          .select(['id', 'username', 'display_name', 'role', 'party', 'disabled', 'created_at'])
          .orderBy('id')
          .execute();
        return c.json({ items: rows, total: rows.length, limit: rows.length, offset: 0 });
      },
    },
    {
      method: 'POST',
      path: '/api/users',
      operationId: 'createUser',
      summary: 'Create an account (admins)',
      responses: { 201: json('The new account', UserSchema) },
      errors: [409],
      allow: ['admin'],
      body: NewUser,
      handler: async (c) => {
        const input = parseInput(NewUser, await jsonBody(c), 'body');
        const problem = passwordProblem(input.password, input.username);
        if (problem) throw invalid('password', problem);
        const actor = actorOf(c);
        const user = await addUser(
          db,
          { actor, reason: 'account created' },
          { ...input, password: undefined },
        );
        await setAccountPassword(db, { actor, clock }, { user, password: input.password });
        return c.json(user, 201);
      },
    },
    {
      method: 'POST',
      path: '/api/users/:username/disable',
      operationId: 'disableUser',
      params: UsernameParams,
      responses: { 200: json('Disabled: sessions ended, tokens revoked', AccountDisabled) },
      summary:
        'Disable an account: it cannot sign in, its sessions end and its tokens are revoked (admins; never the last enabled admin)',
      errors: [409],
      allow: ['admin'],
      handler: async (c) => {
        const username = parseInput(Username, c.req.param('username'), 'username');
        return c.json({ ok: true, ...(await disableAccount(db, { actor: actorOf(c), clock }, username)) });
      },
    },
    {
      method: 'POST',
      path: '/api/users/:username/role',
      operationId: 'changeUserRole',
      params: UsernameParams,
      body: RoleChange,
      responses: { 200: json('The account with its new role', AccountSchema) },
      errors: [409],
      summary:
        "Change an account's role and a liaison's party (admins; audited; the last enabled admin cannot be demoted)",
      allow: ['admin'],
      handler: async (c) => {
        const username = parseInput(Username, c.req.param('username'), 'username');
        const input = parseInput(RoleChange, await jsonBody(c), 'body');
        return c.json(await changeRole(db, { actor: actorOf(c), clock }, { username, ...input }));
      },
    },
    {
      method: 'POST',
      path: '/api/users/:username/enable',
      operationId: 'enableUser',
      params: UsernameParams,
      responses: { 200: json('Enabled', Ok) },
      summary: 'Enable a disabled account again (admins)',
      allow: ['admin'],
      handler: async (c) => {
        const username = parseInput(Username, c.req.param('username'), 'username');
        await enableAccount(db, { actor: actorOf(c), clock }, username);
        return c.json({ ok: true });
      },
    },
  ];
}
