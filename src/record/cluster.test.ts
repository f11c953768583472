import { describe, expect, it } from 'vitest';
import { clusterClaims } from './cluster.js';
import type { Claim } from './merge-features.js';

const at = (lat: number, lon: number, id: string) => ({
  id,
  lat,
  lon,
  precision: 'near' as const,
  ancestors: ['az-nagorno-karabakh'],
});
const claim = (overrides: Partial<Claim>): Claim => ({
  kind: 'shelling',
  dateStart: '2021-03-15',
  dateEnd: '2021-03-15',
  place: at(39.79, 47.11, 'az-martuni'),
  parties: [],
  killed: null,
  ...overrides,
});

describe('clusterClaims', () => {
  it('groups reports of one event, keeps others apart, and leaves a region-level report between two candidates alone', () => {
    const result = clusterClaims([
      { item: 'a1', claim: claim({}) },
      { item: 'a2', claim: claim({ dateStart: '2021-03-16', dateEnd: '2021-03-16' }) },
      { item: 'b1', claim: claim({ place: at(39.93, 46.83, 'az-askeran') }) },
      { item: 'c1', claim: claim({ kind: 'protest' }) },
      { item: 'd1', claim: claim({ dateStart: '2022-01-01', dateEnd: '2022-01-01' }) },
      {
        item: 'a3',
        claim: claim({
          place: { id: 'az-nagorno-karabakh', lat: 39.8, lon: 46.8, precision: 'region', ancestors: [] },
        }),
      },
    ]);
    expect(result.clusters.map((c) => c.members)).toEqual([['a1', 'a2'], ['b1'], ['c1'], ['d1'], ['a3']]);
    expect(result.comparisons).toBeLessThan(15);
  });

  it('finds a cluster that a coarse report opened once a precise report gives it a point', () => {
    const region = {
      id: 'az-nagorno-karabakh',
      lat: 39.8,
      lon: 46.8,
      precision: 'region' as const,
      ancestors: [],
    };
    const result = clusterClaims([
      { item: 'coarse', claim: claim({ place: region }) },
      {
        item: 'precise',
        claim: claim({ place: { ...at(39.79, 47.11, 'az-martuni'), ancestors: ['az-nagorno-karabakh'] } }),
      },
      { item: 'later', claim: claim({}) },
    ]);
    expect(result.clusters.map((c) => c.members)).toEqual([['coarse', 'precise', 'later']]);
  });
});
