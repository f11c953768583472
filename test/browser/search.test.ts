import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open, signIn } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const FIXTURE = resolve(import.meta.dirname, 'fixtures/martuni-shelling.txt');

describe.skipIf(!hasChromium)('search', () => {
  // The ingested report stays a candidate: staff may find it, the public may not.
  const scene = demoScene([ANALYST], (truce) => {
    const ingested = truce.cli(['ingest', FIXTURE, '--published', '2020-12-04']);
    expect(ingested.status, ingested.stderr).toBe(0);
  });

  it('searches from the header, shows the matched word marked in a snippet, opens the incident', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/map');
    await page.getByRole('searchbox', { name: 'Search the record' }).fill('helicopter');
    await page.getByRole('button', { name: 'Search', exact: true }).first().click();
    await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
    await page.locator('.search-hit').first().waitFor();
    expect(page.url()).toContain('#/search?q=helicopter');
    const mark = page.locator('.search-hit .snippet mark').first();
    expect((await mark.textContent())?.toLowerCase()).toBe('helicopter');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'search-results');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'search-results-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    const link = page.locator('.search-hit a').first();
    const title = (await link.textContent()) ?? '';
    await link.click();
    await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/incidents\/\d+$/);
    await page.locator('main h1').first().waitFor();
    expect(title.length).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toContain('helicopter');
  });

  it('renders data in snippets as text, never as markup', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20helicopter');
    expect(await page.locator('main img').count()).toBe(0);
    expect(scene.w.dialogs).toEqual([]);
  });

  it('shows the public nothing of a candidate incident; an analyst finds it', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/search?q=fabrication');
    await page.getByText('Nothing found.').waitFor();
    expect(await page.locator('.search-hit').count()).toBe(0);
    await signIn(page, scene.truce.url, ANALYST);
    await open(page, scene.truce.url, '#/search?q=fabrication');
    await page.locator('.search-hit').first().waitFor();
    expect(await page.locator('.search-hit .snippet mark').first().textContent()).toBe('fabrication');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says what is wrong with a query the server refuses', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/search?q=-helicopter');
    expect(await page.locator('main [role="alert"]').textContent()).toMatch(/not only exclusions/);
  });
});
