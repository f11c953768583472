import { expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify.js';
import { firstAgreement } from '../demo/theatre-data.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { agreementStatus } from './agreement-status.js';
import { createAgreement, getAgreement } from './agreement-store.js';
import {
  amendDeadline,
  commitmentsForIncident,
  linkIncident,
  loadCommitmentFacts,
  recordAssessment,
} from './commitment-store.js';
import { asOfDate } from './deadline.js';

const DEMO_AGREEMENT = firstAgreement('nagorno-karabakh');
const DEMO_AGREEMENT_SLUG = DEMO_AGREEMENT.slug;

const ctx = { actor: 'analyst:test' };
const note = [{ kind: 'note' as const, title: 'Seen by the mission' }];

describeEachDatabase('agreements and commitments', (t) => {
  const statusOn = async (date: string, clause: string) => {
    const agreement = await getAgreement(t.db, DEMO_AGREEMENT_SLUG);
    const facts = await loadCommitmentFacts(t.db, agreement);
    return agreementStatus(agreement, facts, asOfDate(date)).commitments.find((c) => c.clause === clause);
  };

  it('stores every clause with its texts per publisher, deadline and parameters', async () => {
    const { commitments } = await createAgreement(t.db, ctx, DEMO_AGREEMENT);
    const aghdam = commitments.find((c) => c.clause === '2');
    expect(aghdam?.texts.map((x) => x.publisher)).toHaveLength(3);
    expect(aghdam?.deadline).toEqual({ date: '2020-11-20', timeZone: 'Europe/Moscow', inclusive: true });
    expect(commitments.find((c) => c.clause === '3')?.parameters.map((p) => p.value)).toEqual([
      1960, 90, 380,
    ]);
    expect(commitments.find((c) => c.clause === '4b')?.term).toMatchObject({
      years: 5,
      renewalYears: 5,
      noticeMonths: 6,
    });
  });

  it('refuses a second agreement with the same slug', async () => {
    await expect(createAgreement(t.db, ctx, DEMO_AGREEMENT)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reports the Lachin handover overdue on 2 December without evidence of it', async () => {
    expect(await statusOn('2020-11-30', '6b')).toMatchObject({ status: 'pending', daysLeft: 1 });
    expect(await statusOn('2020-12-01', '6b')).toMatchObject({ status: 'pending', daysLeft: 0 });
    expect(await statusOn('2020-12-02', '6b')).toMatchObject({ status: 'overdue', score: 0 });
  });

  it('moves a deadline by amendment while keeping the original', async () => {
    const amendment = await amendDeadline(t.db, ctx, DEMO_AGREEMENT_SLUG, {
      clause: '6a',
      decidedOn: '2020-11-15',
      deadline: { date: '2020-11-25', timeZone: 'Europe/Moscow', inclusive: true },
      reason: 'Delay agreed between the parties',
      evidence: note,
    });
    expect(amendment.previous).toEqual({ date: '2020-11-15', timeZone: 'Europe/Moscow', inclusive: false });
    expect(await statusOn('2020-11-14', '6a')).toMatchObject({ deadline: { date: '2020-11-15' } });
    expect(await statusOn('2020-11-21', '6a')).toMatchObject({ status: 'pending', amendments: 1 });
  });

  it('keeps a status history with evidence and the latest assessment on the commitment', async () => {
    await recordAssessment(t.db, ctx, DEMO_AGREEMENT_SLUG, {
      clause: '2',
      asOf: '2020-11-20',
      status: 'fulfilled',
      score: 3,
      evidence: note,
    });
    expect(await statusOn('2020-11-19', '2')).toMatchObject({ status: 'pending' });
    expect(await statusOn('2020-11-21', '2')).toMatchObject({
      status: 'fulfilled',
      score: 3,
      evidence: [{ title: 'Seen by the mission' }],
    });
    const row = await t.db
      .selectFrom('commitments')
      .select(['status', 'score'])
      .where('clause', '=', '2')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'fulfilled', score: 3 });
  });

  it('refuses an assessment without evidence, naming the field', async () => {
    await expect(
      recordAssessment(t.db, ctx, DEMO_AGREEMENT_SLUG, {
        clause: '2',
        asOf: '2020-11-20',
        status: 'fulfilled',
        score: 3,
        evidence: [],
      }),
    ).rejects.toMatchObject({ code: 'invalid', details: { field: 'evidence' } });
    await expect(
      recordAssessment(t.db, ctx, DEMO_AGREEMENT_SLUG, {
        clause: '2',
        asOf: '2020-11-20',
        status: 'fulfilled',
        score: 4,
        evidence: note,
      }),
    ).rejects.toMatchObject({ code: 'invalid', details: { field: 'score' } });
  });

  it('links an incident to the commitment it violates, once', async () => {
    const incident = await createIncident(
      t.db,
      ctx,
      buildIncident({ dateStart: '2020-12-11', dateEnd: '2020-12-11', status: 'confirmed' }),
    );
    const link = { incidentId: incident.id, clause: '1', effect: 'violates' as const };
    await linkIncident(t.db, ctx, DEMO_AGREEMENT_SLUG, link);
    expect(await statusOn('2020-12-11', '1')).toMatchObject({ status: 'violated', violations: 1 });
    await expect(linkIncident(t.db, ctx, DEMO_AGREEMENT_SLUG, link)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await commitmentsForIncident(t.db, incident.id)).toEqual([
      {
        agreement: DEMO_AGREEMENT_SLUG,
        clause: '1',
        title: expect.stringMatching(/^Complete ceasefire/),
        effect: 'violates',
        note: null,
      },
    ]);
    await expect(
      linkIncident(t.db, ctx, DEMO_AGREEMENT_SLUG, { ...link, incidentId: 999_999 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names an unknown clause or agreement as not found', async () => {
    await expect(
      recordAssessment(t.db, ctx, DEMO_AGREEMENT_SLUG, {
        clause: '42',
        asOf: '2020-11-20',
        status: 'pending',
        score: 0,
        evidence: note,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAgreement(t.db, 'no-such-agreement')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });
});
