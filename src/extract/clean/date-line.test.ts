import { describe, expect, it } from 'vitest';
import { isDateLine } from './date-line.js';

describe('page-date lines', () => {
  it.each([
    ['a weekday, a date and a time', 'Wednesday, 3 March 2021, 09:40'],
    ['a month-first date with a clock time', 'March 3, 2021 9:40 am'],
    ['a Gregorian date beside a Hebrew-calendar one', 'Wednesday, March 3rd | 19 Adar 5781'],
    ['a Hebrew-calendar header alone', '19 Adar 5781'],
    ['an Islamic-calendar date', '19 Rajab 1442'],
    ['a Persian-calendar date', '13 Esfand 1399'],
    ['a Russian date with a time', '3 марта 2021, 09:40'],
    ['a numeric date, a time and a city', 'Wed, 03-03-2021 09:40 AM, Velin'],
    [
      'an agency strip with update and creation times',
      'AGENCY | Velin | Updated: 03-03-2021 09:40 IST | Created: 03-03-2021 09:31 IST',
    ],
    ['a posted-at stamp', 'Posted: Mar 03, 2021 09:40 AM'],
    ['a date with a relative age', 'March 3, 2021 / 9:40 AM / in 3 years'],
    ['a machine date stamp and a counter', 'date 2021-03-03 0'],
    ['a numeric date and a city', '03.03.2021, Velin.'],
    ['Arabic-Indic digits', '٠٣-٠٣-٢٠٢١'],
    ['a relative update time', 'Last updated: 3 hours ago'],
  ])('reads %s as a date line', (_phenomenon, line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each([
    'The truce took effect on 3 March 2021.',
    'On 3 March, 12 people were wounded.',
    'Shelling resumed at 09:40.',
    'Five monitors injured in blast near Velin',
    'Talks resume in March',
    'The second round of talks, held on 3 March 2021 in the capital, ended without a date for the next one.',
  ])('keeps the sentence or headline %j', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});
