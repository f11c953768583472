import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

describe.skipIf(!hasChromium)('the map', () => {
  const scene = demoScene([]);

  it('explore', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/map');
    await page.locator('.map-summary[data-count]').waitFor();
    console.log(await page.locator('.map-summary').textContent(), await page.locator('.map-unlocated').textContent(), page.url());
    const api = await page.request.get(`${scene.truce.url}/api/map?zoom=3&bbox=-180,-90,180,90`);
    const body = (await api.json()) as { points: unknown[]; clusters: unknown[]; unlocated: number };
    console.log(body.points.length, body.clusters.length, body.unlocated);
    await screenshot(page, 'map-explore');
    console.log(await axeViolations(page));
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'map-explore-phone');
    console.log(await axeViolations(page));
  });
});
