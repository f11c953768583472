import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { submitFieldReport, submitPublicReport } from './submission-store.js';

const clock = () => new Date('2026-03-04T10:00:00Z');
const field = (key: string) => ({
  kind: 'shelling',
  date: '2026-03-03',
  description: 'Shelling heard to the east of the post at night.',
  idempotencyKey: key,
});

describeEachDatabase('submission idempotency keys, scoped by channel and account', (t) => {
  it('files a public report whose key a field report already used, instead of dropping it', async () => {
    const fieldOutcome = await submitFieldReport(t.db, field('shared-key-0001'), 'mira', clock);
    const publicOutcome = await submitPublicReport(
      t.db,
      { comment: 'Windows broken on our street.', name: 'A neighbour', idempotencyKey: 'shared-key-0001' },
      clock,
    );
    expect(fieldOutcome.status).toBe('created');
    expect(publicOutcome.status).toBe('created');
    if (fieldOutcome.status !== 'dropped' && publicOutcome.status !== 'dropped')
      expect(publicOutcome.incidentId).not.toBe(fieldOutcome.incidentId);
  });

  it('keeps two monitors apart, and one monitor retrying gets the first outcome back', async () => {
    const first = await submitFieldReport(t.db, field('monitor-key-0002'), 'mira', clock);
    const other = await submitFieldReport(t.db, field('monitor-key-0002'), 'tomas', clock);
    const retry = await submitFieldReport(t.db, field('monitor-key-0002'), 'mira', clock);
    expect([first.status, other.status, retry.status]).toEqual(['created', 'created', 'repeated']);
    if (first.status !== 'dropped' && retry.status !== 'dropped')
      expect(retry.incidentId).toBe(first.incidentId);
  });
});
