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
        const problem = password === null ? null : passwordProblem(password);
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
}
