import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DATE_PRECISION,
  DATE_PRECISIONS,
  EXTRACTED_DATE_PRECISIONS,
  INCIDENT_KIND,
  INCIDENT_KINDS,
  QUALIFIER,
  effectiveDatePrecision,
  incidentKindOf,
  kindsWhere,
  recordDatePrecision,
} from './index.js';

describe('incident kinds', () => {
  it('give every kind an ACLED type and sub-type and a label', () => {
    for (const kind of INCIDENT_KINDS) {
      expect(INCIDENT_KIND[kind].acled.sub_event_type, kind).not.toBe('');
      expect(INCIDENT_KIND[kind].label, kind).not.toBe('');
    }
  });

  it('count as violence exactly the acts of armed force', () => {
    expect([...kindsWhere((k) => k.isViolence)]).toEqual([
      'ceasefire_violation',
      'armed_clash',
      'shelling',
      'air_strike',
      'aircraft_shot_down',
      'landmine',
      'grenade',
      'suicide_bomb',
      'chemical_weapon',
      'disrupted_weapons_use',
      'attack',
      'sexual_violence',
      'attack_on_monitors',
      'territory_change',
      'territory_seized',
    ]);
  });

  it('count as breaches in a bulletin the violence of the day and restrictions on monitors, not mines', () => {
    const breaches = kindsWhere((k) => k.isBreach);
    expect(breaches.has('movement_restriction')).toBe(true);
    expect(breaches.has('landmine')).toBe(false);
    expect(breaches.has('protest')).toBe(false);
    // A drone shot down or a device defused did not land: not counted as a breach by itself.
    expect(breaches.has('disrupted_weapons_use')).toBe(false);
    expect(breaches.has('grenade')).toBe(true);
    expect(breaches.size).toBe(14);
  });

  it('happen once per article only for agreements and deployments', () => {
    expect([...kindsWhere((k) => k.isOncePerArticle)]).toEqual(['agreement', 'deployment']);
  });

  it('read an unknown kind as other', () => {
    expect(incidentKindOf('shelling')).toBe('shelling');
    expect(incidentKindOf('bombardment')).toBe('other');
  });
});

describe('date precisions', () => {
  it('map each extracted precision to one the record keeps', () => {
    const expected = {
      day: 'day',
      night: 'night',
      days: 'days',
      week: 'week',
      part_of_month: 'month',
      month: 'month',
      part_of_year: 'season',
      year: 'year',
      decade: 'decade',
      approximate: 'week',
    };
    for (const p of EXTRACTED_DATE_PRECISIONS) expect(recordDatePrecision(p, 7), p).toBe(expected[p]);
    expect(recordDatePrecision('approximate', 28)).toBe('month');
    expect(recordDatePrecision('approximate', 92)).toBe('season');
  });

  it('code a night as ACLED precision 1 and a week as 2', () => {
    expect(DATE_PRECISION.night.acledTimePrecision).toBe(1);
    expect(DATE_PRECISION.day.acledTimePrecision).toBe(1);
    expect(DATE_PRECISION.week.acledTimePrecision).toBe(2);
    expect(DATE_PRECISION.month.acledTimePrecision).toBe(3);
    expect(DATE_PRECISIONS).toHaveLength(9);
  });

  it('follow a range of several days, except for one night, an unknown date and a single date', () => {
    expect(effectiveDatePrecision('night', 2)).toBe('night');
    expect(effectiveDatePrecision('night', 3)).toBe('days');
    expect(effectiveDatePrecision('day', 10)).toBe('month');
    expect(effectiveDatePrecision('week', 2)).toBe('days');
    expect(effectiveDatePrecision('unknown', 3)).toBe('unknown');
    expect(effectiveDatePrecision('month', 1)).toBe('month');
  });
});

describe('qualifiers', () => {
  it('give vague words ACLED’s floors and numeric ones none', () => {
    expect(QUALIFIER.several.floor).toBe(3);
    expect(QUALIFIER.dozens.floor).toBe(12);
    expect(QUALIFIER.hundreds.floor).toBe(100);
    expect(QUALIFIER.more_than.floor).toBeNull();
    expect(QUALIFIER.exact.documentation).toBeGreaterThan(QUALIFIER.about.documentation);
  });
});

describe('the vocabulary module', () => {
  it('imports nothing from the rest of Truce, so every part may import it', () => {
    const folder = new URL('./', import.meta.url);
    const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of sources) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.filter((i) => i !== 'zod' && !i?.startsWith('./')),
        file,
      ).toEqual([]);
    }
  });
});
