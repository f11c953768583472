import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

interface IndexPage {
  days: { date: string }[];
}

describe.skipIf(!hasChromium)('the bulletins', () => {
  const scene = demoScene([]);

  it('opens on the latest day with content as sections, steps to the previous day and downloads its PDF', async () => {
    const { page } = scene.w;
    const index = (await (await fetch(`${scene.truce.url}/api/bulletins?limit=3`)).json()) as IndexPage;
    const [latest, previous] = index.days.map((d) => d.date);
    if (!latest || !previous) throw new Error('the demo has fewer than two days with content');
    await open(page, scene.truce.url, '#/bulletins');
    const article = page.locator('article.bulletin');
    await article.waitFor();
    expect(await page.locator('h1').textContent()).toContain(latest);
    // Real sections, not a block of preformatted text.
    expect(await article.locator('pre').count()).toBe(0);
    const headings = await article.locator('h2').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Ceasefire violations', 'Commitments', 'Audit']));
    expect(await article.locator('.bulletin-audit code.hash').first().textContent()).toMatch(
      /^[0-9a-f]{64}$/,
    );
    // The previous day with content, by its link.
    await page.getByRole('link', { name: `← Previous day: ${previous}` }).click();
    await page.waitForURL(`**#/bulletins?date=${previous}`);
    await page.locator('h1', { hasText: previous }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bulletins-previous-day');
    const head = (await page.locator('.bulletin-audit code.hash').first().textContent()) ?? '';
    // Its PDF, as the browser downloads it, opens and holds the day and the audit head.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF' }).click(),
    ]);
    const file = await download.path();
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(previous);
    expect(text.replace(/\s+/g, '')).toContain(head);
  });

  it('explains how to check a bulletin and links the Verify page', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/bulletins');
    await page.getByRole('link', { name: 'How to check that this bulletin was not altered' }).click();
    await page.locator('h1', { hasText: 'How to check a bulletin' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to the Verify page' }).getAttribute('href')).toBe(
      '#/verify',
    );
    expect(await page.locator('body').textContent()).not.toContain('truce audit verify');
    expect(await axeViolations(page)).toEqual([]);
  });
});
