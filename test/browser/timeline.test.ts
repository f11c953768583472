import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

describe.skipIf(!hasChromium)('the timeline', () => {
  const scene = demoScene([]);

  it('draws a time axis with a legend, and a drag across it lists those days', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/timeline');
    const chart = page.locator('.timeline-chart');
    await chart.locator('canvas').waitFor();
    // The axis is time: the table lists only days with incidents, the chart spans every day.
    const rows = await page.locator('.timeline-table tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    expect(await page.locator('.legend li').count()).toBeGreaterThan(0);
    expect(await chart.getAttribute('aria-label')).toMatch(
      /^Incidents per (day|week|month) from \d{4}-\d{2}-\d{2} to /,
    );
    // Drag across the left half of the plot: the brush.
    const over = chart.locator('.u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('no plot area');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    const picked = page.locator('section.picked');
    await picked.waitFor();
    const heading = (await picked.locator('h2').textContent()) ?? '';
    const [from, to] = heading.split(' to ');
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The list below holds the incidents of those days, and only those.
    await picked.locator('table.incidents tbody tr').first().waitFor();
    const dates = await picked.locator('table.incidents tbody tr td:first-child').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) {
      const day = date.slice(0, 10);
      expect(day >= (from as string) && day <= (to as string), `${date} within ${heading}`).toBe(true);
    }
    // The picked days are in the URL, and the map link carries them as filters.
    expect(page.url()).toContain(`days=${from}%2C${to}`);
    expect(await picked.getByRole('link', { name: 'Show on the map' }).getAttribute('href')).toBe(
      `#/map?from=${from}&to=${to}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'timeline-picked');
    // Clearing the days takes the list away.
    await page.getByRole('button', { name: 'Clear the days' }).click();
    expect(await picked.count()).toBe(0);
  });
});
