import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStreetsArchive } from '../../src/server/test-support/streets-archive.js';
import { axeViolations } from './support/axe.js';
import { open } from './support/app.js';
import { hasChromium, launchBrowser, SKIP_REASON, type Browser } from './support/chromium.js';
import { screenshot } from './support/screens.js';
import { startTruce, type Truce } from './support/server.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

/** The made-up town of the test archive, at street level. */
const TOWN = '#/map?at=40.0000,46.6000,14';

interface Seen {
  readonly url: string;
  readonly status: number;
  readonly range: string | undefined;
}

/** Every answer the page gets, with the Range it asked for. */
function watchResponses(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on('response', (response) => {
    const range = response.request().headers()['range'];
    seen.push({ url: response.url(), status: response.status(), range });
  });
  return seen;
}

/** How many colours the drawn street tiles hold, the most of any one tile (run in the page). */
const TILE_COLOURS = `Math.max(0, ...[...document.querySelectorAll('#incident-map .street-tiles canvas.leaflet-tile-loaded')]
  .map((canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  }))`;

describe.skipIf(!hasChromium)("the map over the center's own basemap", () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-streets-'));
  let truce: Truce;
  let browser: Browser;
  let page: Page;
  let seen: Seen[];

  beforeAll(async () => {
    truce = await startTruce({ serveArgs: ['--basemap', writeStreetsArchive(dir)] });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    seen = watchResponses(page);
  });
  afterAll(async () => {
    await browser?.close();
    await truce?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the streets from range requests, at street level, beneath the markers', async () => {
    await open(page, truce.url, TOWN);
    const map = page.locator('#incident-map[data-streets="drawn"]');
    await map.waitFor();
    await page.locator('#incident-map .street-tiles canvas.leaflet-tile-loaded').first().waitFor();
    const archive = seen.filter((s) => s.url.endsWith('/basemap.pmtiles'));
    expect(archive.length).toBeGreaterThan(1);
    for (const answer of archive) {
      expect(answer.range).toMatch(/^bytes=\d+-\d+$/);
      expect(answer.status).toBe(206);
    }
    expect(seen.some((s) => /\/app\/chunks\/street-layer-[\w-]+\.js$/.test(s.url))).toBe(true);
    // Land, water, park, roads and buildings: a tile of one or two colours would be blank.
    await expect.poll(() => page.evaluate(TILE_COLOURS)).toBeGreaterThan(5);
    // The tiles sit under the markers' pane, the outlines under the tiles.
    const order = await page.evaluate(`['outlines', 'tile', 'overlay', 'marker'].map((name) =>
      Number(getComputedStyle(document.querySelector('#incident-map .leaflet-' + name + '-pane')).zIndex))`);
    expect(order).toEqual([150, 200, 400, 600]);
    await page
      .locator('#incident-map .leaflet-control-attribution')
      .getByText('Streets: Made up for the tests')
      .waitFor();
    await screenshot(page, 'map-streets');
  });

  it('has no accessibility violations with the streets drawn', async () => {
    await open(page, truce.url, TOWN);
    await page.locator('#incident-map .street-tiles canvas.leaflet-tile-loaded').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the map with no basemap configured', () => {
  let truce: Truce;
  let browser: Browser;

  beforeAll(async () => {
    truce = await startTruce();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await truce?.stop();
  });

  it('keeps the country outlines and never downloads the street layer', async () => {
    const page = await browser.context.newPage();
    const seen = watchResponses(page);
    await open(page, truce.url, TOWN);
    await page
      .locator('#incident-map .leaflet-overlay-pane path:not(.leaflet-interactive)')
      .first()
      .waitFor({ state: 'attached' });
    expect(seen.filter((s) => s.url.includes('street-layer') || s.url.endsWith('.pmtiles'))).toEqual([]);
    expect(await page.locator('#incident-map').getAttribute('data-streets')).toBeNull();
  });
});
