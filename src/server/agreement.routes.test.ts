import { beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { loadDemo } from '../demo/load-demo.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

interface Deadline {
  date: string;
  timeZone: string;
  inclusive: boolean;
}
interface CommitmentStatus {
  clause: string;
  status: string;
  score: number;
  deadline: Deadline | null;
  originalDeadline: Deadline | null;
  history: {
    amendments: { decidedOn: string; previous: Deadline | null; deadline: Deadline; reason: string }[];
    assessments: { asOf: string; status: string; note: string | null; assessedBy: string }[];
    links: { incidentId: number; effect: string; incidentTitle: string }[];
  };
}
interface Status {
  agreement: { timeZone: string; parties: string[] };
  commitments: CommitmentStatus[];
  implementation: { score: number; maxScore: number; percent: number };
  byParty: Record<string, { percent: number; commitments: number }>;
}
interface Activity {
  day: string;
  patrols: number;
  deminedRoadKm: number;
  deminedBuildings: number;
  notes: string | null;
}
interface ActivityDay {
  activity: Activity;
  corrections: { previous: Activity; changed: string[]; reason: string; correctedBy: string }[];
}

const evidence = [{ kind: 'note', title: 'Joint commission minutes' }];

describeEachDatabase('agreement, mission and bulletin routes on the demo', (t) => {
  const app = () => {
    const runtime: Runtime = testRuntime(t);
    return createApp(runtime, { clock: () => new Date('2020-12-01T12:00:00Z') });
  };
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    await loadDemo(t.db, {});
    for (const role of ['analyst', 'monitor', 'liaison'] as const) {
      const user = await addUser(
        t.db,
        { actor: 'test' },
        { username: `routes-${role}`, role, party: role === 'liaison' ? 'AM' : null },
      );
      tokens[role] = await createApiToken(t.db, user.id, 'routes', new Date());
    }
  });
  const send = (as: string, path: string, body: unknown) =>
    app().request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[as] ?? ''}` },
      body: JSON.stringify(body),
    });
  const status = async (asOf = '2020-12-01') =>
    (await (await app().request(`/api/agreements/status?asOf=${asOf}`)).json()) as Status;
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { message: string; details?: { field?: string } } }).error;

  it('serves the commitments as of a date, the same as the CLI computes them', async () => {
    const body = (await (await app().request('/api/agreements/status?asOf=2020-11-21')).json()) as {
      commitments: { status: string; text?: unknown }[];
    };
    expect(body.commitments.length).toBeGreaterThan(5);
    expect(JSON.stringify(body)).toMatch(/fulfilled/);
  });

  it('gives the overall and per-party implementation scores with the commitments', async () => {
    const body = await status();
    const sum = body.commitments.reduce((total, c) => total + c.score, 0);
    expect(body.implementation.score).toBe(sum);
    expect(body.implementation.maxScore).toBe(body.commitments.length * 3);
    for (const party of body.agreement.parties) expect(body.byParty[party]?.commitments).toBeGreaterThan(0);
  });

  it('answers a bad asOf with 400 naming the field', async () => {
    const response = await app().request('/api/agreements/status?asOf=yesterday');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^As of must be /);
  });

  it('amends a deadline: the status shows the new one and keeps the old in its history', async () => {
    const before = (await status()).commitments.find(
      (c) => c.deadline !== null && c.history.amendments.length === 0,
    );
    if (!before?.deadline) throw new Error('the demo has no commitment with a deadline');
    const moved = { ...before.deadline, date: '2021-03-01' };
    const response = await send('analyst', '/api/agreements/amendments', {
      clause: before.clause,
      decidedOn: '2020-11-30',
      deadline: moved,
      reason: 'the parties agreed more time',
      evidence,
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { previous: Deadline }).previous).toEqual(before.deadline);
    const after = (await status()).commitments.find((c) => c.clause === before.clause);
    expect(after?.deadline?.date).toBe('2021-03-01');
    expect(after?.history.amendments.at(-1)).toMatchObject({
      previous: before.deadline,
      deadline: moved,
      reason: 'the parties agreed more time',
    });
    // As of a day before the decision, the old deadline is still the one in force.
    const earlier = (await status('2020-11-29')).commitments.find((c) => c.clause === before.clause);
    expect(earlier?.deadline).toEqual(before.deadline);
  });

  it('assesses a commitment: its status and score change and the history keeps the note', async () => {
    const target = (await status()).commitments.find((c) => c.status !== 'fulfilled');
    if (!target) throw new Error('every demo commitment is fulfilled');
    const response = await send('analyst', '/api/agreements/assessments', {
      clause: target.clause,
      asOf: '2020-12-01',
      status: 'fulfilled',
      score: 3,
      note: 'seen done by the monitors',
      evidence,
    });
    expect(response.status).toBe(201);
    const after = (await status()).commitments.find((c) => c.clause === target.clause);
    expect(after).toMatchObject({ status: 'fulfilled', score: 3 });
    expect(after?.history.assessments.at(-1)).toMatchObject({
      note: 'seen done by the monitors',
      assessedBy: 'monitoring center',
    });
  });

  it('refuses an assessment without evidence or with a bad score, naming the field, and changes nothing', async () => {
    const head = async () =>
      ((await (await app().request('/api/health')).json()) as { audit: { entries: number } }).audit.entries;
    const seq = await head();
    const clause = (await status()).commitments[0]?.clause;
    const noEvidence = await send('analyst', '/api/agreements/assessments', {
      clause,
      asOf: '2020-12-01',
      status: 'fulfilled',
      score: 3,
      evidence: [],
    });
    expect(noEvidence.status).toBe(400);
    expect((await errorOf(noEvidence)).details?.field).toBe('evidence');
    const badScore = await send('analyst', '/api/agreements/assessments', {
      clause,
      asOf: '2020-12-01',
      status: 'fulfilled',
      score: 7,
      evidence,
    });
    expect((await errorOf(badScore)).details?.field).toBe('score');
    expect(await head()).toBe(seq);
  });

  it('lets only analysts and admins change commitments: a monitor and a liaison are refused', async () => {
    const clause = (await status()).commitments[0]?.clause;
    const body = { clause, asOf: '2020-12-01', status: 'pending', score: 0, evidence };
    expect((await send('monitor', '/api/agreements/assessments', body)).status).toBe(403);
    expect((await send('liaison', '/api/agreements/assessments', body)).status).toBe(403);
    expect((await app().request('/api/agreements/assessments', { method: 'POST' })).status).toBe(401);
  });

  it('links an incident to a clause, refuses the same link twice, and unlinks it with a reason', async () => {
    const incident = await t.db
      .selectFrom('incidents')
      .select(['id', 'title'])
      .where('date_start', '<=', '2020-11-30')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const target = (await status()).commitments.find(
      (c) => !c.history.links.some((l) => l.incidentId === incident.id),
    );
    if (!target) throw new Error('no commitment free of the incident');
    const link = { incidentId: incident.id, clause: target.clause, effect: 'disputed', note: 'contested' };
    const linked = await send('analyst', '/api/agreements/links', link);
    expect(linked.status).toBe(201);
    expect(((await linked.json()) as { incidentTitle: string }).incidentTitle).toBe(incident.title);
    const shown = (await status()).commitments.find((c) => c.clause === target.clause);
    expect(shown?.history.links).toContainEqual(
      expect.objectContaining({ incidentId: incident.id, effect: 'disputed' }),
    );
    expect((await send('analyst', '/api/agreements/links', link)).status).toBe(409);

    const noReason = await send('analyst', '/api/agreements/unlink', {
      incidentId: incident.id,
      clause: target.clause,
    });
    expect((await errorOf(noReason)).details?.field).toBe('reason');
    const unlinked = await send('analyst', '/api/agreements/unlink', {
      incidentId: incident.id,
      clause: target.clause,
      reason: 'linked by mistake',
    });
    expect(unlinked.status).toBe(200);
    const gone = (await status()).commitments.find((c) => c.clause === target.clause);
    expect(gone?.history.links.some((l) => l.incidentId === incident.id)).toBe(false);
    const again = await send('analyst', '/api/agreements/unlink', {
      incidentId: incident.id,
      clause: target.clause,
      reason: 'twice',
    });
    expect(again.status).toBe(404);
  });

  it('shows outsiders no assessor, corrector or linked candidate: the monitoring center and published incidents only', async () => {
    const candidate = await createIncident(
      t.db,
      { actor: 'test' },
      buildIncident({ title: 'A candidate only the center sees', status: 'candidate' }),
    );
    const clause = (await status()).commitments[0]?.clause ?? '';
    const linked = await send('analyst', '/api/agreements/links', {
      incidentId: candidate.id,
      clause,
      effect: 'disputed',
    });
    expect(linked.status).toBe(201);
    await send('analyst', '/api/agreements/assessments', {
      clause,
      asOf: '2020-12-01',
      status: 'in_progress',
      score: 1,
      evidence,
    });
    const asStaff = (await (
      await app().request('/api/agreements/status?asOf=2020-12-01', {
        headers: { authorization: `Bearer ${tokens.analyst ?? ''}` },
      })
    ).json()) as Status;
    const outside = await status();
    const mine = (s: Status) => s.commitments.find((c) => c.clause === clause)?.history;
    expect(mine(asStaff)?.assessments.at(-1)?.assessedBy).toMatch(/routes-analyst/);
    expect(mine(outside)?.assessments.map((a) => a.assessedBy)).not.toContainEqual(
      expect.stringMatching(/routes-analyst/),
    );
    expect(mine(outside)?.assessments.at(-1)?.assessedBy).toBe('monitoring center');
    expect(mine(asStaff)?.links.map((l) => l.incidentId)).toContain(candidate.id);
    expect(mine(outside)?.links.map((l) => l.incidentId)).not.toContain(candidate.id);
    expect(JSON.stringify(outside)).not.toContain(candidate.title);
  });

  it('corrects a filed day: the new figures stand, the old ones are kept in its history, all audited', async () => {
    const list = (await (await app().request('/api/mission/activity')).json()) as { items: Activity[] };
    const filed = list.items[0];
    if (!filed) throw new Error('the demo files no activity');
    const response = await send('monitor', `/api/mission/activity/${filed.day}/corrections`, {
      patrols: filed.patrols + 2,
      deminedRoadKm: 4.5,
      deminedBuildings: 3,
      reason: 'two patrols and the road clearance were left out',
    });
    expect(response.status).toBe(201);
    const day = (await (await app().request(`/api/mission/activity/${filed.day}`)).json()) as ActivityDay;
    expect(day.activity).toMatchObject({
      patrols: filed.patrols + 2,
      deminedRoadKm: 4.5,
      deminedBuildings: 3,
    });
    expect(day.corrections).toHaveLength(1);
    expect(day.corrections[0]?.previous.patrols).toBe(filed.patrols);
    expect(day.corrections[0]?.changed).toEqual(['patrols', 'deminedRoadKm', 'deminedBuildings']);
    expect(day.corrections[0]?.correctedBy).toBe('monitoring center');
    const staffDay = (await (
      await app().request(`/api/mission/activity/${filed.day}`, {
        headers: { authorization: `Bearer ${tokens.monitor ?? ''}` },
      })
    ).json()) as ActivityDay;
    expect(staffDay.corrections[0]?.correctedBy).toMatch(/routes-monitor/);

    await send('monitor', `/api/mission/activity/${filed.day}/corrections`, {
      patrols: 1,
      reason: 'recounted',
    });
    const twice = (await (await app().request(`/api/mission/activity/${filed.day}`)).json()) as ActivityDay;
    expect(twice.corrections.map((c) => c.previous.patrols)).toEqual([filed.patrols, filed.patrols + 2]);
    expect(twice.corrections[1]?.changed).toEqual(['patrols']);
    const bulletin = (await (await app().request(`/api/bulletins/${filed.day}`)).json()) as {
      activity: { day: Activity | null };
    };
    expect(bulletin.activity.day?.patrols).toBe(1);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('refuses a correction that changes nothing, has no reason, is negative, or comes from a liaison', async () => {
    const list = (await (await app().request('/api/mission/activity')).json()) as { items: Activity[] };
    const filed = list.items.at(-1);
    if (!filed) throw new Error('the demo files no activity');
    const path = `/api/mission/activity/${filed.day}/corrections`;
    const same = await send('monitor', path, { patrols: filed.patrols, reason: 'nothing' });
    expect(same.status).toBe(400);
    expect((await errorOf(same)).message).toMatch(/at least one figure/);
    expect((await errorOf(await send('monitor', path, { patrols: 3 }))).details?.field).toBe('reason');
    const negative = await send('monitor', path, { deminedRoadKm: -1, reason: 'typo' });
    expect((await errorOf(negative)).details?.field).toBe('deminedRoadKm');
    expect((await send('liaison', path, { patrols: 9, reason: 'mine' })).status).toBe(403);
    expect(
      (await send('monitor', '/api/mission/activity/1999-01-01/corrections', { patrols: 9, reason: 'x' }))
        .status,
    ).toBe(404);
    const day = (await (await app().request(`/api/mission/activity/${filed.day}`)).json()) as ActivityDay;
    expect(day.corrections).toEqual([]);
  });

  it('files a day under its key once: a resend gets the first answer, another submission for the day is refused', async () => {
    const day = { day: '2021-03-02', patrols: 4, idempotencyKey: 'outbox-day-0001' };
    const first = await send('monitor', '/api/mission/activity', day);
    expect(first.status).toBe(201);
    expect(((await first.json()) as Activity).patrols).toBe(4);
    await send('monitor', '/api/mission/activity/2021-03-02/corrections', {
      patrols: 6,
      reason: 'recounted',
    });
    // The answer lost on the way: the outbox sends it again, after a correction even.
    const again = await send('monitor', '/api/mission/activity', day);
    expect(again.status).toBe(200);
    expect((await again.json()) as Activity).toMatchObject({ day: '2021-03-02', patrols: 4 });
    const other = await send('monitor', '/api/mission/activity', {
      ...day,
      idempotencyKey: 'outbox-day-0002',
    });
    expect(other.status).toBe(409);
    expect((await errorOf(other)).details?.field).toBe('day');
    const keyless = await send('monitor', '/api/mission/activity', { day: '2021-03-02', patrols: 4 });
    expect(keyless.status).toBe(409);
    // Another account's key of the same spelling is its own: refused for the day, not given this answer.
    const analyst = await send('analyst', '/api/mission/activity', day);
    expect(analyst.status).toBe(409);
    const short = await send('monitor', '/api/mission/activity', { day: '2021-03-03', idempotencyKey: 'x' });
    expect((await errorOf(short)).details?.field).toBe('idempotencyKey');
    const list = (await (
      await app().request('/api/mission/activity?from=2021-03-02&to=2021-03-03')
    ).json()) as {
      items: Activity[];
    };
    expect(list.items.map((a) => [a.day, a.patrols])).toEqual([['2021-03-02', 6]]);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('settles two sends of one key at the same moment: one record, both answered with it', async () => {
    const day = { day: '2021-03-05', patrols: 2, idempotencyKey: 'outbox-day-race1' };
    const answers = await Promise.all([
      send('monitor', '/api/mission/activity', day),
      send('monitor', '/api/mission/activity', day),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    const list = (await (
      await app().request('/api/mission/activity?from=2021-03-05&to=2021-03-05')
    ).json()) as {
      items: Activity[];
    };
    expect(list.items).toHaveLength(1);
  });

  it("pre-fills a new day from the last day filed before it, without that day's notes", async () => {
    const list = (await (await app().request('/api/mission/activity')).json()) as { items: Activity[] };
    const last = list.items.at(-1);
    if (!last) throw new Error('the demo files no activity');
    const next = new Date(Date.parse(`${last.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const body = (await (await app().request(`/api/mission/activity/prefill?day=${next}`)).json()) as {
      from: string | null;
      activity: Activity | null;
    };
    expect(body.from).toBe(last.day);
    expect(body.activity).toMatchObject({ day: next, patrols: last.patrols, notes: null });
    const none = (await (await app().request('/api/mission/activity/prefill?day=1999-01-01')).json()) as {
      from: string | null;
    };
    expect(none.from).toBeNull();
    expect((await app().request('/api/mission/activity/prefill')).status).toBe(400);
  });

  it('serves the mission status and a bulletin in three formats, the HTML ending with the audit head', async () => {
    const mission = (await (await app().request('/api/mission/status?asOf=2020-12-01')).json()) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(mission)).toMatch(/2025-11-1\d/);
    const head = (await (await app().request('/api/health')).json()) as { audit: { head: string } };
    const html = await (await app().request('/api/bulletins/2020-11-20?format=html')).text();
    expect(html).toContain(head.audit.head);
    expect((await app().request('/api/bulletins/2020-11-20?format=md')).headers.get('content-type')).toMatch(
      /markdown/,
    );
    expect((await app().request('/api/bulletins/2020-11-20')).status).toBe(200);
  });
});
