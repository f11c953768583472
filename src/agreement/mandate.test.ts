import { describe, expect, it } from 'vitest';
import { ceilingsAsOf, checkCeilings, MandateInput, termAsOf } from './mandate.js';
import { buildMandate } from './test-support/builders.js';

describe('the mandate term', () => {
  const mandate = buildMandate();

  it('has not started the day before its start', () => {
    expect(termAsOf(mandate, '2020-11-09')).toMatchObject({
      state: 'not_started',
      period: 0,
      termEnd: '2025-11-10',
    });
  });

  it('runs five years from its start, with notice due six months before expiry', () => {
    expect(termAsOf(mandate, '2020-11-10')).toMatchObject({
      state: 'active',
      period: 1,
      periodStart: '2020-11-10',
      termEnd: '2025-11-10',
      noticeBy: '2025-05-10',
      nextNoticeDate: '2025-05-10',
      renewsAutomatically: true,
    });
  });

  it('keeps this period’s notice date up to and including that day, then moves to the next period’s', () => {
    expect(termAsOf(mandate, '2025-05-09')).toMatchObject({
      nextNoticeDate: '2025-05-10',
      daysToNextNotice: 1,
    });
    expect(termAsOf(mandate, '2025-05-10')).toMatchObject({
      nextNoticeDate: '2025-05-10',
      daysToNextNotice: 0,
    });
    expect(termAsOf(mandate, '2025-05-11')).toMatchObject({ nextNoticeDate: '2030-05-10', period: 1 });
  });

  it('renews automatically on the expiry date', () => {
    expect(termAsOf(mandate, '2025-11-09')).toMatchObject({ period: 1, daysToTermEnd: 1 });
    expect(termAsOf(mandate, '2025-11-10')).toMatchObject({
      period: 2,
      periodStart: '2025-11-10',
      termEnd: '2030-11-10',
    });
    expect(termAsOf(mandate, '2025-11-11')).toMatchObject({ period: 2, nextNoticeDate: '2030-05-10' });
  });

  it('ends at the close of the period when a party gave notice by the notice date', () => {
    const noticed = buildMandate({ notices: [{ party: 'AZ', givenOn: '2025-05-10' }] });
    expect(termAsOf(noticed, '2025-05-09')).toMatchObject({ state: 'active' });
    expect(termAsOf(noticed, '2025-05-10')).toMatchObject({
      state: 'ending',
      nextNoticeDate: null,
      renewsAutomatically: false,
    });
    expect(termAsOf(noticed, '2025-11-09')).toMatchObject({ state: 'ending' });
    expect(termAsOf(noticed, '2025-11-10')).toMatchObject({ state: 'ended', termEnd: '2025-11-10' });
  });

  it('ignores notice given after the notice date: the mandate renews', () => {
    const late = buildMandate({ notices: [{ party: 'AM', givenOn: '2025-05-11' }] });
    expect(termAsOf(late, '2025-11-10')).toMatchObject({ state: 'active', period: 2 });
  });

  it('ends without renewal when the mandate has none', () => {
    const fixed = buildMandate({ renewalYears: null, noticeMonths: null });
    expect(termAsOf(fixed, '2025-11-09')).toMatchObject({
      state: 'active',
      noticeBy: null,
      nextNoticeDate: null,
    });
    expect(termAsOf(fixed, '2025-11-10')).toMatchObject({ state: 'ended' });
  });

  it('clamps notice dates to the end of a shorter month', () => {
    const august = buildMandate({ startsOn: '2020-08-31', termYears: 1, renewalYears: 1, noticeMonths: 6 });
    expect(termAsOf(august, '2020-09-01').noticeBy).toBe('2021-02-28');
  });
});

describe('strength ceilings', () => {
  const { ceilings } = buildMandate();

  it('flags a figure above its ceiling, not one equal to it', () => {
    expect(checkCeilings(ceilings, { personnel: 1960, armouredVehicles: 90, otherVehicles: 380 })).toEqual(
      [],
    );
    expect(checkCeilings(ceilings, { personnel: 1961, armouredVehicles: 90, otherVehicles: 400 })).toEqual([
      { item: 'personnel', reported: 1961, ceiling: 1960, excess: 1 },
      { item: 'otherVehicles', reported: 400, ceiling: 380, excess: 20 },
    ]);
  });

  it('ignores figures not reported and items without a ceiling', () => {
    const open = { personnel: null, armouredVehicles: 90, otherVehicles: null };
    expect(checkCeilings(open, { personnel: 5000, armouredVehicles: null, otherVehicles: 9 })).toEqual([]);
  });
});

describe('a mandate renewed by decisions, in months', () => {
  // Six months from 1 June 2031, renewed twice by decision, its ceiling raised once.
  const mandate = MandateInput.parse({
    startsOn: '2031-06-01',
    termMonths: 6,
    ceilings: { personnel: 200 },
    decisions: [
      { decidedOn: '2031-06-01', summary: 'Founding decision', reference: 'D/1' },
      { decidedOn: '2031-11-20', summary: 'Renewed to the end of June', until: '2032-06-30' },
      {
        decidedOn: '2032-06-15',
        summary: 'Renewed a year; up to 400 people',
        reference: 'D/9',
        until: '2033-06-30',
        ceilings: { personnel: 400 },
      },
    ],
  });

  it('runs six months and, before any renewal, ends on its last day', () => {
    expect(termAsOf(mandate, '2031-11-19')).toMatchObject({
      state: 'active',
      period: 1,
      termEnd: '2031-12-01',
      lastDay: '2031-11-30',
      renewsAutomatically: false,
      nextNoticeDate: null,
      renewedUntil: null,
    });
    const unrenewed = MandateInput.parse({ startsOn: '2031-06-01', termMonths: 6 });
    expect(termAsOf(unrenewed, '2031-12-01')).toMatchObject({ state: 'ended' });
  });

  it('knows a renewal once it is decided, and opens the next period the day after the last day', () => {
    expect(termAsOf(mandate, '2031-11-20')).toMatchObject({ period: 1, renewedUntil: '2032-06-30' });
    expect(termAsOf(mandate, '2031-12-01')).toMatchObject({
      state: 'active',
      period: 2,
      periodStart: '2031-12-01',
      lastDay: '2032-06-30',
      renewedBy: { decidedOn: '2031-11-20' },
    });
  });

  it('ends the day after the last renewal’s last day', () => {
    expect(termAsOf(mandate, '2033-06-30')).toMatchObject({ state: 'active', period: 3 });
    expect(termAsOf(mandate, '2033-07-01')).toMatchObject({
      state: 'ended',
      period: 3,
      renewedBy: { reference: 'D/9' },
    });
  });

  it('raises the ceiling from the day of the decision, not before', () => {
    expect(ceilingsAsOf(mandate, '2032-06-14').personnel).toBe(200);
    expect(ceilingsAsOf(mandate, '2032-06-15')).toEqual({
      personnel: 400,
      armouredVehicles: null,
      otherVehicles: null,
    });
  });

  it('refuses a term given in neither or both units', () => {
    expect(MandateInput.safeParse({ startsOn: '2031-06-01' }).error?.issues[0]).toMatchObject({
      path: ['termMonths'],
      message: 'must give the term in years or in months, not both',
    });
  });
});
