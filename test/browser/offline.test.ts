import SqliteDatabase from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, signIn } from './support/app.js';
import { axeViolations } from './support/axe.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST, MONITOR } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const FIRST = 'Offline one: three impacts heard south of the observation post.';
const SECOND = 'Offline two: a burnt-out truck on the road to the river crossing.';
const FUTURE = 'Offline three: a checkpoint moved closer to the village.';
const EXPIRED = 'Offline four: filed while the session ran out.';
const DAY = '2020-12-27';

/**
 * A tiny JPEG as a phone's camera writes it: an EXIF segment with a GPS position (words a
 * stripped copy must not hold), then tables, a frame and a scan.
 */
function phoneJpeg(): Buffer {
  const segment = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\u0001\u0002', 'latin1')),
    segment(0xe1, Buffer.from('Exif\0\0GPSLatitude 39.8 N GPSLongitude 46.8 E', 'latin1')),
    segment(0xdb, Buffer.from([0, ...new Array<number>(64).fill(1)])),
    segment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}

/** The photos the server stored with the field report of this description, read from its database. */
function storedPhotos(databaseUrl: string, description: string): Buffer[] {
  const db = new SqliteDatabase(databaseUrl.replace(/^sqlite:/, ''), { readonly: true });
  try {
    const rows = db
      .prepare(
        `select a.bytes from attachments a
           join incident_reports ir on ir.report_id = a.report_id
           join incidents i on i.id = ir.incident_id
          where i.title = ? order by a.id`,
      )
      .all(`Field report: ${description.slice(0, 80)}`) as { bytes: Buffer }[];
    return rows.map((r) => r.bytes);
  } finally {
    db.close();
  }
}

