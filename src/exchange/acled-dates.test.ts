import { describe, expect, it } from 'vitest';
import { readAcledDate } from './acled-dates.js';

describe('readAcledDate', () => {
  it.each([
    ['28 December 2022', '2022-12-28'],
    ['3 Feb 2021', '2021-02-03'],
    ['9-May-20', '2020-05-09'],
    ['09-May-2020', '2020-05-09'],
    ['2020/03/21', '2020-03-21'],
    ['2020-03-21', '2020-03-21'],
    ['2020-3-1', '2020-03-01'],
    ['2020-03-21 00:00:00', '2020-03-21'],
    ['21/03/2020', '2020-03-21'],
    ['03/21/2020', '2020-03-21'],
    ['21.03.2020', '2020-03-21'],
    ['May 9, 2020', '2020-05-09'],
    ['05/05/2020', '2020-05-05'],
    ['  28 December 2022 ', '2022-12-28'],
  ])('reads %s as %s', (text, date) => {
    expect(readAcledDate(text)).toEqual({ date });
  });

  it('refuses a day-month pair that reads both ways, unless the order is given', () => {
    expect(readAcledDate('03/04/2020')).toEqual({
      error: 'is ambiguous (day/month or month/day); say which with --date-order dmy or mdy',
    });
    expect(readAcledDate('03/04/2020', { order: 'dmy' })).toEqual({ date: '2020-04-03' });
    expect(readAcledDate('03/04/2020', { order: 'mdy' })).toEqual({ date: '2020-03-04' });
    // An unambiguous date is read as it is whatever the order says.
    expect(readAcledDate('21/03/2020', { order: 'mdy' })).toEqual({ date: '2020-03-21' });
  });

  it('takes a two-digit year from the row’s year column, else 19xx from 70', () => {
    expect(readAcledDate('9-May-98')).toEqual({ date: '1998-05-09' });
    expect(readAcledDate('9-May-20', { year: '2020' })).toEqual({ date: '2020-05-09' });
    expect(readAcledDate('9-May-69', { year: '1969' })).toEqual({ date: '1969-05-09' });
  });

  it('names what is wrong with a date it cannot read', () => {
    expect(readAcledDate('30 February 2021')).toEqual({ error: 'must be a real calendar date' });
    expect(readAcledDate('2020-13-01')).toEqual({ error: 'must be a real calendar date' });
    expect(readAcledDate('9-Mai-20')).toEqual({ error: 'names no month ("Mai")' });
    expect(readAcledDate('')).toEqual({ error: 'must not be empty' });
    expect(readAcledDate('yesterday')).toEqual({
      error: 'must be a date such as 28 December 2022, 2022-12-28 or 28-Dec-22',
    });
    expect(readAcledDate('1'.repeat(500))).toEqual({ error: 'must be at most 40 characters' });
  });
});
