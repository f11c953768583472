import { describe, expect, it } from 'vitest';
import { compareClaims, decideMerge, MERGE_THRESHOLD, type Claim } from './dedup.js';

const martuni = {
  id: 'az-martuni',
  lat: 39.79,
  lon: 47.11,
  precision: 'near' as const,
  ancestors: ['az-nagorno-karabakh', 'az'],
};
const askeran = {
  id: 'az-askeran',
  lat: 39.93,
  lon: 46.83,
  precision: 'near' as const,
  ancestors: ['az-nagorno-karabakh', 'az'],
};
const karabakh = {
  id: 'az-nagorno-karabakh',
  lat: 39.82,
  lon: 46.76,
  precision: 'region' as const,
  ancestors: ['az'],
};

const claim = (overrides: Partial<Claim> = {}): Claim => ({
  kind: 'shelling',
  dateStart: '2021-03-15',
  dateEnd: '2021-03-15',
  place: martuni,
  parties: ['armenia', 'azerbaijan'],
  killed: { low: 2, high: 2 },
  ...overrides,
});

describe('compareClaims', () => {
  it('merges two reports of the same shelling at the same place and day', () => {
    const result = compareClaims(claim(), claim({ killed: { low: 2, high: 3 } }));
    expect(result.merge).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(MERGE_THRESHOLD);
    expect(result.reason).toMatch(/same place \(az-martuni\)/);
    expect(result.features.map((f) => f.name)).toEqual(['kind', 'date', 'place', 'parties', 'killed']);
  });

  it('merges a report naming only the region the village lies in', () => {
    expect(compareClaims(claim({ place: karabakh }), claim()).merge).toBe(true);
  });

  it('merges a report dated a day later (publication date standing in for "Monday")', () => {
    expect(compareClaims(claim({ dateStart: '2021-03-16', dateEnd: '2021-03-16' }), claim()).merge).toBe(
      true,
    );
  });

  it('keeps apart the same kind on the same day at a village 28 km away', () => {
    const result = compareClaims(claim({ place: askeran }), claim());
    expect(result.merge).toBe(false);
    expect(result.reason).toMatch(/kept apart: \d+\.\d km apart/);
  });

  it('keeps apart a protest and a shelling at the same place and day', () => {
    const result = compareClaims(claim({ kind: 'protest', parties: ['protesters'], killed: null }), claim());
    expect(result.merge).toBe(false);
    expect(result.reason).toMatch(/different kinds of event/);
  });

  it('keeps apart the same place and kind a week later', () => {
    expect(compareClaims(claim({ dateStart: '2021-03-22', dateEnd: '2021-03-22' }), claim()).reason).toMatch(
      /7 days apart/,
    );
  });

  it('accepts related kinds of the same family, with a lower score than the same kind', () => {
    const same = compareClaims(claim(), claim());
    const related = compareClaims(claim({ kind: 'armed_clash' }), claim());
    expect(related.merge).toBe(true);
    expect(related.score).toBeLessThan(same.score);
  });
});

describe('decideMerge', () => {
  it('joins the best candidate that may merge and explains why', () => {
    const decision = decideMerge(claim(), [
      { id: 1, claim: claim({ place: askeran }) },
      { id: 2, claim: claim({ place: karabakh }) },
      { id: 3, claim: claim() },
    ]);
    expect(decision).toMatchObject({ kind: 'merge', into: 3 });
  });

  it('opens a new incident when nothing may merge, keeping the closest comparison', () => {
    const nearby = { ...martuni, id: 'somewhere-else', lat: 39.83 };
    const decision = decideMerge(claim(), [
      { id: 1, claim: claim({ place: askeran }) },
      { id: 2, claim: claim({ place: nearby, parties: ['russia'], killed: { low: 10, high: 12 } }) },
    ]);
    expect(decision.kind).toBe('new');
    expect(decision.kind === 'new' && decision.best?.id).toBe(2);
  });

  it('does not guess which of two incidents a report naming only their region belongs to', () => {
    const decision = decideMerge(claim({ place: karabakh }), [
      { id: 1, claim: claim() },
      { id: 2, claim: claim({ place: askeran }) },
    ]);
    expect(decision.kind).toBe('new');
    expect(decision.kind === 'new' && decision.best?.comparison.reason).toMatch(/fits several incidents/);
  });
});
