import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, signIn, signOut } from './support/app.js';
import { hasChromium, launchBrowser, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST, MONITOR } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it stands (evaluated by the browser's devtools, past the CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Asks the API as the page's session does. */
async function api<T>(page: Page, path: string): Promise<T> {
  return (await page.evaluate(`fetch(${JSON.stringify(path)}).then((r) => r.json())`)) as T;
}

describe.skipIf(!hasChromium)('managing the agreement and the mission’s daily activity', () => {
  const scene = demoScene([ANALYST, MONITOR]);

  it('shows implementation overall and per party on the board, for anyone', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/agreement?asOf=2020-11-21');
    await page.locator('.implementation-overall').waitFor();
    expect(await page.locator('.implementation-overall').textContent()).toMatch(
      /Overall: [\d.]+% \(\d+ of \d+ points\)/,
    );
    const parties = await page.locator('.implementation-parties tbody th').allTextContents();
    expect(parties).toContain('Armenia');
    expect(parties).toContain('Azerbaijan');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets an analyst move a deadline and shows the old one struck beside the new', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, ANALYST);
    await open(page, scene.truce.url, '#/agreement/6b?asOf=2020-12-01');
    await page.locator('form.amend-form').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'agreement-commitment');
    const form = page.locator('form.amend-form');
    // Without a reason or evidence: each field says what is missing, next to it.
    await form.getByLabel('New deadline').fill('2020-12-20');
    await form.getByRole('button', { name: 'Move the deadline' }).click();
    await form.getByText('Please say why the deadline moved.').waitFor();
    await form.getByText('Please say what shows it: a report, a bulletin or an observation.').waitFor();
    await form.getByLabel('Decided on').fill('2020-11-30');
    await form
      .getByLabel('Why the deadline moved')
      .fill('The parties agreed ten more days for the handover.');
    await form.getByLabel('Evidence').fill('Joint statement of the parties');
    await form.getByRole('button', { name: 'Move the deadline' }).click();
    await page.getByText('Deadline of clause 6b moved from 2020-12-01 to 2020-12-20.').waitFor();
    const history = page.locator('.deadline-history li').last();
    expect(await history.locator('del').textContent()).toMatch(/2020-12-01/);
    expect(await history.locator('ins').textContent()).toMatch(/2020-12-20/);
    expect(await page.locator('.commitment-deadline').textContent()).toMatch(
      /by 2020-12-20 .*first by 2020-12-01/,
    );
    expect(await axeViolations(page)).toEqual([]);
    // The board shows the move too.
    await open(page, scene.truce.url, '#/agreement?asOf=2020-12-01');
    await page.locator('.deadline-moved del').first().waitFor();
    expect(await page.locator('.deadline-moved del').allTextContents()).toContainEqual(
      expect.stringMatching(/2020-12-01/),
    );
  });

  it('lets an analyst assess a commitment and link an incident found by search', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/agreement/6b?asOf=2020-12-01');
    const assess = page.locator('form.assess-form');
    await assess.waitFor();
    await assess.getByLabel('Holds from').fill('2020-12-01');
    await assess.getByLabel('Status').selectOption('in_progress');
    await assess.getByLabel('Implementation score').selectOption('2');
    await assess.getByLabel('Note (optional)').fill('Half of the district handed over.');
    await assess.getByLabel('Evidence').fill('Monitors’ patrol report');
    await assess.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Clause 6b assessed in progress, score 2/3, as of 2020-12-01.').waitFor();
    expect(await page.locator('.commitment-score').textContent()).toMatch(/^2\/3/);
    expect(await page.locator('.assessments li').last().textContent()).toMatch(/Half of the district/);

    const link = page.locator('form.link-form');
    await link.getByRole('button', { name: 'Link the incident' }).click();
    await link.getByText('Search for the incident first, then pick it from the matches.').waitFor();
    await link.getByLabel('Find the incident').fill('helicopter');
    await link.getByRole('button', { name: 'Search', exact: true }).click();
    const first = link.locator('input[name="incidentId"]').first();
    await first.waitFor();
    const title = ((await link.locator('.choice label').first().textContent()) ?? '').split(' — ')[0] ?? '';
    await first.check();
    await link.getByLabel('How it bears on the clause').selectOption('disputed');
    await link.getByRole('button', { name: 'Link the incident' }).click();
    await page.getByText(`${title} linked to clause 6b.`).waitFor();
    expect(await page.locator('.links li a').allTextContents()).toContain(title);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'agreement-commitment-changed');
    await signOut(page);
  });

  it('lets a monitor start a day from the last one filed and correct a filed day, the old value kept', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, MONITOR);
    const filed = await api<{ items: { day: string; patrols: number }[] }>(page, '/api/mission/activity');
    const last = filed.items.at(-1);
    const day = filed.items[2];
    if (!last || !day) throw new Error('the demo files too little activity');

    await open(page, scene.truce.url, '#/activity');
    for (const label of ['Road demined (km)', 'Buildings demined', 'Hectares demined', 'Areas patrolled'])
      expect(await page.getByLabel(label).count(), label).toBe(1);
    const next = new Date(Date.parse(`${last.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Day').fill(next);
    await page.getByRole('button', { name: 'Start from the last day filed' }).click();
    await page.getByText(`Filled from ${last.day}.`, { exact: false }).waitFor();
    expect(await page.getByLabel('Patrols').inputValue()).toBe(String(last.patrols));
    await page.getByLabel('Road demined (km)').fill('-3');
    await page.getByRole('button', { name: 'File daily activity' }).click();
    await page.getByText('Road demined (km) must be a number, 0 or more.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await open(page, scene.truce.url, `#/activity/${day.day}`);
    const form = page.locator('form.correction-form');
    await form.waitFor();
    expect(await form.getByLabel('Patrols').inputValue()).toBe(String(day.patrols));
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await form.getByText('Please say why the day is corrected.').waitFor();
    await form.getByLabel('Patrols').fill(String(day.patrols + 3));
    await form.getByLabel('Buildings demined').fill('2');
    await form.getByLabel('Why the day is corrected').fill('Three patrols and two buildings were left out.');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByText(`Corrected patrols, buildings demined of ${day.day}.`).waitFor();
    const patrols = page.locator('.corrections li[data-changed="patrols"]');
    expect(await patrols.locator('del').textContent()).toBe(String(day.patrols));
    expect(await patrols.locator('ins').textContent()).toBe(String(day.patrols + 3));
    expect(await page.locator('.corrections').textContent()).toMatch(/Three patrols and two buildings/);
    expect(await form.getByLabel('Patrols').inputValue()).toBe(String(day.patrols + 3));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'activity-correction');
    expect(scene.w.errors, scene.w.errors.join('\n')).toEqual([]);
  });

  it('fits a phone: the board, a commitment, the activity form and a corrected day, with axe at 0', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await phone.context.newPage();
      await signIn(page, scene.truce.url, ANALYST);
      const days = await api<{ items: { day: string }[] }>(page, '/api/mission/activity');
      for (const [hash, name] of [
        ['#/agreement?asOf=2020-12-01', 'phone-agreement-board'],
        ['#/agreement/6b?asOf=2020-12-01', 'phone-agreement-commitment'],
        ['#/activity', 'phone-activity'],
        [`#/activity/${days.items[2]?.day ?? ''}`, 'phone-activity-correction'],
      ] as const) {
        await open(page, scene.truce.url, hash);
        const wide: unknown = await page.evaluate(
          'document.documentElement.scrollWidth > document.documentElement.clientWidth',
        );
        expect(wide, `${hash} scrolls sideways`).toBe(false);
        expect(await axeViolations(page), hash).toEqual([]);
        await screenshot(page, name);
      }
    } finally {
      await phone.close();
    }
  });
});
