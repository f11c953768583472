import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { audited } from '../audit/audit-store.js';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { runIngest } from './ingest-run-store.js';
import { listSuggestions } from './merge-queue-store.js';
import { decideSuggestion, suggestDuplicate } from './merge-suggestion-store.js';
import { addUser, type User } from './user-store.js';

// Two outlets in our own words: a mine near a village, and clashes "in the region" the same day.
const fixtures = fileURLToPath(new URL('./fixtures/duplicates/', import.meta.url));
const PAIR = ['p1-mine-village.txt', 'p2-clash-region.txt'].map((f) => `${fixtures}${f}`);

describeEachDatabase('possible duplicates', (t) => {
  let analyst: User;
  beforeAll(async () => {
    analyst = await addUser(t.db, { actor: 'test:setup' }, { username: 'amira', role: 'analyst' });
    const summary = await runIngest(t.db, PAIR, { published: '2021-03-16', actor: 'user:test' });
    expect(summary.counts).toMatchObject({ new: 2, failed: 0 });
  });

  it('opens both incidents and suggests the pair, with its score and explanation', async () => {
    const { items, total } = await listSuggestions(t.db);
    expect(total).toBe(1);
    const [s] = items;
    expect(s?.score).toBeGreaterThanOrEqual(0.5);
    expect(s?.score).toBeLessThan(0.7);
    expect(s?.explanation.reason).toMatch(/possible duplicate/);
    expect(s?.explanation.reason).toMatch(/lies within the other/);
    expect([s?.incident.incident.kind, s?.candidate.incident.kind].sort()).toEqual([
      'armed_clash',
      'landmine',
    ]);
    expect(s?.incident.sources).toHaveLength(1);
    expect(s?.candidate.sources).toHaveLength(1);
  });

  it('merges the pair with one action and undoes it, both audited', async () => {
    const [s] = (await listSuggestions(t.db)).items;
    const id = s?.id ?? 0;
    await decideSuggestion(t.db, analyst, { id, action: 'merge', reason: 'one blast' });
    const newer = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', s?.incident.incident.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(newer).toMatchObject({ status: 'merged', merged_into_id: s?.candidate.incident.id });
    expect((await listSuggestions(t.db, { status: 'merged' })).total).toBe(1);
    await decideSuggestion(t.db, analyst, { id, action: 'undo', reason: 'two events after all' });
    const back = await t.db
      .selectFrom('incidents')
      .select('status')
      .where('id', '=', newer.id)
      .executeTakeFirstOrThrow();
    // Unmerge gives back the status the incident had when it was merged (an ingested candidate).
    expect(back.status).toBe('candidate');
    const actions = await t.db
      .selectFrom('audit_entries')
      .select('action')
      .where('entity_type', '=', 'duplicate_suggestions')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'suggestion:merge', 'suggestion:undo']);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('never suggests a dismissed pair again', async () => {
    const [s] = (await listSuggestions(t.db)).items;
    await decideSuggestion(t.db, analyst, {
      id: s?.id ?? 0,
      action: 'dismiss',
      reason: 'different villages',
    });
    const again = await audited(t.db, { actor: 'test' }, (writer) =>
      suggestDuplicate(writer, {
        incidentId: s?.candidate.incident.id ?? 0,
        candidateId: s?.incident.incident.id ?? 0,
        comparison: s?.explanation as never,
      }),
    );
    expect(again.created).toBe(false);
    expect((await listSuggestions(t.db)).total).toBe(0);
    expect((await listSuggestions(t.db, { status: 'dismissed' })).total).toBe(1);
  });

  it('refuses to dismiss a suggestion twice, or without a reason', async () => {
    const [s] = (await listSuggestions(t.db, { status: 'dismissed' })).items;
    await expect(
      decideSuggestion(t.db, analyst, { id: s?.id ?? 0, action: 'dismiss', reason: 'again' }),
    ).rejects.toThrow(/dismissed/);
    await expect(
      decideSuggestion(t.db, analyst, { id: s?.id ?? 0, action: 'undo', reason: ' ' }),
    ).rejects.toThrow(/reason/);
  });
});
