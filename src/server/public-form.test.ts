import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { addUser } from '../record/user-store.js';
import { createApiToken } from './auth/session-store.js';
import { createApp } from './app.js';
import { testRuntime } from '../platform/test-support/runtime.js';

/** A tiny JPEG-shaped file: SOI, an APP1 EXIF segment holding GPS text, a comment, SOS, data, EOI. */
function jpegWithGps(): Buffer {
  const exif = Buffer.from('Exif\0\0GPSLatitude=39.76;GPSLongitude=44.79');
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, exif.length + 2]), exif]);
  const note = Buffer.from('kept');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app1,
    com,
    Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]),
  ]);
}

describeEachDatabase('the public report form', (t) => {
  const runtime = (): Runtime => ({
    config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db: t.db,
    log: createLogger('silent'),
    close: async () => {},
  });
  const post = (app: ReturnType<typeof createApp>, body: unknown) =>
    app.request('/api/public/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers a missing comment and a missing name with the form messages, naming the field', async () => {
    const app = createApp(runtime());
    const noComment = await post(app, { name: 'Anna', idempotencyKey: 'key-0000001' });
    expect(noComment.status).toBe(400);
    expect(await noComment.json()).toMatchObject({
      error: { code: 'invalid', details: { field: 'comment', rule: 'Please enter your comment!' } },
    });
    const noName = await post(app, {
      comment: 'Shots near the school',
      name: '  ',
      idempotencyKey: 'key-0000002',
    });
    expect(await noName.json()).toMatchObject({
      error: { details: { field: 'name', rule: 'Please enter your name here' } },
    });
  });

  it('names each refused field’s rule by a stable code and its parameters, beside the English words', async () => {
    const app = createApp(runtime());
    const answer = await post(app, {
      comment: 'Shots near the school',
      name: 'N'.repeat(201),
      idempotencyKey: 'key-0000003',
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: {
        message: 'Name must be at most 200 characters',
        details: { field: 'name', ruleCode: 'too_long', params: { max: 200 } },
      },
    });
    const window = await app.request('/api/incidents?from=2020-12-01&to=2020-11-01');
    expect(window.status).toBe(400);
    expect(await window.json()).toMatchObject({
      error: { details: { field: 'from', ruleCode: 'from_after_to', params: {} } },
    });
    const party = await app.request('/api/incidents?party=nobody-at-all');
    expect(await party.json()).toMatchObject({
      error: { details: { field: 'party', ruleCode: 'unknown_party', params: { value: 'nobody-at-all' } } },
    });
  });

  it('files one candidate for review however often it is retried, without showing the reporter', async () => {
    const app = createApp(runtime());
    const body = {
      comment: 'Mortar fire heard east of the village at dawn',
      name: 'Reporter Secret-Name',
      contact: 'secret@example.org',
      idempotencyKey: 'retry-key-123',
      photos: [{ mediaType: 'image/jpeg', data: jpegWithGps().toString('base64') }],
    };
    const first = await post(app, body);
    const second = await post(app, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = (await first.json()) as { reference: number };
    const b = (await second.json()) as { reference: number; repeated: boolean };
    expect(b).toMatchObject({ reference: a.reference, repeated: true });
    expect(
      await t.db
        .selectFrom('public_submissions')
        .selectAll()
        .where('idempotency_key', '=', 'public:retry-key-123')
        .execute(),
    ).toHaveLength(1);

    const analyst = await addUser(t.db, { actor: 'test' }, { username: 'form-analyst', role: 'analyst' });
    const token = await createApiToken(t.db, analyst.id, 'test', new Date());
    const queue = await app.request('/api/review-queue?limit=500', {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await queue.text();
    expect(text).toContain('Mortar fire heard east');
    expect(text).not.toContain('Secret-Name');
    const detail = await (
      await app.request(`/api/incidents/${a.reference}`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(detail).not.toContain('Secret-Name');
    expect(detail).not.toContain('secret@example.org');
    const audit = await t.db
      .selectFrom('audit_entries')
      .select('after')
      .where('entity_type', '=', 'public_submissions')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('Secret-Name');

    const photo = await t.db.selectFrom('attachments').select('bytes').executeTakeFirstOrThrow();
    const stored = Buffer.from(photo.bytes).toString('latin1');
    expect(stored).not.toContain('GPSLatitude');
    expect(stored).not.toContain('kept'); // comments (COM) go too: they can name the camera's owner
  });

  it('drops a submission whose honeypot is filled, answering as if it were received', async () => {
    const app = createApp(runtime());
    const response = await post(app, {
      comment: 'Buy cheap watches',
      name: 'bot',
      website: 'http://spam.example',
      idempotencyKey: 'honeypot-1',
    });
    expect(response.status).toBe(201);
    expect(
      await t.db
        .selectFrom('public_submissions')
        .selectAll()
        .where('idempotency_key', '=', 'public:honeypot-1')
        .execute(),
    ).toHaveLength(0);
  });

  it('refuses a file that is not a JPEG or PNG, naming the photo', async () => {
    const app = createApp(runtime());
    const response = await post(app, {
      comment: 'c',
      name: 'n',
      idempotencyKey: 'not-a-photo',
      photos: [{ mediaType: 'image/gif', data: Buffer.from('GIF89a').toString('base64') }],
    });
    expect(await response.json()).toMatchObject({ error: { details: { field: 'photos.0' } } });
  });
});

describeEachDatabase('the public report form places the report', (t) => {
  it('puts a report naming a place in any spelling on the map, under its neutral name', async () => {
    const runtime: Runtime = testRuntime(t);
    const app = createApp(runtime);
    const response = await app.request('/api/public/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        comment: 'Gunfire at night',
        name: 'A resident',
        placeName: 'shushi',
        idempotencyKey: 'placed-report-1',
      }),
    });
    const { reference } = (await response.json()) as { reference: number };
    const row = await t.db
      .selectFrom('incidents')
      .select(['place_name', 'lat', 'lon', 'geo_precision'])
      .where('id', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.place_name).toMatch(/Shusha/);
    expect(row.lat).toBeCloseTo(39.76, 0);
    expect(row.geo_precision).toBe('near');
  });
});
