import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';

const first = (text: string, published: string | null = '2020-11-10') => {
  const d = findDates(text, published)[0];
  return d ? [d.from, d.to, d.precision] : undefined;
};

describe('findDates (published Tuesday 10 November 2020)', () => {
  it('resolves a weekday to the most recent such day on or before publication', () => {
    expect(first('announced in the early hours of Tuesday')).toEqual(['2020-11-10', '2020-11-10', 'day']);
    expect(first('captured the town on Sunday')).toEqual(['2020-11-08', '2020-11-08', 'day']);
    expect(first('last Tuesday')).toEqual(['2020-11-03', '2020-11-03', 'day']);
  });

  it('resolves a weekday forward when the text points forward', () => {
    expect(first('the opposition called for a protest on Wednesday')).toEqual([
      '2020-11-11',
      '2020-11-11',
      'day',
    ]);
    expect(first('talks will resume on Friday')).toEqual(['2020-11-13', '2020-11-13', 'day']);
  });

  it('turns parts of months, decades and years into ranges', () => {
    expect(first('fighting erupted in late September')).toEqual([
      '2020-09-21',
      '2020-09-30',
      'part_of_month',
    ]);
    expect(first('by mid-October')).toEqual(['2020-10-11', '2020-10-20', 'part_of_month']);
    expect(first('the war in the early 1990s')).toEqual(['1990-01-01', '1993-12-31', 'decade']);
    expect(first('protests in 2018')).toEqual(['2018-01-01', '2018-12-31', 'year']);
  });

  it('resolves days and periods relative to publication', () => {
    expect(first('shelling yesterday afternoon')).toEqual(['2020-11-09', '2020-11-09', 'day']);
    expect(first('refugees fled last week')).toEqual(['2020-11-02', '2020-11-08', 'week']);
    expect(first('independence nearly 30 years ago')?.[2]).toBe('approximate');
  });

  it('reads calendar dates with and without a year', () => {
    expect(first('on Nov. 9, 2020')).toEqual(['2020-11-09', '2020-11-09', 'day']);
    expect(first('on 9 November')).toEqual(['2020-11-09', '2020-11-09', 'day']);
    expect(first('on December 28')).toEqual(['2019-12-28', '2019-12-28', 'day']);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    expect(first('on Sunday', null)).toBeUndefined();
    expect(first('on 9 November 2020', null)).toEqual(['2020-11-09', '2020-11-09', 'day']);
  });

  it('does not read the verb "may" as the month', () => {
    expect(findDates('the truce may hold', '2020-11-10')).toEqual([]);
  });
});

describe('date roles and new expressions (published Tuesday 10 November 2020)', () => {
  const roles = (text: string) => findDates(text, '2020-11-10').map((d) => [d.text, d.role]);

  it('marks a page stamp and a dateline as the page date, never an event date', () => {
    expect(roles('date 2020-11-10 Gunmen burned a granary in the hills.')).toEqual([['2020-11-10', 'stamp']]);
    expect(roles('PORTVILLE, Nov 10 (Wire) - A granary burned.')[0]).toEqual(['Nov 10', 'stamp']);
    expect(roles('KESTOW, 9 November 2020 – The observers reported calm.')[0]?.[1]).toBe('stamp');
  });

  it('keeps a date that opens a sentence of the story as an event date', () => {
    expect(roles('On 9 November, a mortar round hit the depot.')[0]).toEqual(['9 November', 'event']);
  });

  it('marks the day a statement was made', () => {
    expect(roles('The granary burned, the governor said on Monday.')[0]).toEqual(['Monday', 'speech']);
    expect(roles('An envoy on Monday urged calm after the raid.')[0]).toEqual(['Monday', 'speech']);
    expect(roles('Shops have stayed shut since Monday.')[0]).toEqual(['Monday', 'since']);
  });

  it('reads a range written as two days', () => {
    expect(first('between the evenings of November 6 and November 8, the monitors heard blasts')).toEqual([
      '2020-11-06',
      '2020-11-08',
      'days',
    ]);
  });

  it('reads a bulletin period and a number of days back', () => {
    expect(first('recorded over the past day')).toEqual(['2020-11-09', '2020-11-10', 'days']);
    expect(first('It came three days after a convoy was hit.')).toEqual(['2020-11-07', '2020-11-07', 'day']);
  });

  it('keeps what "overnight" counts from, so a dated statement can re-anchor it', () => {
    const [overnight] = findDates('an overnight raid', '2020-11-10');
    expect(overnight?.offset).toEqual({ start: -1, end: 0 });
    expect(findDates('shelling yesterday', '2020-11-10')[0]?.offset).toBeUndefined();
  });
});

describe('the date rules', () => {
  it('hold their cheap pre-test in every match, so skipping a rule never hides a date', async () => {
    const { DATE_RULES } = await import('./date-rules.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('./fixtures/', import.meta.url);
    const texts = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    texts.push(
      'Two days after the raid, and three weeks earlier, in the late 1990s and the 2010s, six months AGO, over the past 24 hours.',
      'A WEEK AFTER the vote; some 20 years ago; the early 1980s; in the Past Day.',
    );
    let checked = 0;
    for (const rule of DATE_RULES) {
      if (!rule.needs) continue;
      for (const text of texts)
        for (const m of text.matchAll(new RegExp(rule.re.source, rule.re.flags))) {
          expect(rule.needs.test(m[0]), `${rule.re.source}: ${m[0]}`).toBe(true);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
