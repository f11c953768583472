import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { audited } from './audit-store.js';
import { verifyAudit } from './verify.js';

const analyst = { actor: 'user:test', reason: 'test' };
/** Incidents naming no party, so each writes exactly the rows these tests count (no incident_parties). */
const unnamedIncident = (overrides: Parameters<typeof buildIncident>[0] = {}) =>
  buildIncident({ actor1: null, actor2: null, ...overrides });

describeEachDatabase('audit chain', (t) => {
  beforeEach(async () => {
    // Each test starts from an empty record: clear the tables behind the chain, then the chain.
    for (const table of [
      'incident_parties',
      'casualty_figures',
      'incident_reports',
      'reports',
      'incidents',
      'audit_entries',
      'audit_tree_nodes',
    ] as const) {
      await sql`delete from ${sql.table(table)}`.execute(t.db);
    }
    await sql`update audit_head set seq = 0, hash = ${'0'.repeat(64)}, frontier = null where id = 1`.execute(
      t.db,
    );
  });

  it('appends one entry per written row, in the same transaction, and the chain verifies', async () => {
    await createIncident(
      t.db,
      analyst,
      unnamedIncident({ casualties: [{ category: 'killed', low: 2, best: 2, high: 2, qualifier: 'exact' }] }),
    );
    await createIncident(t.db, analyst, unnamedIncident());
    const report = await verifyAudit(t.db);
    expect(report).toMatchObject({ ok: true, entries: 3, problemCount: 0 });
    const actions = await t.db
      .selectFrom('audit_entries')
      .select(['seq', 'entity_type', 'action', 'actor'])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => `${a.seq}:${a.entity_type}:${a.action}`)).toEqual([
      '1:incidents:create',
      '2:casualty_figures:create',
      '3:incidents:create',
    ]);
  });

  it('writes nothing, not even an audit entry, when the work fails half way', async () => {
    await expect(
      audited(t.db, analyst, async (w) => {
        await w.insert('actors', { name: 'Half-written actor', kind: 'state' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await t.db.selectFrom('actors').selectAll().where('name', '=', 'Half-written actor').execute(),
    ).toHaveLength(0);
    expect((await verifyAudit(t.db)).entries).toBe(0);
  });

  it('records before and after of an update and the verification follows the latest state', async () => {
    const incident = await createIncident(t.db, analyst, unnamedIncident());
    await audited(t.db, analyst, (w) =>
      w.update(
        'incidents',
        incident.id,
        { status: 'under_review', version: 2 },
        { action: 'review', reason: 'looks credible' },
      ),
    );
    const last = await t.db
      .selectFrom('audit_entries')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('review');
    expect(JSON.parse(last.before ?? '{}').status).toBe('candidate');
    expect(JSON.parse(last.after ?? '{}').status).toBe('under_review');
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('names the entry when an audit row is updated behind the application', async () => {
    await createIncident(t.db, analyst, unnamedIncident());
    await createIncident(t.db, analyst, unnamedIncident());
    await sql`update audit_entries set actor = ${'someone else'} where seq = 2`.execute(t.db);
    const report = await verifyAudit(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject({ kind: 'hash_mismatch', seq: 2 });
  });

  it('names the entry of a record row deleted behind the application', async () => {
    await createIncident(t.db, analyst, unnamedIncident());
    const second = await createIncident(t.db, analyst, unnamedIncident());
    await sql`delete from incidents where id = ${second.id}`.execute(t.db);
    const report = await verifyAudit(t.db);
    expect(report.firstProblem).toMatchObject({
      kind: 'row_missing',
      seq: 2,
      entity: `incidents#${second.id}`,
    });
  });

  it('names a record row changed behind the application by the entry it no longer matches', async () => {
    const incident = await createIncident(t.db, analyst, unnamedIncident());
    await sql`update incidents set status = 'confirmed' where id = ${incident.id}`.execute(t.db);
    expect((await verifyAudit(t.db)).firstProblem).toMatchObject({ kind: 'row_changed', seq: 1 });
  });

  it('finds a row inserted directly with SQL', async () => {
    await createIncident(t.db, analyst, unnamedIncident());
    await sql`insert into actors (name, kind) values ('Smuggled actor', 'group')`.execute(t.db);
    const report = await verifyAudit(t.db);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('row_unaudited');
    expect(report.firstProblem?.entity).toMatch(/^actors#\d+$/);
  });

  it('notices entries removed from the end of the chain', async () => {
    await createIncident(t.db, analyst, unnamedIncident());
    await audited(t.db, analyst, (w) => w.insert('actors', { name: 'Later actor', kind: 'state' }));
    await sql`delete from audit_entries where seq = 2`.execute(t.db);
    const kinds = (await verifyAudit(t.db)).problems.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['row_unaudited', 'head_mismatch']));
  });
});
