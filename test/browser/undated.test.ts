import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, signIn } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { ANALYST } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

// In our own words: a page with no publication date tells a shelling it does not date.
const FIXTURE = resolve(import.meta.dirname, 'fixtures/undated/dateless-shelling.txt');

describe.skipIf(!hasChromium)('an incident no report dates', () => {
  const scene = demoScene([ANALYST], (truce) => {
    const ingested = truce.cli(['ingest', FIXTURE]);
    if (ingested.status !== 0) throw new Error(`ingest failed: ${ingested.stderr}`);
  });
  const row = () => scene.w.page.locator('table.incidents tbody tr', { hasText: 'Askeran' });

  it('is listed with undated=1 as "date not stated", and left out by a date filter', async () => {
    await signIn(scene.w.page, scene.truce.url, ANALYST);
    await open(scene.w.page, scene.truce.url, '#/list?undated=1');
    await row().waitFor();
    expect(await row().locator('td').first().textContent()).toBe('date not stated');
    const today = new Date().toISOString().slice(0, 10);
    await open(scene.w.page, scene.truce.url, `#/list?from=${today}&to=${today}`);
    expect(await row().count()).toBe(0);
  });

  it('shows "date not stated" on its page, never the day it was read', async () => {
    await open(scene.w.page, scene.truce.url, '#/list?undated=1');
    await row().getByRole('link').click();
    await scene.w.page.locator('.incident-head').waitFor();
    const facts = await scene.w.page.locator('.incident-head dl.facts').textContent();
    expect(facts).toContain('date not stated');
    expect(facts).not.toContain(new Date().toISOString().slice(0, 10));
  });

  it('is on no day of the timeline, which says how many have no date', async () => {
    await open(scene.w.page, scene.truce.url, '#/timeline');
    const note = scene.w.page.locator('p.undated-note');
    await note.waitFor();
    expect(Number(await note.getAttribute('data-undated'))).toBeGreaterThanOrEqual(1);
    expect(await note.textContent()).toMatch(/no date and (is|are) not on the timeline/);
  });
});
