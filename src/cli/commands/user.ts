import type { Command } from 'commander';
import { withRuntime } from '../context.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('accounts');
  user
    .command('add')
    .description('create an account (the first one should be an admin)')
    .argument('<username>')
    .requiredOption('--role <role>', 'admin, analyst, monitor or liaison')
    .option('--party <party>', 'the party a liaison answers for')
    .option('--name <display>', 'display name')
    .action(
      async (username: string, o: { role: string; party?: string; name?: string }, command: Command) => {
        const { addUser } = await import('../../record/user-store.js');
        const created = await withRuntime(command, (rt) =>
          addUser(
            rt.db,
            { actor: 'cli:user-add', reason: 'account created' },
            { username, role: o.role, party: o.party ?? null, displayName: o.name ?? null },
          ),
        );
        process.stdout.write(
          `user ${created.username} (${created.role}${created.party ? `, ${created.party}` : ''}) created\n`,
        );
      },
    );
}
