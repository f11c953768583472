import type { Command } from 'commander';
import { withRuntime } from '../context.js';

interface KeyOptions {
  keyFile?: string;
  origin?: string;
}

const keyOptions = (command: Command) =>
  command
    .option(
      '--key-file <path>',
      'the private key file (default: $TRUCE_AUDIT_KEY_FILE or ./data/audit-key.pem)',
    )
    .option(
      '--origin <name>',
      "the log's origin and signer name (default: $TRUCE_AUDIT_ORIGIN or truce.local/audit)",
    );

/** `truce keys`: the center's checkpoint-signing key. The private key never leaves its file. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description("the center's Ed25519 key that signs audit checkpoints");
  keyOptions(keys.command('init'))
    .description('create the key file (mode 0600) and print the verifier key to publish')
    .action(async (o: KeyOptions) => {
      const { auditKeySettings, initKey } = await import('../../audit/keys.js');
      const signer = initKey(auditKeySettings(process.env, o));
      process.stdout.write(`${signer.vkey}\n`);
    });
  keyOptions(keys.command('show'))
    .description('print the verifier key of the key file')
    .action(async (o: KeyOptions) => {
      const { auditKeySettings, loadSigner } = await import('../../audit/keys.js');
      process.stdout.write(`${loadSigner(auditKeySettings(process.env, o)).vkey}\n`);
    });
  keyOptions(keys.command('rotate'))
    .description(
      'replace the key: the old one is kept aside, and a checkpoint signed by both announces the new one',
    )
    .action(async (o: KeyOptions, command: Command) => {
      const [{ auditKeySettings, rotateKey }, { signCheckpoint }] = await Promise.all([
        import('../../audit/keys.js'),
        import('../../audit/checkpoint-store.js'),
      ]);
      const settings = auditKeySettings(process.env, o);
      const stamp = new Date().toISOString();
      await withRuntime(command, async (runtime) => {
        const { old, next } = rotateKey(settings, stamp);
        const checkpoint = await signCheckpoint(runtime.db, old, () => new Date(), next);
        process.stdout.write(
          `new verifier key: ${next.vkey}\nannounced under ${old.vkey} in:\n${checkpoint.note}`,
        );
      });
    });
}
