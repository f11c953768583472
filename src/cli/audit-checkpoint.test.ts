import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { expect, it } from 'vitest';
import { CLI, runCli } from '../../test/cli.js';
import { rewriteHistory } from '../audit/test-support/rewrite.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { createApp } from '../server/app.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const plain = () => buildIncident({ actor1: null, actor2: null });
const ctx = { actor: 'user:cli' };

describeEachDatabase('truce keys, audit checkpoint and audit verify --checkpoint', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-keys-'));
  const env = { TRUCE_AUDIT_KEY_FILE: join(dir, 'center.pem'), TRUCE_AUDIT_ORIGIN: 'truce.cli-test/audit' };

  it('keeps the key in a 0600 file, signs a checkpoint, and fails naming it after a tail cut', async () => {
    const init = runCli(['keys', 'init'], { env });
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/^truce\.cli-test\/audit\+[0-9a-f]{8}\+[A-Za-z0-9+/=]{44}\n$/);
    expect(statSync(env.TRUCE_AUDIT_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(runCli(['keys', 'init'], { env }).status).not.toBe(0); // never overwritten

    for (let i = 0; i < 3; i += 1) await createIncident(t.db, ctx, plain());
    const signed = runCli(['--db', t.config.url, 'audit', 'checkpoint'], { env });
    expect(signed.status).toBe(0);
    const file = join(dir, `held-${t.name}.note`);
    writeFileSync(file, signed.stdout);
    expect(signed.stdout).not.toContain(readFileSync(env.TRUCE_AUDIT_KEY_FILE, 'utf8').split('\n')[1]);

    await createIncident(t.db, ctx, plain());
    const holds = runCli(['--db', t.config.url, 'audit', 'verify', '--checkpoint', file], { env });
    expect(holds.stdout).toContain('checkpoint holds');
    expect(holds.status).toBe(0);

    const size = Number(signed.stdout.split('\n')[1]);
    await t.db
      .deleteFrom('audit_entries')
      .where('seq', '>', size - 2)
      .execute();
    await rewriteHistory(t.db);
    const fails = runCli([
      '--db',
      t.config.url,
      'audit',
      'verify',
      '--checkpoint',
      file,
      '--key',
      init.stdout.trim(),
    ]);
    expect(fails.status).toBe(1);
    expect(fails.stdout).toContain(
      `checkpoint FAILS: the log has ${size - 2} entries, fewer than the ${size} of checkpoint ${file}`,
    );
  });

  it('rotates the key: the new key is announced in a checkpoint signed by the old and the new', async () => {
    const old = runCli(['keys', 'show'], { env }).stdout.trim();
    const rotated = runCli(['--db', t.config.url, 'keys', 'rotate'], { env });
    expect(rotated.status).toBe(0);
    const next = runCli(['keys', 'show'], { env }).stdout.trim();
    expect(next).not.toBe(old);
    const note = rotated.stdout.slice(rotated.stdout.indexOf('in:\n') + 4);
    expect(note).toContain(`truce-key-rotation ${next}`);
    const file = join(dir, `rotation-${t.name}.note`);
    writeFileSync(file, note);
    for (const key of [old, next]) {
      const r = runCli(['--db', t.config.url, 'audit', 'verify', '--checkpoint', file, '--key', key]);
      expect(r.stdout).toContain('checkpoint holds');
    }
  });

  it('runs a witness against a local center: cosigns, then alerts (exit 3) on a rewritten log', async () => {
    const wdir = mkdtempSync(join(tmpdir(), 'truce-witness-'));
    const keyFile = join(wdir, 'w.pem');
    const vkey = runCli([
      'witness',
      'keygen',
      '--name',
      'party-b.example/w',
      '--key-file',
      keyFile,
    ]).stdout.trim();
    expect(runCli(['--db', t.config.url, 'witness', 'register', vkey]).status).toBe(0);
    const logKey = runCli(['keys', 'show'], { env }).stdout.trim();
    expect(runCli(['--db', t.config.url, 'audit', 'checkpoint'], { env }).status).toBe(0);
    const runtime = testRuntime(t);
    const server = await new Promise<{ close(cb: () => void): void; port: number }>((resolve) => {
      const s = serve(
        { fetch: createApp(runtime).fetch, port: 0, hostname: '127.0.0.1' },
        (info: AddressInfo) => resolve({ close: (cb) => s.close(cb), port: info.port }),
      );
    });
    const run = () =>
      promisify(execFile)(
        process.execPath,
        [
          CLI,
          'witness',
          'run',
          '--center',
          `http://127.0.0.1:${server.port}`,
          '--log-key',
          logKey,
          '--key-file',
          keyFile,
          '--name',
          'party-b.example/w',
          '--state',
          join(wdir, 'state.json'),
        ],
        { env: { ...process.env, TRUCE_LOG_LEVEL: 'warn' } },
      )
        .then((r) => ({ code: 0, ...r }))
        .catch((e: { code: number; stdout: string; stderr: string }) => e);
    try {
      const first = await run();
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^cosigned truce\.cli-test\/audit size \d+/);
      const byUrl = await promisify(execFile)(
        process.execPath,
        [
          CLI,
          '--db',
          t.config.url,
          'audit',
          'verify',
          '--key',
          logKey,
          '--checkpoint',
          `http://127.0.0.1:${server.port}/api/audit/checkpoint`,
        ],
        { env: { ...process.env, TRUCE_LOG_LEVEL: 'warn' } },
      ).catch((e: { stdout: string }) => e); // exit 1: the first test left rows without entries
      expect(byUrl.stdout).toContain(`checkpoint holds: the log`);
      await rewriteHistory(t.db, (entries) =>
        entries.map((e) => (e.seq === 1 ? { ...e, actor: 'someone else' } : e)),
      );
      expect(runCli(['--db', t.config.url, 'audit', 'checkpoint'], { env }).status).toBe(0);
      const second = await run();
      expect(second.code).toBe(3);
      expect(second.stderr).toMatch(/ALERT: witness party-b\.example\/w refused .* the log was rewritten/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('exports with proofs and verifies offline; one flipped byte names the incident', async () => {
    const logKey = runCli(['keys', 'show'], { env }).stdout.trim();
    const created = await createIncident(t.db, ctx, plain());
    expect(runCli(['--db', t.config.url, 'audit', 'checkpoint'], { env }).status).toBe(0);
    const file = join(dir, `export-${t.name}.json`);
    const exported = runCli([
      '--db',
      t.config.url,
      'export',
      '--format',
      'json',
      '--proofs',
      '--output',
      file,
    ]);
    expect(exported.status).toBe(0);
    const good = runCli(['verify', file, '--key', logKey]);
    expect(good.stdout).toMatch(/^export verifies: \d+ incidents in checkpoint truce\.cli-test\/audit/);
    expect(good.status).toBe(0);
    const document = JSON.parse(readFileSync(file, 'utf8')) as {
      incidents: { id: number; record: { title: string } }[];
    };
    const target = document.incidents.find((i) => i.id === created.id);
    if (!target) throw new Error('the new incident is not in the export');
    target.record.title = `X${target.record.title.slice(1)}`;
    writeFileSync(file, JSON.stringify(document));
    const bad = runCli(['verify', file, '--key', logKey]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe(
      `FAILS: incident ${created.id}: its record differs from what its last audit entry records\n`,
    );
  });
});
