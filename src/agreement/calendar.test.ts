import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  localDate,
  startOfDay,
  zoneOffsetMs,
} from './calendar.js';

describe('calendar arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2020-11-30', 1)).toBe('2020-12-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });

  it('adds months clamping to the last day of a shorter month', () => {
    expect(addMonths('2025-11-10', -6)).toBe('2025-05-10');
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2020-01-15', -13)).toBe('2018-12-15');
  });

  it('adds years, turning 29 February into 28 February', () => {
    expect(addYears('2020-11-10', 5)).toBe('2025-11-10');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts days between dates in both directions', () => {
    expect(daysBetween('2020-11-20', '2020-12-01')).toBe(11);
    expect(daysBetween('2020-12-01', '2020-11-20')).toBe(-11);
  });

  it('adding n days then counting them back gives n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        (n) => daysBetween('2020-11-10', addDays('2020-11-10', n)) === n,
      ),
    );
  });
});

describe('time zones', () => {
  it('starts the day in Moscow three hours before UTC midnight', () => {
    expect(startOfDay('2020-11-10', 'Europe/Moscow').toISOString()).toBe('2020-11-09T21:00:00.000Z');
    expect(zoneOffsetMs(new Date('2020-11-10T00:00:00Z'), 'Europe/Moscow')).toBe(3 * 3600_000);
  });

  it('finds the start of a day across a daylight-saving change', () => {
    expect(startOfDay('2021-03-28', 'Europe/Berlin').toISOString()).toBe('2021-03-27T23:00:00.000Z');
    expect(startOfDay('2021-03-29', 'Europe/Berlin').toISOString()).toBe('2021-03-28T22:00:00.000Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDate(new Date('2020-11-20T20:59:59Z'), 'Europe/Moscow')).toBe('2020-11-20');
    expect(localDate(new Date('2020-11-20T21:00:00Z'), 'Europe/Moscow')).toBe('2020-11-21');
    expect(localDate(new Date('2020-11-20T21:00:00Z'), 'UTC')).toBe('2020-11-20');
  });
});
