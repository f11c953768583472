import { describe, expect, it } from 'vitest';
import { actorType, interaction } from './actor-types.js';
import { fromSpreadsheetText, toSpreadsheetText } from './csv-safety.js';
import { acledEventDate, acledTimePrecision, ucdpDatePrecision } from './dates.js';
import { acledFatalities, withVagueFloor } from './fatalities.js';
import { formatInterval, nextPollDelaySeconds, parseInterval } from './feeds/interval.js';

const killed = (population: string, low: number) => ({
  category: 'killed',
  population,
  low,
  best: low,
  high: low,
  reports: [1],
  note: '',
});

describe('ACLED codes', () => {
  it('adds deaths of different populations and counts unknown ones only beyond them', () => {
    expect(acledFatalities([killed('Armenia', 2), killed('civilians', 1)])).toBe(3);
    expect(acledFatalities([killed('Armenia', 2), killed('unknown', 5)])).toBe(5);
    expect(acledFatalities([{ ...killed('unknown', 4), category: 'injured' }])).toBe(0);
  });

  it('gives vague words their ACLED floor only when a claim has no lower number', () => {
    const claim = { reportId: 1, category: 'killed', population: 'unknown', claimant: null };
    expect(withVagueFloor({ ...claim, qualifier: 'dozens', low: null, best: null, high: null }).low).toBe(12);
    expect(withVagueFloor({ ...claim, qualifier: 'hundreds', low: null, best: null, high: null }).low).toBe(
      100,
    );
    expect(withVagueFloor({ ...claim, qualifier: 'several', low: 4, best: 5, high: 9 }).low).toBe(4);
  });

  it('codes a state’s forces abroad as External/Other forces and orders interactions by code', () => {
    expect(actorType('Military Forces of Russia', 'AZ')).toBe('External/Other forces');
    expect(actorType('Azerbaijani army', 'AZ')).toBe('State forces');
    expect(actorType('Civilians (Armenia)', 'AM')).toBe('Civilians');
    expect(actorType('Russian peacekeepers', 'AZ')).toBe('External/Other forces');
    expect(actorType('Someone unknown', 'AZ')).toBe('');
    expect(interaction('Civilians', 'State forces', true)).toBe('State forces-Civilians');
    expect(interaction('', 'Protesters', false)).toBe('Protesters only');
  });

  it('codes time precision 1–3 and records a period at its middle day', () => {
    const span = (dateStart: string, dateEnd: string, datePrecision: 'day' | 'week' | 'month') => ({
      dateStart,
      dateEnd,
      datePrecision,
    });
    expect(acledTimePrecision(span('2020-11-09', '2020-11-09', 'day'))).toBe(1);
    expect(acledTimePrecision(span('2020-11-09', '2020-11-13', 'day'))).toBe(2);
    expect(acledTimePrecision(span('2020-11-01', '2020-11-30', 'month'))).toBe(3);
    expect(acledEventDate(span('2020-11-01', '2020-11-30', 'month'))).toBe('2020-11-15');
    expect(ucdpDatePrecision(span('2020-11-09', '2020-11-11', 'day'))).toBe(2);
  });
});

describe('spreadsheet safety', () => {
  it('makes formula-like text inert and takes the mark off again, leaving numbers alone', () => {
    for (const text of ['=SUM(A1)', '+1', '@cmd', '-x', 'plain'])
      expect(fromSpreadsheetText(toSpreadsheetText(text))).toBe(text);
    expect(toSpreadsheetText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(toSpreadsheetText('-12.5')).toBe('-12.5');
  });
});

describe('feed intervals', () => {
  it('reads 15m, 2h, 1d and refuses what it cannot read, naming the rule', () => {
    expect(parseInterval('15m')).toBe(900);
    expect(parseInterval('1d')).toBe(86_400);
    expect(() => parseInterval('10s')).toThrow(/--every: must be a number and a unit/);
    expect(() => parseInterval('soon')).toThrow(/--every/);
    expect(formatInterval(7200)).toBe('2h');
  });

  it('doubles the wait per failure, up to a day', () => {
    expect(nextPollDelaySeconds(900, 0)).toBe(900);
    expect(nextPollDelaySeconds(900, 3)).toBe(7200);
    expect(nextPollDelaySeconds(900, 12)).toBe(86_400);
  });
});
