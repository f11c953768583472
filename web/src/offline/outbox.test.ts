import { describe, expect, it } from 'vitest';
import { backoffMs, referenceOf, type OutboxEntry } from './outbox.js';

const sent = (answer: unknown): OutboxEntry => ({
  id: 1,
  kind: 'field-report',
  path: '/field-reports',
  label: 'Field report of 2020-12-02',
  body: {},
  idempotencyKey: 'k-12345678',
  createdAt: '2020-12-02T06:00:00.000Z',
  state: 'sent',
  attempts: 1,
  nextTryAt: null,
  sentAt: '2020-12-02T09:00:00.000Z',
  answer,
  reason: null,
  field: null,
  lastFailure: null,
});

describe('the outbox', () => {
  it('waits longer after each failure on the way, up to five minutes', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(30)).toBe(300_000);
  });

  it('names what the server gave back: the candidate incident or the day', () => {
    expect(referenceOf(sent({ incidentId: 42 }))).toBe('candidate incident #42');
    expect(referenceOf(sent({ day: '2020-12-20', patrols: 3 }))).toBe('the record for 2020-12-20');
  });
});
