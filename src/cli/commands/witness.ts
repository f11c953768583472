import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { withRuntime } from '../context.js';

interface RunOptions {
  center: string;
  logKey: string[];
  keyFile: string;
  name: string;
  state: string;
  every?: string;
}

/** `truce witness`: a party's (or the mission's) own check and cosignature of the center's log. */
export function registerWitness(program: Command): void {
  const witness = program
    .command('witness')
    .description("cosign the center's audit checkpoints after checking them");
  witness
    .command('keygen')
    .description(
      "create this witness's key file (mode 0600) and print its verifier key for the center's admin",
    )
    .requiredOption('--name <name>', "the witness's name, e.g. party-a.example/witness")
    .requiredOption('--key-file <path>', 'where to write the private key')
    .action(async (o: { name: string; keyFile: string }) => {
      const { initKey } = await import('../../audit/keys.js');
      const { COSIGNATURE_V1, encodeVerifierKey, rawPublicKey } = await import('../../audit/note.js');
      const { createPublicKey } = await import('node:crypto');
      const signer = initKey({ keyFile: o.keyFile, origin: o.name });
      process.stdout.write(
        `${encodeVerifierKey(o.name, COSIGNATURE_V1, rawPublicKey(createPublicKey(signer.key)))}\n`,
      );
    });
  witness
    .command('register')
    .description(
      "(center admin) accept a witness's cosignatures: its verifier key from `truce witness keygen`",
    )
    .argument('<vkey>')
    .action(async (vkey: string, _o: unknown, command: Command) => {
      const { registerWitness: register } = await import('../../audit/witness-store.js');
      const added = await withRuntime(command, (rt) =>
        register(rt.db, { vkey, addedBy: 'admin:cli', now: new Date() }),
      );
      process.stdout.write(`witness ${added.name} registered\n`);
    });
  witness
    .command('run')
    .description(
      'fetch the latest checkpoint, check it against the last one cosigned, cosign and post it; exit 3 and alert when inconsistent',
    )
    .requiredOption('--center <url>', "the center's base URL")
    .requiredOption('--log-key <vkey...>', "the center's verifier key(s)")
    .requiredOption('--key-file <path>', "this witness's private key file")
    .requiredOption('--name <name>', "this witness's name, as registered")
    .requiredOption('--state <path>', 'the state file: the last checkpoint cosigned')
    .option('--every <seconds>', 'repeat every so many seconds (default: once)')
    .action(async (o: RunOptions) => {
      const { runWitness } = await import('./witness-run.js');
      const every = o.every === undefined ? null : Number(o.every);
      if (every !== null && (!Number.isInteger(every) || every < 10 || every > 86_400))
        throw invalid('--every', 'must be whole seconds from 10 to 86400');
      process.exitCode = await runWitness(o, every);
    });
}
