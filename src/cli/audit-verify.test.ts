import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';

describeEachDatabase('truce audit verify', (t) => {
  it('exits 0 and prints the entry count and head hash while the chain holds', async () => {
    await createIncident(t.db, { actor: 'user:cli' }, buildIncident({ actor1: null, actor2: null }));
    const text = runCli(['--db', t.config.url, 'audit', 'verify']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/audit chain holds: 1 entries, head [0-9a-f]{64}/);
    const json = runCli(['--db', t.config.url, 'audit', 'verify', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, entries: 1 });
  });

  it('exits 1 and names the first entry that does not check after a tampered audit row', async () => {
    await createIncident(t.db, { actor: 'user:cli' }, buildIncident({ actor1: null, actor2: null }));
    await sql`update audit_entries set reason = ${'rewritten'} where seq = 2`.execute(t.db);
    const result = runCli(['--db', t.config.url, 'audit', 'verify']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/first bad entry: 2 incidents#\d+ — entry 2 does not match its hash/);
    const json = JSON.parse(runCli(['--db', t.config.url, 'audit', 'verify', '--format', 'json']).stdout);
    expect(json.firstProblem).toMatchObject({ seq: 2, kind: 'hash_mismatch' });
  });
});

it('refuses a bad --db with a message naming the setting, exit code 2', () => {
  const result = runCli(['--db', 'mongodb://x', 'audit', 'verify']);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--db \/ TRUCE_DATABASE_URL: must be sqlite:PATH/);
});
