import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { getIncidentDetail } from './incident-detail-store.js';
import { createIncident, getIncident } from './incident-store.js';
import {
  mergeIncidents,
  respondToIncident,
  reviewIncident,
  splitReport,
  unmergeIncident,
} from './review-store.js';
import { buildIncident } from './test-support/builders.js';
import { addUser, type User } from './user-store.js';

const report = (n: number) => ({
  kind: 'event' as const,
  eventKind: 'shelling' as const,
  dateStart: '2020-11-20',
  dateEnd: '2020-11-20',
  payload: { n },
});

describeEachDatabase('review, merge, split and responses', (t) => {
  let analyst: User;
  let liaison: User;
  let monitor: User;
  beforeAll(async () => {
    const ctx = { actor: 'test:setup' };
    analyst = await addUser(t.db, ctx, { username: 'amira', role: 'analyst' });
    liaison = await addUser(t.db, ctx, { username: 'liaison-am', role: 'liaison', party: 'AM' });
    monitor = await addUser(t.db, ctx, { username: 'field-1', role: 'monitor' });
  });

  it('moves an incident through review with reasons, and refuses a stale edit with a conflict', async () => {
    const incident = await createIncident(t.db, { actor: 'test' }, buildIncident());
    const first = await reviewIncident(t.db, analyst, {
      id: incident.id,
      status: 'under_review',
      reason: 'two sources',
      baseVersion: 1,
    });
    expect(first).toMatchObject({ status: 'under_review', version: 2 });
    await expect(
      reviewIncident(t.db, analyst, { id: incident.id, status: 'confirmed', reason: 'late', baseVersion: 1 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      reviewIncident(t.db, monitor, { id: incident.id, status: 'confirmed', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await reviewIncident(t.db, analyst, {
      id: incident.id,
      status: 'confirmed',
      reason: 'monitors saw the craters',
      baseVersion: 2,
    });
    const detail = await getIncidentDetail(t.db, incident.id);
    expect(detail.history.map((h) => h.action)).toEqual([
      'create',
      'status:under_review',
      'status:confirmed',
    ]);
    expect(detail.history[2]?.reason).toBe('monitors saw the craters');
  });

  it('merges by hand, and unmerge gives every report back', async () => {
    const a = await createIncident(t.db, { actor: 'test' }, buildIncident(), [report(1), report(2)]);
    const b = await createIncident(t.db, { actor: 'test' }, buildIncident(), [report(3)]);
    await mergeIncidents(t.db, analyst, { from: a.id, into: b.id, reason: 'same shelling' });
    expect((await getIncident(t.db, a.id)).status).toBe('merged');
    expect((await getIncidentDetail(t.db, b.id)).reports).toHaveLength(3);
    await unmergeIncident(t.db, analyst, { id: a.id, reason: 'different villages after all' });
    expect((await getIncidentDetail(t.db, a.id)).reports).toHaveLength(2);
    expect((await getIncidentDetail(t.db, b.id)).reports).toHaveLength(1);
    expect((await getIncident(t.db, a.id)).status).toBe('candidate');
  });

  it('unmerge gives back the status the incident had when it was merged, each time', async () => {
    const a = await createIncident(t.db, { actor: 'test' }, buildIncident({ status: 'confirmed' }), [
      report(11),
    ]);
    const b = await createIncident(t.db, { actor: 'test' }, buildIncident(), [report(12)]);
    await mergeIncidents(t.db, analyst, { from: a.id, into: b.id, reason: 'looked the same' });
    await unmergeIncident(t.db, analyst, { id: a.id, reason: 'two strikes' });
    expect((await getIncident(t.db, a.id)).status).toBe('confirmed');
    await reviewIncident(t.db, analyst, { id: a.id, status: 'disputed', reason: 'one side denies it' });
    await mergeIncidents(t.db, analyst, { from: a.id, into: b.id, reason: 'looked the same again' });
    await unmergeIncident(t.db, analyst, { id: a.id, reason: 'still two strikes' });
    const back = await getIncident(t.db, a.id);
    expect(back.status).toBe('disputed');
    expect((await getIncidentDetail(t.db, a.id)).history.at(-1)).toMatchObject({
      action: 'unmerged',
      reason: 'still two strikes',
    });
  });

  it('splits a wrongly merged report into a new incident', async () => {
    const a = await createIncident(t.db, { actor: 'test' }, buildIncident(), [report(4), report(5)]);
    const detail = await getIncidentDetail(t.db, a.id);
    const moved = detail.reports[1]?.id ?? 0;
    const { newIncidentId } = await splitReport(t.db, analyst, {
      incidentId: a.id,
      reportId: moved,
      reason: 'a different day',
    });
    expect((await getIncidentDetail(t.db, newIncidentId)).reports.map((r) => r.id)).toEqual([moved]);
    expect((await getIncidentDetail(t.db, a.id)).reports).toHaveLength(1);
    await expect(
      splitReport(t.db, analyst, { incidentId: a.id, reportId: detail.reports[0]?.id ?? 0, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it("lets a liaison answer for their party only, and answers another party's unpublished incident as unknown", async () => {
    const named = await createIncident(
      t.db,
      { actor: 'test' },
      buildIncident({ actor1: 'Military Forces of Azerbaijan', actor2: 'Military Forces of Armenia' }),
    );
    const other = await createIncident(
      t.db,
      { actor: 'test' },
      buildIncident({ actor1: 'Unidentified armed group', actor2: null }),
    );
    await respondToIncident(t.db, liaison, {
      incidentId: named.id,
      stance: 'disputes_attribution',
      text: 'Our units were not in the area.',
    });
    const published = await createIncident(
      t.db,
      { actor: 'test' },
      buildIncident({ actor1: 'Russian peacekeepers', actor2: null, status: 'confirmed' }),
    );
    // Unpublished and not naming AM: exactly what an unknown id gets, so nothing is revealed.
    const unknown = respondToIncident(t.db, liaison, { incidentId: 987654, stance: 'denies', text: 'No.' });
    await expect(unknown).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      respondToIncident(t.db, liaison, { incidentId: other.id, stance: 'denies', text: 'No.' }),
    ).rejects.toMatchObject({ code: 'not_found', message: `Incident #${other.id} was not found` });
    // Published, so visible, but not theirs to answer.
    await expect(
      respondToIncident(t.db, liaison, { incidentId: published.id, stance: 'denies', text: 'No.' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      respondToIncident(t.db, analyst, { incidentId: named.id, stance: 'denies', text: 'No.' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      respondToIncident(t.db, liaison, { incidentId: named.id, stance: 'shrugs', text: 'No.' }),
    ).rejects.toThrow(/stance: must be one of/);
    const detail = await getIncidentDetail(t.db, named.id);
    expect(detail.responses).toMatchObject([{ party: 'AM', stance: 'disputes_attribution' }]);
    expect(detail.incident.status).toBe(named.status);
    expect(detail.incident.version).toBe(named.version);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
