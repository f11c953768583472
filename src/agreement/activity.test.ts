import { describe, expect, it } from 'vitest';
import { ActivityInput, changedFields, correctedActivity, prefillFrom } from './activity.js';

const filed = (day: string, extra: Partial<ActivityInput> = {}) =>
  ActivityInput.parse({ day, patrols: 3, returned: 100, notes: `notes of ${day}`, ...extra });

describe('correcting a filed day', () => {
  it('replaces only the figures given and keeps the day', () => {
    const next = correctedActivity(filed('2020-11-20'), { deminedRoadKm: 1.5, reason: 'road left out' });
    expect(next).toMatchObject({ day: '2020-11-20', patrols: 3, returned: 100, deminedRoadKm: 1.5 });
  });

  it('names the fields a correction changed, in the order of the form', () => {
    const before = filed('2020-11-20');
    const after = correctedActivity(before, { returned: 120, patrols: 4, reason: 'recounted' });
    expect(changedFields(before, after)).toEqual(['patrols', 'returned']);
  });

  it('refuses a correction that changes nothing, one without a reason, and a negative figure, naming each', () => {
    const day = filed('2020-11-20');
    expect(() => correctedActivity(day, { patrols: 3, reason: 'same' })).toThrow(/at least one figure/);
    expect(() => correctedActivity(day, { patrols: 4, reason: ' ' })).toThrow(/reason/);
    expect(() => correctedActivity(day, { deminedBuildings: -2, reason: 'typo' })).toThrow(
      /deminedBuildings/,
    );
  });
});

describe('pre-filling a new day', () => {
  it("starts from the last day filed before it, without that day's notes and sources", () => {
    const records = [
      filed('2020-11-18', { patrols: 2 }),
      filed('2020-11-20', { patrols: 5 }),
      filed('2020-11-25'),
    ];
    expect(prefillFrom(records, '2020-11-21')).toMatchObject({
      day: '2020-11-21',
      patrols: 5,
      notes: null,
      sources: [],
    });
  });

  it('gives nothing when no day was filed before', () => {
    expect(prefillFrom([filed('2020-11-20')], '2020-11-20')).toBeNull();
  });
});
