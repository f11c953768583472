import { describe, expect, it } from 'vitest';
import { CIRCLE_MAX, FAN_SPACING, fanLayout, type Offset } from './fan-layout.js';

const distance = (a: Offset, b: Offset) => Math.hypot(a.x - b.x, a.y - b.y);
const fromSpot = (o: Offset) => Math.hypot(o.x, o.y);

describe('fanning out the incidents of one spot', () => {
  it('gives one place per incident, none for no incident', () => {
    expect(fanLayout(0)).toEqual([]);
    for (const n of [1, 2, 5, CIRCLE_MAX, CIRCLE_MAX + 1, 40]) expect(fanLayout(n)).toHaveLength(n);
  });

  it('puts a few on one circle, the first at the top', () => {
    const places = fanLayout(4);
    const radii = places.map(fromSpot);
    for (const r of radii) expect(r).toBeCloseTo(radii[0] ?? 0, 0);
    expect(places[0]?.x).toBe(0);
    expect(places[0]?.y).toBeLessThan(0);
  });

  it('puts many on a spiral that grows outwards', () => {
    const radii = fanLayout(30).map(fromSpot);
    for (const [i, r] of radii.entries()) if (i > 0) expect(r).toBeGreaterThan(radii[i - 1] ?? 0);
    expect(new Set(radii.map((r) => r.toFixed(1))).size).toBe(30);
  });

  it('keeps every two markers apart, and off the spot itself, for any number', () => {
    for (let n = 1; n <= 80; n++) {
      const places = fanLayout(n);
      for (const [i, a] of places.entries()) {
        expect(fromSpot(a), `${n}: ${i} from the spot`).toBeGreaterThanOrEqual(FAN_SPACING * 0.8);
        for (const b of places.slice(i + 1))
          expect(distance(a, b), `${n} markers`).toBeGreaterThanOrEqual(FAN_SPACING * 0.9);
      }
    }
  });

  it('scales with the spacing asked for', () => {
    const wide = fanLayout(12, FAN_SPACING * 2).map(fromSpot);
    const narrow = fanLayout(12).map(fromSpot);
    for (const [i, r] of wide.entries()) expect(r).toBeCloseTo((narrow[i] ?? 0) * 2, 0);
  });
});
