import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, signIn } from './support/app.js';
import { hasChromium, launchBrowser, SKIP_REASON } from './support/chromium.js';
import { screenshot } from './support/screens.js';
import { demoScene } from './support/scene.js';
import { MONITOR } from './support/users.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/martuni-shelling.txt');

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

describe.skipIf(!hasChromium)('every page, on a desktop and on a phone', () => {
  const scene = demoScene([MONITOR], (truce) => {
    const ingested = truce.cli(['ingest', FIXTURE, '--published', '2020-12-04']);
    expect(ingested.status, ingested.stderr).toBe(0);
  });

  it('shows the agreement board by status and deadline', async () => {
    await open(scene.w.page, scene.truce.url, '#/agreement?asOf=2020-11-21');
    expect(await scene.w.page.locator('.board section').count()).toBeGreaterThan(0);
    expect(await scene.w.page.locator('.commitment').count()).toBeGreaterThan(3);
    // Obligors are stored as party codes ("AM", "AZ", "RU"); the board names them.
    const lines = await scene.w.page.locator('.commitment p:not(.hint):not(.warn)').allTextContents();
    expect(lines.some((line) => line.startsWith('Armenia, Azerbaijan · '))).toBe(true);
    expect(lines.some((line) => line.startsWith('Russia · '))).toBe(true);
    expect(lines.filter((line) => /^(AM|AZ|RU)\b|, (AM|AZ|RU)\b/.test(line))).toEqual([]);
    await screenshot(scene.w.page, 'agreement-board');
  });

  it('shows the mission dashboard: ceilings, posts on the map, activity charts', async () => {
    await open(scene.w.page, scene.truce.url, '#/mission?asOf=2020-12-15');
    expect(await scene.w.page.locator('svg.meter').count()).toBe(3);
    await scene.w.page.locator('#posts-map path.leaflet-interactive').first().waitFor();
    expect(await scene.w.page.locator('#posts-map path.leaflet-interactive').count()).toBeGreaterThan(5);
    expect(await scene.w.page.locator('.series-figure .series-chart canvas').count()).toBe(3);
    expect(await scene.w.page.locator('.series-figure .series-table tbody tr').count()).toBeGreaterThan(5);
    await screenshot(scene.w.page, 'mission-dashboard');
  });

  it('shows a bulletin as sections', async () => {
    await open(scene.w.page, scene.truce.url, '#/bulletins?date=2020-11-20');
    await scene.w.page.locator('article.bulletin .bulletin-section').first().waitFor();
    expect((await scene.w.page.locator('article.bulletin').textContent())?.length ?? 0).toBeGreaterThan(50);
    await screenshot(scene.w.page, 'bulletin');
  });

  it('shows the incident list and the sign-in page', async () => {
    await open(scene.w.page, scene.truce.url, '#/list');
    expect(await scene.w.page.locator('table.incidents tbody tr').count()).toBeGreaterThan(3);
    // The party filter offers the theatre's parties by name, its values the codes the API takes.
    const options = await scene.w.page
      .locator('#filter-party option')
      .evaluateAll((os) => os.map((o) => [o.getAttribute('value') ?? '', o.textContent ?? '']));
    expect(options).toContainEqual(['AM', 'Armenia']);
    expect(options).toContainEqual(['AZ', 'Azerbaijan']);
    expect(options).toContainEqual(['NKR', 'Nagorno-Karabakh Republic']);
    expect(options.filter(([value, text]) => value !== '' && value === text)).toEqual([]);
    // Kinds show the vocabulary's labels, not their codes.
    expect(await scene.w.page.locator('#filter-kind option[value="air_strike"]').textContent()).toBe(
      'Air or drone strike',
    );
    await screenshot(scene.w.page, 'incident-list');
    await open(scene.w.page, scene.truce.url, '#/login');
    await screenshot(scene.w.page, 'sign-in');
  });

  it('lets a monitor file a field report and the day’s activity', async () => {
    await signIn(scene.w.page, scene.truce.url, MONITOR);
    await open(scene.w.page, scene.truce.url, '#/field-report');
    await scene.w.page.getByLabel('Kind of incident').selectOption('shelling');
    await scene.w.page.getByLabel('Date').fill('2020-12-02');
    await scene.w.page.getByRole('combobox', { name: 'Place' }).fill('Martuni / Khojavend');
    await scene.w.page.getByLabel('What you observed').fill('Patrol heard four impacts north of the post.');
    await scene.w.page.getByRole('button', { name: 'File field report' }).click();
    await scene.w.page.getByText(/Field report filed as candidate incident #\d+/).waitFor();
    await screenshot(scene.w.page, 'field-report');
    await open(scene.w.page, scene.truce.url, '#/activity');
    await scene.w.page.getByLabel('Day').fill('2020-12-20');
    await scene.w.page.getByLabel('Patrols').fill('14');
    await scene.w.page.getByLabel('Displaced people returned').fill('120');
    await scene.w.page.getByRole('button', { name: 'File daily activity' }).click();
    await scene.w.page.getByText('Activity for 2020-12-20 filed.').waitFor();
    await screenshot(scene.w.page, 'daily-activity');
    expect(scene.w.errors, scene.w.errors.join('\n')).toEqual([]);
  });

  it('highlights the evidence spans in an incident’s source (staff see candidates)', async (ctx) => {
    const id = await incidentWithEvidence(scene.w.page);
    if (id === null) return ctx.skip();
    await open(scene.w.page, scene.truce.url, `#/incidents/${id}`);
    await scene.w.page.locator('.source-text mark').first().waitFor();
    await screenshot(scene.w.page, 'incident-evidence');
  });

  it('keeps the honeypot away from people and starts the tab order at the skip link', async () => {
    await open(scene.w.page, scene.truce.url, '#/report');
    expect(await scene.w.page.locator('.hp').getAttribute('aria-hidden')).toBe('true');
    expect(await scene.w.page.locator('#f-website').getAttribute('tabindex')).toBe('-1');
    const box = await scene.w.page.locator('#f-website').boundingBox();
    expect(box === null || box.x + box.width < 0).toBe(true);
    await scene.w.page.reload();
    await scene.w.page.locator('main h1').waitFor();
    await scene.w.page.keyboard.press('Tab');
    expect(await scene.w.page.evaluate('document.activeElement.id')).toBe('skip-link');
    await scene.w.page.keyboard.press('Enter');
    expect(await scene.w.page.evaluate('document.activeElement.id')).toBe('main');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await phone.context.newPage();
      for (const [hash, name] of [
        ['#/map', 'phone-map'],
        ['#/report', 'phone-report-form'],
        ['#/list', 'phone-incident-list'],
        ['#/mission?asOf=2020-12-15', 'phone-mission'],
      ] as const) {
        await open(page, scene.truce.url, hash);
        expect(await overflows(page), `${hash} scrolls sideways`).toBe(false);
        await screenshot(page, name);
      }
    } finally {
      await phone.close();
    }
  });
});

async function overflows(page: Page): Promise<boolean> {
  const result: unknown = await page.evaluate(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  );
  return result === true;
}

/** Asks the API with the page's own session (a staff member sees candidates too). */
async function fetchInPage<T>(page: Page, path: string): Promise<T> {
  const body: unknown = await page.evaluate(`fetch(${JSON.stringify(path)}).then((r) => r.json())`);
  return body as T;
}

async function incidentWithEvidence(page: Page): Promise<number | null> {
  const list = await fetchInPage<{ items: { id: number }[] }>(page, '/api/incidents?limit=100');
  for (const { id } of list.items) {
    const detail = await fetchInPage<{ reports?: { source: unknown; spans: unknown[] }[] }>(
      page,
      `/api/incidents/${id}`,
    );
    if (detail.reports?.some((r) => r.source !== null && r.spans.length > 0)) return id;
  }
  return null;
}
