import { describe, expect, it } from 'vitest';
import { countryLand, countryOutlines, landmassCentre, referencePoint } from './country-land.js';
import { countryPoints } from './load.js';

/** Great-circle distance in km, for the assertions. */
function km(a: readonly [number, number], b: readonly [number, number]): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b[0] - a[0]) * r) / 2) ** 2 +
    Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a[1]) * r) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

/** A square polygon (one outer ring, lon/lat) with its lower-left corner at (lon, lat). */
function square(lon: number, lat: number, side: number): number[][][] {
  return [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ],
  ];
}

describe('a country’s reference point', () => {
  it('is the centre of its main landmass, not of its whole territory', () => {
    // The geographic centre of the 48 contiguous states lies near Lebanon, Kansas (39.8 N, 98.6 W);
    // that of all 50 states, Alaska and Hawaii included, near Belle Fourche, South Dakota (45.0 N,
    // 103.8 W). The point is the first, within the tolerance of the projection used.
    const us = countryPoints().get('US');
    expect(us).toBeDefined();
    if (!us) return;
    expect(km(us, [39.83, -98.58])).toBeLessThan(150);
    expect(km(us, [44.97, -103.77])).toBeGreaterThan(500);
  });

  it('keeps the given point when it already lies near the main landmass’s centre', () => {
    const land = [square(10, 40, 4)];
    expect(referencePoint({ lat: 42.5, lon: 12.5 }, land)).toEqual({ lat: 42.5, lon: 12.5 });
  });

  it('moves a given point far from the main landmass to the landmass’s centre', () => {
    // A large block and a small island far to the east: the island must not drag the point.
    const land = [square(0, 0, 10), square(40, 0, 1)];
    const p = referencePoint({ lat: 5, lon: 20 }, land);
    expect(p.lon).toBeCloseTo(5, 1);
    expect(p.lat).toBeGreaterThan(4.9);
    expect(p.lat).toBeLessThan(5.1);
  });

  it('keeps the given point of an archipelago, whose largest island is not its main land', () => {
    const islands = [square(0, 0, 2), square(10, 0, 2), square(20, 0, 2.2)];
    expect(landmassCentre(islands)?.share).toBeLessThan(0.5);
    expect(referencePoint({ lat: 1, lon: 11 }, islands)).toEqual({ lat: 1, lon: 11 });
  });

  it('subtracts a hole from the landmass (a country around an enclave)', () => {
    const ring = square(0, 0, 10)[0] ?? [];
    const hole = (square(0, 0, 5)[0] ?? []).slice().reverse();
    const c = landmassCentre([[ring, hole]]);
    // Without its lower-left quarter, the centre moves up and right of (5, 5).
    expect(c?.lon).toBeGreaterThan(5.5);
    expect(c?.lat).toBeGreaterThan(5.5);
  });

  it('lies on its country’s land for every country the outlines hold', () => {
    const outlines = countryOutlines();
    const land = countryLand(outlines);
    let centred = 0;
    for (const [country, polygons] of outlines) {
      const c = landmassCentre(polygons);
      if (!c) continue;
      centred++;
      expect(land(country, c.lat, c.lon), country).toBe(0);
    }
    // Only a crescent-shaped landmass has its centre off its land (none is expected to be common).
    expect(centred).toBeGreaterThan(outlines.size * 0.9);
  });
});
