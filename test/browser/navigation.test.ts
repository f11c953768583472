import { describe, expect, it } from 'vitest';
import { open } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

describe.skipIf(!hasChromium)('navigating while a page is still loading', () => {
  const scene = demoScene([]);

  it('shows only the last page clicked when the API answers late', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/list');
    // Every API answer now arrives 600 ms late: the pages clicked through below are all still
    // loading when the next click comes.
    await page.route('**/api/**', async (route) => {
      await new Promise((done) => setTimeout(done, 600));
      await route.continue();
    });
    for (const name of ['Timeline', 'Agreement', 'Mission', 'Incidents', 'Bulletins']) {
      await page.locator('#nav').getByRole('link', { name, exact: true }).click();
      await page.waitForTimeout(120);
    }
    // While loading, the page says so.
    expect(await page.locator('main .loading').count()).toBe(1);
    await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
    // Let every delayed answer of the pages left behind arrive and be drawn (or not).
    await page.waitForTimeout(2500);
    const headings = await page.locator('main h1').allTextContents();
    expect(headings).toHaveLength(1);
    expect(headings[0]).toMatch(/ bulletin for \d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('main > .page').count()).toBe(1);
    expect(await page.title()).toBe('Bulletins — Truce');
    await page.unroute('**/api/**');
  });

  it('says what failed and offers to try again when a page cannot load', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/list');
    await page.route('**/api/agreements/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":{"code":"unavailable","message":"the database is not reachable"}}',
      }),
    );
    await page.locator('#nav').getByRole('link', { name: 'Agreement', exact: true }).click();
    const alert = page.locator('main [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('the database is not reachable');
    await page.unroute('**/api/agreements/**');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('main .commitment').first().waitFor();
    expect(await page.locator('main [role=alert]').count()).toBe(0);
  });
});
