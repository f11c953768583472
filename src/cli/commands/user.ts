import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { withRuntime } from '../context.js';
import { systemActor } from '../../audit/actor.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('accounts');
  user
    .command('add')
    .description('create an account (the first one should be an admin)')
    .argument('<username>')
    .requiredOption('--role <role>', 'admin, analyst, monitor or liaison')
    .option('--party <party>', 'the party a liaison answers for')
    .option('--name <display>', 'display name')
    .option('--password-stdin', 'read the password from standard input (never pass it as an argument)')
    .action(
      async (
        username: string,
        o: { role: string; party?: string; name?: string; passwordStdin?: boolean },
        command: Command,
      ) => {
        const password = o.passwordStdin ? await readStdin() : null;
        const { passwordProblem } = await import('../../server/auth/password.js');
        const problem = password === null ? null : passwordProblem(password, username);
        if (problem) throw invalid('password', problem);
        const { addUser } = await import('../../record/user-store.js');
        const { setPassword } = await import('../../server/auth.routes.js');
        const created = await withRuntime(command, async (rt) => {
          const added = await addUser(
            rt.db,
            { actor: systemActor('user-add'), reason: 'account created' },
            { username, role: o.role, party: o.party ?? null, displayName: o.name ?? null },
          );
          if (password !== null) await setPassword(rt, added.id, password, systemActor('user-add'));
          return added;
        });
        process.stdout.write(
          `user ${created.username} (${created.role}${created.party ? `, ${created.party}` : ''}) created${password === null ? ' without a password (API tokens only)' : ''}\n`,
        );
      },
    );
  registerAccountChanges(user);
}

const CLI_ACTOR = (verb: string) => ({ actor: `cli:user-${verb}` });

/** Ending access: disable, enable, password, sign-out, token, revoke-token (each audited). */
function registerAccountChanges(user: Command): void {
  user
    .command('disable')
    .description('disable an account: it cannot sign in, its sessions end and its tokens are revoked')
    .argument('<username>')
    .action(async (username: string, _o: unknown, command: Command) => {
      const { disableAccount } = await import('../../server/auth/account.js');
      const outcome = await withRuntime(command, (rt) =>
        disableAccount(rt.db, CLI_ACTOR('disable'), username),
      );
      process.stdout.write(
        `user ${username} disabled: ${outcome.sessionsEnded} sessions ended, ${outcome.tokensRevoked} tokens revoked\n`,
      );
    });
  user
    .command('enable')
    .description('enable a disabled account (its old sessions and tokens stay ended)')
    .argument('<username>')
    .action(async (username: string, _o: unknown, command: Command) => {
      const { enableAccount } = await import('../../server/auth/account.js');
      await withRuntime(command, (rt) => enableAccount(rt.db, CLI_ACTOR('enable'), username));
      process.stdout.write(`user ${username} enabled\n`);
    });
  user
    .command('password')
    .description("set an account's password from standard input; ends the account's sessions")
    .argument('<username>')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (username: string, _o: unknown, command: Command) => {
      const password = await readStdin();
      const { setAccountPassword } = await import('../../server/auth/account.js');
      const { findAccount } = await import('../../record/user-store.js');
      const outcome = await withRuntime(command, async (rt) =>
        setAccountPassword(rt.db, CLI_ACTOR('password'), {
          user: await findAccount(rt.db, username),
          password,
        }),
      );
      process.stdout.write(`password of ${username} set; ${outcome.sessionsEnded} sessions ended\n`);
    });
  user
    .command('sign-out')
    .description('end every session of an account (sign out everywhere)')
    .argument('<username>')
    .action(async (username: string, _o: unknown, command: Command) => {
      const { signOutEverywhere } = await import('../../server/auth/account.js');
      const { findAccount } = await import('../../record/user-store.js');
      const ended = await withRuntime(command, async (rt) =>
        signOutEverywhere(rt.db, CLI_ACTOR('sign-out'), (await findAccount(rt.db, username)).id),
      );
      process.stdout.write(`${ended} sessions of ${username} ended\n`);
    });
  user
    .command('token')
    .description('create an API token for an account (printed once)')
    .argument('<username>')
    .option('--name <name>', 'what the token is for', 'script')
    .option('--scope <scope>', 'extra right: tokens (may mint tokens)', collect, [])
    .action(async (username: string, o: { name: string; scope: string[] }, command: Command) => {
      const { TOKEN_SCOPES, createApiToken } = await import('../../server/auth/session-store.js');
      const scopes = TOKEN_SCOPES.filter((s) => o.scope.includes(s));
      const unknown = o.scope.find((s) => !scopes.some((k) => k === s));
      if (unknown) throw invalid('--scope', `must be one of ${TOKEN_SCOPES.join(', ')}; got "${unknown}"`);
      const { findAccount } = await import('../../record/user-store.js');
      const secret = await withRuntime(command, async (rt) => {
        const account = await findAccount(rt.db, username);
        return createApiToken(rt.db, account.id, o.name.slice(0, 100), new Date(), {
          scopes,
          context: CLI_ACTOR('token'),
        });
      });
      process.stdout.write(`${secret}\n`);
    });
  user
    .command('revoke-token')
    .description('revoke an API token by its id')
    .argument('<id>')
    .action(async (id: string, _o: unknown, command: Command) => {
      const tokenId = Number(id);
      if (!Number.isSafeInteger(tokenId) || tokenId < 1) throw invalid('id', 'must be a positive integer');
      const { revokeToken } = await import('../../server/auth/account.js');
      // The CLI runs with the database's own rights, as an admin would.
      await withRuntime(command, (rt) =>
        revokeToken(rt.db, CLI_ACTOR('revoke-token'), { tokenId, by: { id: 0, role: 'admin' } }),
      );
      process.stdout.write(`token ${tokenId} revoked\n`);
    });
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
