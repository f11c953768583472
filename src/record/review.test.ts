import { describe, expect, it } from 'vitest';
import { checkReview } from './review.js';

const request = {
  from: 'candidate' as const,
  to: 'under_review' as const,
  role: 'analyst' as const,
  reason: 'two outlets agree',
  baseVersion: 3,
  currentVersion: 3,
};

describe('checkReview', () => {
  it('lets an analyst move a candidate under review with a reason', () => {
    expect(() => checkReview(request)).not.toThrow();
  });

  it.each([
    [{ role: 'liaison' as const }, 'forbidden'],
    [{ role: 'monitor' as const }, 'forbidden'],
    [{ reason: '  ' }, 'invalid'],
    [{ baseVersion: 2 }, 'conflict'],
    [{ to: 'confirmed' as const }, 'invalid'],
    [{ from: 'merged' as const }, 'invalid'],
  ])('refuses %o with %s', (change, code) => {
    expect(() => checkReview({ ...request, ...change })).toThrow(expect.objectContaining({ code }));
  });

  it('names the allowed next statuses when a step is not allowed', () => {
    expect(() => checkReview({ ...request, to: 'confirmed' })).toThrow(
      /cannot go from candidate to confirmed; allowed: under_review, rejected/,
    );
  });
});
