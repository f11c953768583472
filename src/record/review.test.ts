import { describe, expect, it } from 'vitest';
import { checkReview, reviewActions, statusAfterUnmerge } from './review.js';

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

describe('the review actions an incident offers', () => {
  const state = { status: 'candidate', reportCount: 1, mergedFrom: [] } as const;
  it('offers review and merge on a fresh candidate, split only with two reports', () => {
    expect(reviewActions(state, 'analyst')).toEqual(['review', 'merge']);
    expect(reviewActions({ ...state, reportCount: 2 }, 'analyst')).toEqual(['review', 'merge', 'split']);
  });
  it('offers unmerge on a merged incident and on one holding merged reports, never merge again', () => {
    expect(reviewActions({ ...state, status: 'merged', reportCount: 0 }, 'admin')).toEqual(['unmerge']);
    expect(reviewActions({ ...state, reportCount: 3, mergedFrom: [7] }, 'analyst')).toEqual([
      'review',
      'merge',
      'unmerge',
      'split',
    ]);
  });
  it('offers nothing to those who may not review', () => {
    expect(reviewActions(state, 'liaison')).toEqual([]);
    expect(reviewActions(state, 'public')).toEqual([]);
    expect(reviewActions(state, null)).toEqual([]);
  });
  it('returns an unmerged incident to the status it had, or to review when that is unknown', () => {
    expect(statusAfterUnmerge('confirmed')).toBe('confirmed');
    expect(statusAfterUnmerge('merged')).toBe('under_review');
    expect(statusAfterUnmerge(null)).toBe('under_review');
    expect(statusAfterUnmerge('nonsense')).toBe('under_review');
  });
});