/** A GET with the analyst's session, for checking what the server holds. */
async function analystGet(base: string): Promise<(path: string) => Promise<unknown>> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ANALYST.username, password: ANALYST.password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async (path) => {
    const response = await fetch(`${base}/api${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return response.json();
  };
}

/** How many incidents the server holds whose title is this field report's. */
async function heldTimes(get: (path: string) => Promise<unknown>, description: string): Promise<number> {
  const page = (await get('/incidents?status=candidate&limit=500')) as {
    items: { title: string | null }[];
  };
  return page.items.filter((i) => i.title === `Field report: ${description.slice(0, 80)}`).length;
}

async function activityDays(get: (path: string) => Promise<unknown>, day: string): Promise<number> {
  const page = (await get(`/mission/activity?from=${day}&to=${day}`)) as { items: { day: string }[] };
  return page.items.filter((a) => a.day === day).length;
}

async function fileFieldReport(page: Page, date: string, description: string): Promise<void> {
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('What you observed').fill(description);
  await page.getByRole('button', { name: 'File field report' }).click();
}

/**
 * Run in the page: every sent entry of the outbox back to `sending` with its answer forgotten, as
 * when the tab dies after a request left and before its answer was recorded. Answers how many.
 */
const RESEND_EVERYTHING = `new Promise((resolve, reject) => {
  const request = indexedDB.open('truce-outbox');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const transaction = request.result.transaction('entries', 'readwrite');
    const store = transaction.objectStore('entries');
    const all = store.getAll();
    let count = 0;
    all.onsuccess = () => {
      for (const entry of all.result) {
        if (entry.state !== 'sent') continue;
        store.put({ ...entry, state: 'sending', answer: null, sentAt: null });
        count += 1;
      }
    };
    transaction.oncomplete = () => {
      request.result.close();
      resolve(count);
    };
  };
})`;

const entry = (page: Page, label: RegExp | string) =>
  page.locator('.outbox-entries li').filter({ hasText: label });

describe.skipIf(!hasChromium)('the monitor offline', () => {
  const scene = demoScene([ANALYST, MONITOR]);

  it('installs: a valid manifest with its icons, and a service worker that controls the monitor’s pages', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, MONITOR);
    await open(page, scene.truce.url, '#/field-report');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const response = await page.request.get(`${scene.truce.url}/manifest.webmanifest`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    expect(response.headers()['cache-control']).toBe('no-cache');
    const manifest = JSON.parse(await response.text()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toMatch(/Truce/);
    expect(manifest.short_name.length).toBeGreaterThan(0);
    expect(manifest.start_url).toBe('/#/field-report');
    expect(manifest.display).toBe('standalone');
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const got = await page.request.get(`${scene.truce.url}${icon.src}`);
      expect(got.status(), icon.src).toBe(200);
      expect(got.headers()['content-type']).toContain(icon.type);
      if (icon.type === 'image/png') {
        const bytes = await got.body();
        // The PNG's own header holds its width and height: the size the manifest claims.
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
      }
    }
    const worker = await page.request.get(`${scene.truce.url}/sw.js`);
    expect(worker.status()).toBe(200);
    expect(worker.headers()['cache-control']).toBe('no-cache');
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.reload();
    await page.locator('main h1').first().waitFor();
    expect(await page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);
    await open(page, scene.truce.url, '#/activity');
    expect(await page.evaluate('navigator.serviceWorker.controller?.scriptURL')).toBe(
      `${scene.truce.url}/sw.js`,
    );
  });

  it('files two field reports and a day’s activity offline, keeps them over a reload, sends them when online', async () => {
    const { page } = scene.w;
    const context = page.context();
    await context.grantPermissions(['geolocation'], { origin: scene.truce.url });
    await context.setGeolocation({ latitude: 39.75, longitude: 46.75, accuracy: 25 });
    await open(page, scene.truce.url, '#/field-report');
    await context.setOffline(true);
    await page.reload();
    await page.locator('main h1', { hasText: 'Field report' }).waitFor();
    // The theatre's places came with the page and are kept for offline use: found by any
    // party's spelling, case and accents aside.
    const place = page.getByRole('combobox', { name: 'Place' });
    await place.fill('kelbecer');
    await page.getByRole('option', { name: /Kəlbəcər/ }).waitFor();
    await place.fill('');
    await place.pressSequentially('LACI');
    await page.getByRole('option', { name: /Laçın/ }).waitFor();
    await place.press('ArrowDown');
    await place.press('Enter');
    expect(await place.inputValue()).toBe('Laçın');
    expect(await page.getByRole('listbox').count()).toBe(0);
    // A photo from the phone's camera, with the camera's GPS position in it, into the outbox.
    expect(await page.getByLabel('Photos').getAttribute('capture')).toBe('environment');
    await page.getByLabel('Photos').setInputFiles({
      name: 'camera.jpg',
      mimeType: 'image/jpeg',
      buffer: phoneJpeg(),
    });
    await page.getByRole('button', { name: 'Use my position' }).click();
    await page.getByText(/Position found, within about 25 m/).waitFor();
    expect(await page.getByLabel('Latitude').inputValue()).toBe('39.75');
    expect(await page.getByLabel('Position accuracy (metres)').inputValue()).toBe('25');
    await page.getByLabel('Time observed').fill('2020-12-02T06:30');
    await fileFieldReport(page, '2020-12-02', FIRST);
    await page.getByText(/kept in the outbox below/).waitFor();
    expect(await entry(page, '2020-12-02').textContent()).toContain('Laçın (1 photo)');
    await fileFieldReport(page, '2020-12-03', SECOND);
    await entry(page, '2020-12-03').waitFor();
    expect(await page.locator('.outbox-entries li[data-outbox-state="waiting"]').count()).toBe(2);
    await open(page, scene.truce.url, '#/activity');
    await page.getByLabel('Day').fill(DAY);
    await page.getByLabel('Patrols').fill('9');
    await page.getByRole('button', { name: 'File daily activity' }).click();
    await entry(page, DAY).waitFor();
    expect(await entry(page, DAY).getAttribute('data-outbox-state')).toBe('waiting');
    // A reload with no connection: the page comes from the worker, the outbox from IndexedDB.
    await page.reload();
    await entry(page, DAY).waitFor();
    await open(page, scene.truce.url, '#/field-report');
    expect(await page.locator('.outbox-entries li[data-outbox-state="waiting"]').count()).toBe(2);
    await screenshot(page, 'offline-outbox');
    expect(await axeViolations(page), 'the field report with its outbox, offline').toEqual([]);
    // Send now with no connection: tried, still waiting, and it says why.
    await page.getByRole('button', { name: 'Send now' }).click();
    await entry(page, '2020-12-02')
      .getByText(/last try: no connection to the server/)
      .waitFor();
    expect(await page.locator('.outbox-entries li[data-outbox-state="waiting"]').count()).toBe(2);

    await context.setOffline(false);
    await page.locator('.outbox-entries li[data-outbox-state="sent"]').nth(1).waitFor();
    expect(await entry(page, '2020-12-02').textContent()).toMatch(/Sent: candidate incident #\d+/);
    expect(await entry(page, '2020-12-03').textContent()).toMatch(/Sent: candidate incident #\d+/);
    await open(page, scene.truce.url, '#/activity');
    await page.locator('.outbox-entries li[data-outbox-state="sent"]').first().waitFor();
    await screenshot(page, 'offline-outbox-sent');

    const get = await analystGet(scene.truce.url);
    expect(await heldTimes(get, FIRST)).toBe(1);
    expect(await heldTimes(get, SECOND)).toBe(1);
    expect(await activityDays(get, DAY)).toBe(1);
    // The photo reached the server without the camera's position.
    const photos = storedPhotos(scene.truce.databaseUrl, FIRST);
    expect(photos).toHaveLength(1);
    expect(photos[0]?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(photos[0]?.toString('latin1')).not.toMatch(/GPS|Exif/);
    expect(scene.w.errors, scene.w.errors.join('\n')).toEqual([]);
  });

  it('sends the same outbox twice (the answers lost in a crash): one record each', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/field-report');
    // As if the tab had died after sending and before recording the answers: every entry waits again.
    const reset = await page.evaluate<number>(RESEND_EVERYTHING);
    expect(reset).toBe(3);
    // The tab starts again: what was being sent is sent again, and the server's key decides.
    await page.reload();
    await page.locator('main h1', { hasText: 'Field report' }).waitFor();
    await page.locator('.outbox-entries li[data-outbox-state="sent"]').nth(1).waitFor();
    expect(await entry(page, '2020-12-02').textContent()).toMatch(/Sent: candidate incident #\d+/);
    await open(page, scene.truce.url, '#/activity');
    await page.locator('.outbox-entries li[data-outbox-state="sent"]').first().waitFor();
    // The day's key decides too: the first answer again, not a refusal.
    expect(await entry(page, DAY).textContent()).toContain(`Sent: the record for ${DAY}`);
    const get = await analystGet(scene.truce.url);
    expect(await heldTimes(get, FIRST)).toBe(1);
    expect(await heldTimes(get, SECOND)).toBe(1);
    expect(await activityDays(get, DAY)).toBe(1);
    expect(storedPhotos(scene.truce.databaseUrl, FIRST)).toHaveLength(1);
    // Another submission for the same day is a refusal the monitor sees, never taken as sent.
    await page.getByRole('button', { name: 'Clear' }).first().click();
    await page.getByLabel('Day').fill(DAY);
    await page.getByLabel('Patrols').fill('4');
    await page.getByRole('button', { name: 'File daily activity' }).click();
    const refused = page.locator('.outbox-entries li[data-outbox-state="refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`already has a record for ${DAY}`);
    await refused.getByRole('button', { name: 'Discard' }).click();
    await refused.waitFor({ state: 'detached' });
  });

  it('shows a refusal (a date in the future) with the server’s reason; fixed, it is resent', async () => {
    const { page } = scene.w;
    const context = page.context();
    await open(page, scene.truce.url, '#/field-report');
    await context.setOffline(true);
    await fileFieldReport(page, '2099-01-01', FUTURE);
    await entry(page, '2099-01-01').waitFor();
    await context.setOffline(false);
    const refused = page.locator('.outbox-entries li[data-outbox-state="refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('date: must not be in the future');
    expect(await axeViolations(page), 'a refused report in the outbox').toEqual([]);
    await refused.getByRole('button', { name: 'Edit and resend' }).click();
    expect(await page.getByLabel('Date').inputValue()).toBe('2099-01-01');
    expect(await page.getByLabel('What you observed').inputValue()).toBe(FUTURE);
    expect(await page.locator('[data-field="date"] .error').textContent()).toContain(
      'must not be in the future',
    );
    await page.getByLabel('Date').fill('2020-12-04');
    await page.getByRole('button', { name: 'File field report' }).click();
    await page.getByText(/Field report filed as candidate incident #\d+/).waitFor();
    expect(await entry(page, '2020-12-04').getAttribute('data-outbox-state')).toBe('sent');
    expect(await page.locator('.outbox-entries li[data-outbox-state="refused"]').count()).toBe(0);
    const get = await analystGet(scene.truce.url);
    expect(await heldTimes(get, FUTURE)).toBe(1);
  });

  it('keeps the outbox when the session has ended on return, asks to sign in, then sends it', async () => {
    const { page } = scene.w;
    const context = page.context();
    await open(page, scene.truce.url, '#/field-report');
    await context.setOffline(true);
    await fileFieldReport(page, '2020-12-05', EXPIRED);
    await entry(page, '2020-12-05').waitFor();
    // The session ends while the monitor is away (its cookie is gone), then the connection returns.
    await context.clearCookies();
    await context.setOffline(false);
    await page.getByText('Your session has ended: sign in to send the outbox').waitFor();
    expect(await entry(page, '2020-12-05').getAttribute('data-outbox-state')).toBe('waiting');
    await page.reload();
    await entry(page, '2020-12-05').waitFor();
    await signIn(page, scene.truce.url, MONITOR);
    await open(page, scene.truce.url, '#/field-report');
    await page
      .locator('.outbox-entries li[data-outbox-state="sent"]')
      .filter({ hasText: '2020-12-05' })
      .waitFor();
    const get = await analystGet(scene.truce.url);
    expect(await heldTimes(get, EXPIRED)).toBe(1);
    // Signed in again without a reload: a reload with no connection still shows the new session.
    await context.setOffline(true);
    await page.reload();
    await page.locator('main h1', { hasText: 'Field report' }).waitFor();
    await page.getByText(`${MONITOR.username} (${MONITOR.role}`).waitFor();
    expect(await page.getByRole('button', { name: 'File field report' }).count()).toBe(1);
    await context.setOffline(false);
  });
});
