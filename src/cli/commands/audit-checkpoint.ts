import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { invalid } from '../../platform/errors.js';
import { withRuntime, type OutputFormat } from '../context.js';

/** Reads a checkpoint from a file or an URL (the center's `/api/audit/checkpoint`, or a raw note). */
async function readCheckpoint(where: string): Promise<string> {
  let text: string;
  if (/^https?:\/\//.test(where)) {
    const response = await fetch(where, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw invalid('--checkpoint', `${where} answered ${response.status}`);
    text = await response.text();
  } else text = readFileSync(where, 'utf8');
  // The center's JSON answer (saved or fetched) carries the note; anything else is a raw note.
  if (!text.trimStart().startsWith('{')) return text;
  try {
    const answer = JSON.parse(text) as { signedNote?: unknown; note?: unknown };
    if (typeof answer.signedNote === 'string') return answer.signedNote;
    if (typeof answer.note === 'string') return answer.note;
  } catch {
    // not JSON after all: read as a note, which then fails naming the checkpoint
  }
  return text;
}

export async function verifyCheckpointCommand(
  command: Command,
  format: OutputFormat,
  where: string,
  keys: string[] | undefined,
): Promise<number> {
  const [
    { parseVerifierKey },
    { auditKeySettings, loadSigner },
    { verifyAgainstCheckpoint },
    { verifyAudit },
  ] = await Promise.all([
    import('../../audit/note.js'),
    import('../../audit/keys.js'),
    import('../../audit/verify-checkpoint.js'),
    import('../../audit/verify.js'),
  ]);
  const vkeys = keys && keys.length > 0 ? keys : [loadSigner(auditKeySettings(process.env)).vkey];
  const parsed = vkeys.map((k) => {
    try {
      return parseVerifierKey(k);
    } catch (error) {
      throw invalid('--key', (error as Error).message);
    }
  });
  const note = await readCheckpoint(where);
  const { chain, report } = await withRuntime(command, async (runtime) => ({
    chain: await verifyAudit(runtime.db),
    report: await verifyAgainstCheckpoint(runtime.db, note, parsed, where),
  }));
  const ok = chain.ok && report.ok;
  if (format === 'json')
    process.stdout.write(`${JSON.stringify({ ok, chain, checkpoint: report }, null, 2)}\n`);
  else {
    process.stdout.write(
      chain.ok
        ? `audit chain holds: ${chain.entries} entries\n`
        : `audit chain BROKEN: ${chain.firstProblem?.message ?? ''}\n`,
    );
    process.stdout.write(`${report.ok ? 'checkpoint holds' : 'checkpoint FAILS'}: ${report.message}\n`);
  }
  return ok ? 0 : 1;
}

export async function signCheckpointCommand(
  command: Command,
  o: { keyFile?: string; every?: string },
): Promise<void> {
  const [{ auditKeySettings, loadSigner }, { signCheckpoint }] = await Promise.all([
    import('../../audit/keys.js'),
    import('../../audit/checkpoint-store.js'),
  ]);
  const every = o.every === undefined ? null : Number(o.every);
  if (every !== null && (!Number.isInteger(every) || every < 10 || every > 86_400))
    throw invalid('--every', 'must be whole seconds from 10 to 86400');
  const signer = loadSigner(auditKeySettings(process.env, { keyFile: o.keyFile }));
  await withRuntime(command, async (runtime) => {
    // Bounded by the process's life: one checkpoint per period until stopped.
    for (let round = 0; round < 10_000_000; round += 1) {
      const checkpoint = await signCheckpoint(runtime.db, signer, () => new Date());
      process.stdout.write(checkpoint.note);
      if (every === null) return;
      await sleep(every * 1000);
    }
  });
}
