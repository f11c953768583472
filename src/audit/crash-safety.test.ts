import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { openDatabase } from '../platform/db/dialect.js';
import { verifyAudit } from './verify.js';

const writer = fileURLToPath(new URL('./test-support/crash-writer.ts', import.meta.url));

/** Starts the writer, collects its acknowledgements, and SIGKILLs it after `killAfter` of them. */
function runAndKill(url: string, killAfter: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, url, '1000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^ack (\d+)$/.exec(line);
      if (match) acked.push(Number(match[1]));
      if (acked.length === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer ended on its own (code ${code}) after ${acked.length} acks: ${stderr}`));
    });
  });
}

describeEachDatabase('crash safety', (t) => {
  it('keeps every acknowledged write across a SIGKILL mid-batch, and the chain still verifies', async () => {
    const acked = await runAndKill(t.config.url, 300);
    expect(acked.length).toBeGreaterThanOrEqual(300);
    const db = openDatabase(t.config);
    try {
      const titles = new Set(
        (
          await db.selectFrom('incidents').select('title').where('title', 'like', 'crash-write-%').execute()
        ).map((r) => r.title),
      );
      const lost = acked.filter((n) => !titles.has(`crash-write-${n}`));
      expect(lost).toEqual([]);
      const report = await verifyAudit(db);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
