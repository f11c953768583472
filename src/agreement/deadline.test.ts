import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import {
  asOfDate,
  asOfInstant,
  daysLeft,
  dueInstant,
  hasHappened,
  isPastDue,
  type Deadline,
} from './deadline.js';

const by20: Deadline = { date: '2020-11-20', timeZone: 'Europe/Moscow', inclusive: true };
const before20: Deadline = { ...by20, inclusive: false };

describe('a deadline "by" a date (inclusive)', () => {
  it('is not past due the day before', () => expect(isPastDue(by20, asOfDate('2020-11-19'))).toBe(false));
  it('is not past due on the day itself', () => expect(isPastDue(by20, asOfDate('2020-11-20'))).toBe(false));
  it('is past due the day after', () => expect(isPastDue(by20, asOfDate('2020-11-21'))).toBe(true));

  it('falls due at midnight in the deadline time zone, not in UTC', () => {
    expect(dueInstant(by20).toISOString()).toBe('2020-11-20T21:00:00.000Z');
    expect(isPastDue(by20, asOfInstant(new Date('2020-11-20T20:59:59.999Z')))).toBe(false);
    expect(isPastDue(by20, asOfInstant(new Date('2020-11-20T21:00:00.000Z')))).toBe(true);
  });

  it('passes earlier in a zone east of Moscow', () => {
    const baku: Deadline = { ...by20, timeZone: 'Asia/Baku' };
    const at = asOfInstant(new Date('2020-11-20T20:30:00Z'));
    expect(isPastDue(baku, at)).toBe(true);
    expect(isPastDue(by20, at)).toBe(false);
  });

  it('counts the days left, 0 on the last day', () => {
    expect(daysLeft(by20, asOfDate('2020-11-19'))).toBe(1);
    expect(daysLeft(by20, asOfDate('2020-11-20'))).toBe(0);
    expect(daysLeft(by20, asOfDate('2020-11-21'))).toBe(-1);
  });
});

describe('a deadline "before" a date (exclusive)', () => {
  it('is not past due the day before', () => expect(isPastDue(before20, asOfDate('2020-11-19'))).toBe(false));
  it('is past due on the day itself', () => expect(isPastDue(before20, asOfDate('2020-11-20'))).toBe(true));
  it('is past due the day after', () => expect(isPastDue(before20, asOfDate('2020-11-21'))).toBe(true));
  it('falls due at the start of the day in its zone', () =>
    expect(dueInstant(before20).toISOString()).toBe('2020-11-19T21:00:00.000Z'));
  it('has its last day the day before', () => expect(daysLeft(before20, asOfDate('2020-11-19'))).toBe(0));
});

describe('whether a dated fact had happened', () => {
  it('counts a fact dated the as-of day itself', () => {
    expect(hasHappened('2020-11-20', asOfDate('2020-11-20'), 'Europe/Moscow')).toBe(true);
    expect(hasHappened('2020-11-21', asOfDate('2020-11-20'), 'Europe/Moscow')).toBe(false);
  });

  it('counts a fact from the moment its day begins in the zone', () => {
    expect(hasHappened('2020-11-21', asOfInstant(new Date('2020-11-20T21:00:00Z')), 'Europe/Moscow')).toBe(
      true,
    );
    expect(hasHappened('2020-11-21', asOfInstant(new Date('2020-11-20T20:59:59Z')), 'Europe/Moscow')).toBe(
      false,
    );
  });
});

describe('any deadline, in any zone', () => {
  const zones = [
    'Europe/Moscow',
    'Asia/Baku',
    'Asia/Yerevan',
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Pacific/Kiritimati',
  ];
  const day = fc
    .integer({ min: 0, max: 365 * 30 })
    .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

  it('is pending the day before and on the day when inclusive, and past due the day after', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...zones), (date, timeZone) => {
        const deadline: Deadline = { date, timeZone, inclusive: true };
        return (
          !isPastDue(deadline, asOfDate(addDays(date, -1))) &&
          !isPastDue(deadline, asOfDate(date)) &&
          isPastDue(deadline, asOfDate(addDays(date, 1)))
        );
      }),
    );
  });

  it('is past due on the day itself when exclusive, exactly one day earlier than inclusive', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...zones), (date, timeZone) => {
        const exclusive: Deadline = { date, timeZone, inclusive: false };
        return (
          !isPastDue(exclusive, asOfDate(addDays(date, -1))) &&
          isPastDue(exclusive, asOfDate(date)) &&
          dueInstant(exclusive).getTime() < dueInstant({ ...exclusive, inclusive: true }).getTime()
        );
      }),
    );
  });
});
