import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { audited } from './audit-store.js';
import { signCheckpoint } from './checkpoint-store.js';
import { signerOf } from './keys.js';
import { parseVerifierKey } from './note.js';
import { rewriteHistory } from './test-support/rewrite.js';
import { verifyAudit } from './verify.js';
import { verifyAgainstCheckpoint } from './verify-checkpoint.js';

const ctx = { actor: 'analyst:test', reason: 'test' };
const clock = () => new Date('2026-03-01T00:00:00Z');
const signer = signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey);
const keys = [parseVerifierKey(signer.vkey)];

describeEachDatabase('a rewrite behind the application, held against an earlier checkpoint', (t) => {
  const noIncidentActors = { actor1: null, actor2: null };

  it('an honest log extends its checkpoint, and a checkpoint by another key is refused', async () => {
    await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    const cp = await signCheckpoint(t.db, signer, clock);
    await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    expect(await verifyAgainstCheckpoint(t.db, cp.note, keys, 'cp')).toMatchObject({ ok: true });
    const other = parseVerifierKey(
      signerOf('truce.test/audit', generateKeyPairSync('ed25519').privateKey).vkey,
    );
    expect(await verifyAgainstCheckpoint(t.db, cp.note, [other], 'cp')).toMatchObject({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it('detects a tail cut with the rows deleted and the head moved back', async () => {
    const cp = await signCheckpoint(t.db, signer, clock);
    const last = await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    const cp2 = await signCheckpoint(t.db, signer, clock);
    // Cut the entries of the last incident (and the ones before, down below checkpoint 2's size).
    const cutFrom = await t.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('entity_type', '=', 'incidents')
      .where('entity_id', '=', String(last.id))
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom('audit_entries').where('seq', '>=', Number(cutFrom.seq)).execute();
    await deleteIncidentRows(t, last.id);
    await rewriteHistory(t.db);
    expect((await verifyAudit(t.db)).ok).toBe(true); // the chain alone does not see it
    const report = await verifyAgainstCheckpoint(t.db, cp2.note, keys, 'cp2.note');
    expect(report).toMatchObject({ ok: false, problem: 'log_shorter' });
    expect(report.message).toContain('checkpoint cp2.note');
    expect(report.message).toContain(`size ${cp2.size}`);
    expect((await verifyAgainstCheckpoint(t.db, cp.note, keys, 'cp')).ok).toBe(true);
  });

  it('detects an old incident edited with every later hash recomputed', async () => {
    const old = await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    const cp = await signCheckpoint(t.db, signer, clock);
    await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    const entry = await t.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('entity_type', '=', 'incidents')
      .where('entity_id', '=', String(old.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const image = JSON.parse(entry.after ?? '{}') as Record<string, unknown>;
    image.status = 'rejected';
    const { canonicalJson } = await import('./chain.js');
    await t.db.updateTable('incidents').set({ status: 'rejected' }).where('id', '=', old.id).execute();
    await rewriteHistory(t.db, (entries) =>
      entries.map((e) => (e.seq === Number(entry.seq) ? { ...e, after: canonicalJson(image as never) } : e)),
    );
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const report = await verifyAgainstCheckpoint(t.db, cp.note, keys, 'held.txt');
    expect(report).toMatchObject({ ok: false, problem: 'not_an_extension' });
    expect(report.message).toMatch(/checkpoint held\.txt .*the log was rewritten/);
  });

  it('detects a review removed and the entries renumbered', async () => {
    const incident = await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    const before = await t.db
      .selectFrom('incidents')
      .select('status')
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    await audited(t.db, { actor: 'analyst:reviewer' }, (w) =>
      w.update(
        'incidents',
        incident.id,
        { status: 'confirmed' },
        { action: 'review', reason: 'two sources' },
      ),
    );
    await createIncident(t.db, ctx, buildIncident(noIncidentActors));
    const cp = await signCheckpoint(t.db, signer, clock);
    await t.db
      .updateTable('incidents')
      .set({ status: before.status })
      .where('id', '=', incident.id)
      .execute();
    await rewriteHistory(t.db, (entries) =>
      entries.filter((e) => !(e.action === 'review' && e.entityId === String(incident.id))),
    );
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const report = await verifyAgainstCheckpoint(t.db, cp.note, keys, 'cp');
    expect(report.ok).toBe(false);
    expect(['not_an_extension', 'log_shorter']).toContain(report.problem);
  });
});

async function deleteIncidentRows(t: { db: import('../platform/db/dialect.js').Db }, id: number) {
  // The incident and whatever its creation wrote that points at it.
  for (const table of ['incident_parties', 'incident_reports', 'casualty_figures'] as const) {
    await t.db
      .deleteFrom(table)
      .where('incident_id', '=', id)
      .execute()
      .catch(() => undefined);
  }
  await t.db.deleteFrom('incidents').where('id', '=', id).execute();
}
