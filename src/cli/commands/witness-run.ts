import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { invalid } from '../../platform/errors.js';

/**
 * The witness loop: one round, or one every `every` seconds; returns the exit code (3: refused,
 * 1: the center did not accept the cosignature; the state file then stays as it was).
 */
export async function runWitness(
  o: { center: string; logKey: string[]; keyFile: string; name: string; state: string },
  every: number | null,
): Promise<number> {
  const [{ loadPrivateKey, parseVerifierKey }, { httpCenter, witnessOnce }] = await Promise.all([
    import('../../audit/note.js'),
    import('../../audit/witness.js'),
  ]);
  if ((statSync(o.keyFile).mode & 0o077) !== 0)
    throw invalid('--key-file', `${o.keyFile} is readable by others; chmod 600 it`);
  const me = { name: o.name, key: loadPrivateKey(readFileSync(o.keyFile, 'utf8')) };
  const logKeys = o.logKey.map((k) => {
    try {
      return parseVerifierKey(k);
    } catch (error) {
      throw invalid('--log-key', (error as Error).message);
    }
  });
  const center = httpCenter(o.center);
  for (let round = 0; ; round += 1) {
    const state = existsSync(o.state) ? JSON.parse(readFileSync(o.state, 'utf8')) : null;
    const outcome = await witnessOnce(center, logKeys, me, state, () => new Date());
    if (outcome.kind === 'refused') {
      process.stderr.write(
        `ALERT: witness ${o.name} refused the checkpoint of ${o.center}: ${outcome.message}\n`,
      );
      return 3;
    }
    if (outcome.kind === 'not_accepted') {
      // Not an alert about the log: the witness's own setup (registration, network) is wrong.
      process.stderr.write(`truce: witness ${o.name}: ${outcome.message}\n`);
      return 1;
    }
    // Written aside then renamed, so a crash never leaves a half state file.
    writeFileSync(`${o.state}.tmp`, `${JSON.stringify(outcome.state, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${o.state}.tmp`, o.state);
    process.stdout.write(
      `cosigned ${outcome.state.origin} size ${outcome.state.size} root ${outcome.state.root}\n`,
    );
    if (every === null) return 0;
    // A long-running witness: bounded by the process's life, one round per period.
    if (round > 1_000_000) return 0;
    await sleep(every * 1000);
  }
}
