import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { agreementStatus } from '../agreement/agreement-status.js';
import { createAgreement, getAgreement } from '../agreement/agreement-store.js';
import { buildBulletin } from '../agreement/bulletin.js';
import { loadBulletinInputs } from '../agreement/bulletin-store.js';
import { loadCommitmentFacts } from '../agreement/commitment-store.js';
import { asOfDate } from '../agreement/deadline.js';
import { missionStatus } from '../agreement/mission.js';
import { loadMissionFacts } from '../agreement/mission-store.js';
import { verifyAudit } from '../audit/verify.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { isDatabaseEmpty, loadDemo } from './load-demo.js';
import { firstAgreement } from './theatre-data.js';

const DEMO_AGREEMENT = firstAgreement('nagorno-karabakh');

describeEachDatabase('the demo', (t) => {
  it('loads into an empty database, through the audit chain, and a second run changes nothing', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const first = await loadDemo(t.db);
    expect(first).toMatchObject({ kind: 'loaded', counts: { commitments: 15, posts: 23, activityDays: 32 } });
    expect(await isDatabaseEmpty(t.db)).toBe(false);
    const before = await verifyAudit(t.db);
    expect(await loadDemo(t.db)).toMatchObject({ kind: 'already_loaded' });
    const after = await verifyAudit(t.db);
    expect(after).toMatchObject({ ok: true, entries: before.entries });
  });

  it('shows Aghdam fulfilled, Kalbajar moved to 25 November and pending, Lachin pending on 21 November', async () => {
    const agreement = await getAgreement(t.db);
    const status = agreementStatus(
      agreement,
      await loadCommitmentFacts(t.db, agreement),
      asOfDate('2020-11-21'),
    );
    const clause = (c: string) => status.commitments.find((x) => x.clause === c);
    expect(clause('2')).toMatchObject({ status: 'fulfilled', score: 3 });
    expect(clause('6a')).toMatchObject({
      status: 'pending',
      deadline: { date: '2020-11-25' },
      originalDeadline: { date: '2020-11-15' },
    });
    expect(clause('6b')).toMatchObject({ status: 'pending', deadline: { date: '2020-12-01' } });
  });

  it('records the ceasefire violated from the Hadrut fighting and Lachin fulfilled on 1 December', async () => {
    const agreement = await getAgreement(t.db);
    const facts = await loadCommitmentFacts(t.db, agreement);
    const on = (date: string, c: string) =>
      agreementStatus(agreement, facts, asOfDate(date)).commitments.find((x) => x.clause === c)?.status;
    expect(on('2020-12-10', '1')).toBe('in_progress');
    expect(on('2020-12-11', '1')).toBe('violated');
    expect(on('2020-12-02', '6b')).toBe('fulfilled');
  });

  it('gives the mission’s term end and next notice date from its mandate', async () => {
    const status = missionStatus(await loadMissionFacts(t.db), '2020-12-01');
    expect(status.term).toMatchObject({ termEnd: '2025-11-10', nextNoticeDate: '2025-05-10', period: 1 });
    expect(status.posts.open).toBe(23);
    expect(status.ceilingFlags).toEqual([]);
  });

  it('builds a bulletin whose numbers equal the record’s', async () => {
    const date = '2020-12-12';
    const bulletin = buildBulletin(await loadBulletinInputs(t.db, { date }));
    const violations = await t.db
      .selectFrom('incidents')
      .select(['id'])
      .where('date_start', '<=', date)
      .where('date_end', '>=', date)
      .where('kind', 'in', ['armed_clash', 'shelling', 'ceasefire_violation'])
      .execute();
    expect(bulletin.violations.total).toBe(violations.length);
    const killed = await t.db
      .selectFrom('casualty_figures')
      .select((eb) => eb.fn.sum<number | string>('low').as('n'))
      .where('category', '=', 'killed')
      .where(
        'incident_id',
        'in',
        violations.map((v) => v.id),
      )
      .executeTakeFirstOrThrow();
    expect(bulletin.violations.killed).toBe(Number(killed.n));
    const day = await t.db
      .selectFrom('mission_activity')
      .selectAll()
      .where('day', '=', date)
      .executeTakeFirstOrThrow();
    expect(bulletin.activity.day).toMatchObject({ returned: day.returned, patrols: day.patrols });
    const { rows } = await sql<{
      n: number | string;
    }>`select sum(returned) as n from mission_activity where day <= ${date}`.execute(t.db);
    expect(bulletin.activity.totals?.returned).toBe(Number(rows[0]?.n));
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(bulletin.auditHead).toEqual({ seq: Number(head.seq), hash: head.hash });
  });
});

describeEachDatabase('a demo load cut short', (t) => {
  it('is reported as a conflict rather than taken for a complete load', async () => {
    await createAgreement(t.db, { actor: 'demo:test' }, DEMO_AGREEMENT);
    await expect(loadDemo(t.db)).rejects.toMatchObject({ code: 'conflict', message: /only partly loaded/ });
  });
});
