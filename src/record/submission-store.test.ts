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

/** A small JPEG with an EXIF segment holding a GPS position, as a phone's camera writes it. */
function phoneJpeg(): Buffer {
  const segment = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe1, Buffer.from('Exif\0\0GPSLatitude 40.1 N GPSLongitude 46.7 E', 'latin1')),
    segment(0xdb, Buffer.from([0, ...new Array<number>(64).fill(1)])),
    segment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}

describeEachDatabase('photos with a field report', (t) => {
  const photo = { mediaType: 'image/jpeg', data: phoneJpeg().toString('base64') };

  it('stores each photo without its location metadata; the device position stays the report’s own field', async () => {
    const outcome = await submitFieldReport(
      t.db,
      { ...field('photo-key-0001'), lat: 39.75, lon: 46.75, photos: [photo, photo] },
      'mira',
      clock,
    );
    if (outcome.status === 'dropped') throw new Error('dropped');
    const stored = await t.db
      .selectFrom('attachments')
      .innerJoin('incident_reports', 'incident_reports.report_id', 'attachments.report_id')
      .select(['attachments.bytes', 'attachments.media_type'])
      .where('incident_reports.incident_id', '=', outcome.incidentId)
      .execute();
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.media_type).toBe('image/jpeg');
      const text = Buffer.from(row.bytes).toString('latin1');
      expect(text).not.toContain('GPS');
      expect(text).not.toContain('Exif');
    }
    const incident = await t.db
      .selectFrom('incidents')
      .select(['lat', 'lon'])
      .where('id', '=', outcome.incidentId)
      .executeTakeFirstOrThrow();
    expect([incident.lat, incident.lon]).toEqual([39.75, 46.75]);
    // A resend of the same key stores no second copy of the photos.
    await submitFieldReport(t.db, { ...field('photo-key-0001'), photos: [photo, photo] }, 'mira', clock);
    const all = await t.db.selectFrom('attachments').select('id').execute();
    expect(all).toHaveLength(2);
  });

  it('refuses too many photos, one too large, or one that is not a photo, naming the field and the rule', async () => {
    const refusal = (photos: unknown[]) =>
      submitFieldReport(t.db, { ...field('photo-key-0002'), photos }, 'mira', clock).then(
        () => null,
        (error: unknown) => {
          const e = error as { message: string; details?: { field?: string } };
          return `${e.details?.field ?? '?'}: ${e.message}`;
        },
      );
    expect(await refusal([photo, photo, photo, photo])).toMatch(/^photos: .*at most 3 photos/);
    const huge = { mediaType: 'image/jpeg', data: 'A'.repeat(8 * 1024 * 1024) };
    expect(await refusal([photo, huge])).toMatch(/^photos\.1\.data: .*at most 5 MB/);
    const text = { mediaType: 'text/plain', data: Buffer.from('not a photo').toString('base64') };
    expect(await refusal([text])).toMatch(/^photos\.0: .*JPEG or PNG/);
    expect(await t.db.selectFrom('attachments').select('id').execute()).toHaveLength(2);
  });
});
