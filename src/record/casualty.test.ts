import { describe, expect, it } from 'vitest';
import { reconcileFigures, type ClaimedFigure } from './casualty.js';

const figure = (overrides: Partial<ClaimedFigure>): ClaimedFigure => ({
  reportId: 1,
  category: 'killed',
  population: 'unknown',
  low: 2,
  best: 2,
  high: 2,
  qualifier: 'exact',
  claimant: null,
  ...overrides,
});

describe('reconcileFigures', () => {
  it('never adds up reports of the same deaths', () => {
    const [killed] = reconcileFigures([
      figure({ reportId: 1 }),
      figure({ reportId: 2 }),
      figure({ reportId: 3 }),
    ]);
    expect(killed).toMatchObject({ low: 2, best: 2, high: 2, reports: [1, 2, 3] });
  });

  it('takes the most conservative low, the highest high, and best from the best-documented claim', () => {
    const [killed] = reconcileFigures([
      figure({ reportId: 1, low: 2, best: 2, high: 2, qualifier: 'exact' }),
      figure({ reportId: 2, low: 3, best: 3, high: null, qualifier: 'at_least' }),
      figure({ reportId: 3, low: 1, best: 4, high: 5, qualifier: 'up_to' }),
    ]);
    expect(killed).toMatchObject({ low: 1, best: 2, high: 5 });
    expect(killed?.note).toMatch(/best from report 1 \(exact/);
  });

  it('keeps categories and populations apart', () => {
    const result = reconcileFigures([
      figure({}),
      figure({ category: 'injured', best: 3, low: 3, high: 3 }),
      figure({ population: 'civilians', best: 1, low: 1, high: 1 }),
    ]);
    expect(result).toHaveLength(3);
  });

  it('prefers the value most reports agree on among equally precise claims', () => {
    const [killed] = reconcileFigures([
      figure({ reportId: 1, best: 3, low: 3, high: 3 }),
      figure({ reportId: 2 }),
      figure({ reportId: 3 }),
    ]);
    expect(killed?.best).toBe(2);
    expect(killed?.high).toBe(3);
  });
});
