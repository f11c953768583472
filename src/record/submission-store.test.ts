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

describeEachDatabase('a field report’s time, position accuracy and date', (t) => {
  it('keeps when it was observed and how accurate the position is, as the monitor sent them', async () => {
    const outcome = await submitFieldReport(
      t.db,
      {
        ...field('offline-key-0003'),
        lat: 39.75,
        lon: 46.75,
        accuracyM: 25,
        observedAt: '2026-03-03T06:30:00Z',
      },
      'mira',
      clock,
    );
    expect(outcome.status).toBe('created');
    if (outcome.status === 'dropped') return;
    const row = await t.db
      .selectFrom('reports')
      .innerJoin('incident_reports', 'incident_reports.report_id', 'reports.id')
      .select('reports.payload')
      .where('incident_reports.incident_id', '=', outcome.incidentId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.payload)).toMatchObject({ accuracyM: 25, observedAt: '2026-03-03T06:30:00Z' });
  });

  it('refuses a day after today, an observation time in the future and a negative accuracy, naming the field', async () => {
    const refusal = (extra: Record<string, unknown>) =>
      submitFieldReport(t.db, { ...field('offline-key-0004'), ...extra }, 'mira', clock).then(
        () => null,
        (error: unknown) => (error as { details?: { field?: string } }).details?.field ?? String(error),
      );
    expect(await refusal({ date: '2026-03-06' })).toBe('date');
    expect(await refusal({ observedAt: '2026-03-05T10:00:00Z' })).toBe('observedAt');
    expect(await refusal({ accuracyM: -3 })).toBe('accuracyM');
    expect(await refusal({ observedAt: 'yesterday' })).toBe('observedAt');
    // The day ahead in a time zone east of UTC is still allowed (UTC+14 is today somewhere).
    expect(await refusal({ date: '2026-03-04' })).toBeNull();
  });
});
