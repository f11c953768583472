import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open, signIn } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST } from './support/users.js';
import { apiSession } from './support/xss.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

/** At a desktop's size and a phone's, no violation. */
async function accessibleAtBothSizes(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

type Api = (path: string, body: unknown) => Promise<Response>;

/** A candidate incident filed through the API as a field report, in June 2021 (after the demo's days). */
async function fieldReport(
  api: Api,
  day: number,
  description: string,
  key: string,
  kind = 'movement_restriction',
): Promise<number> {
  const body = { kind, date: `2021-06-${String(day).padStart(2, '0')}`, description, idempotencyKey: key };
  // A socket the server closed as the client reused it fails the fetch; the key makes a retry safe.
  const sent = await api('/field-reports', body).catch(() => api('/field-reports', body));
  expect(sent.status, await sent.clone().text()).toBeLessThan(300);
  return ((await sent.json()) as { incidentId: number }).incidentId;
}

const PAIR = ['p1-mine-village.txt', 'p2-clash-region.txt'].map((f) =>
  resolve(import.meta.dirname, '../../src/record/fixtures/duplicates', f),
);
const JUNE = 'from=2021-06-01&to=2021-06-30';
const CARDS = 'article.review-card';

describe.skipIf(!hasChromium)('the review queue at scale', () => {
  // Two outlets' reports (our own words) that the merge suggests as one event: cards with sources.
  const scene = demoScene([ANALYST], (truce) => {
    const ingested = truce.cli(['ingest', ...PAIR, '--published', '2021-03-16']);
    expect(ingested.status, ingested.stderr).toBe(0);
  });
  let api: Api;
  const batch: number[] = [];
  let quarry = 0;
  let bridge = 0;

  it('takes 250 candidates filed through the API', async () => {
    api = await apiSession(scene.truce.url, ANALYST.username, ANALYST.password);
    for (let start = 0; start < 250; start += 10) {
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, k) => {
          const n = start + k;
          return fieldReport(
            api,
            1 + (n % 28),
            `Checkpoint ${n} closed the road to traffic for an afternoon.`,
            `review-queue-${n}`,
          );
        }),
      );
      batch.push(...ids);
    }
    expect(new Set(batch).size).toBe(250);
    quarry = await fieldReport(
      api,
      29,
      'Mortar rounds fell beside the old limestone quarry at dusk.',
      'review-merge-a',
      'shelling',
    );
    bridge = await fieldReport(
      api,
      30,
      'Shots were heard near the rail bridge before the limestone quarry road.',
      'review-merge-b',
      'shelling',
    );
  });

  it('pages through 250 candidates by cursor, 50 at a time, forward and back', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, ANALYST);
    await open(page, scene.truce.url, `#/review?${JUNE}&kind=movement_restriction`);
    await expect.poll(() => page.locator('.queue-count').textContent()).toBe('1–50 of 250 waiting.');
    const first = await page
      .locator(CARDS)
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-incident')));
    expect(first).toHaveLength(50);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.locator('.queue-count').textContent()).toBe('51–100 of 250 waiting.');
    const second = await page
      .locator(CARDS)
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-incident')));
    expect(second).toHaveLength(50);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    for (let n = 3; n <= 5; n += 1) {
      await page.getByRole('button', { name: 'Next page' }).click();
      await expect
        .poll(() => page.locator('.queue-count').textContent())
        .toBe(`${(n - 1) * 50 + 1}–${n * 50} of 250 waiting.`);
    }
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => page.locator('.queue-count').textContent()).toBe('151–200 of 250 waiting.');
    // Each card shows its report's text and what it is.
    const card = page.locator(CARDS).first();
    expect(await card.locator('h2').textContent()).toMatch(/^Field report: Checkpoint \d+ closed the road/);
    await accessibleAtBothSizes(page, 'review-queue-paged');
  });

  it('pages the incident list by cursor too: next, next, previous, the same rows back', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, `#/list?${JUNE}&kind=movement_restriction`);
    const range = () => page.locator('nav.pager').textContent();
    const rows = () =>
      page.locator('table.incidents tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await expect.poll(range).toMatch(/1–50 of 250/);
    const first = await rows();
    expect(first).toHaveLength(50);
    await page.getByRole('link', { name: 'Next' }).click();
    await expect.poll(range).toMatch(/51–100 of 250/);
    const second = await rows();
    expect(second.filter((href) => first.includes(href))).toEqual([]);
    // The cursor is in the URL: a reload shows the same page.
    expect(page.url()).toMatch(/[?&]after=/);
    await page.reload();
    await expect.poll(range).toMatch(/51–100 of 250/);
    await page.getByRole('link', { name: 'Next' }).click();
    await expect.poll(range).toMatch(/101–150 of 250/);
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect.poll(range).toMatch(/51–100 of 250/);
    expect(await rows()).toEqual(second);
    await page.getByRole('link', { name: 'Previous' }).click();
    await expect.poll(range).toMatch(/1–50 of 250/);
    expect(await rows()).toEqual(first);
    expect(await page.getByRole('link', { name: 'Previous' }).count()).toBe(0);
  });

  it('rejects a whole page with one reason after asking, reporting the one that changed meanwhile', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, `#/review?${JUNE}&kind=movement_restriction`);
    await expect.poll(() => page.locator('.queue-count').textContent()).toBe('1–50 of 250 waiting.');
    const shown = await page
      .locator(CARDS)
      .evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-incident'))));
    const taken = shown[7] ?? 0;
    const meanwhile = await api(`/incidents/${taken}/review`, {
      status: 'under_review',
      reason: 'a colleague took it',
      baseVersion: 1,
    });
    expect(meanwhile.status).toBe(200);
    const bulk = page.getByRole('region', { name: 'Act on the selected incidents' });
    await bulk.getByLabel('Select all on this page').check();
    await expect.poll(() => bulk.locator('.selected-count').textContent()).toBe('50 selected');
    await bulk.getByRole('button', { name: 'Reject' }).click();
    await bulk.getByText('Please give one reason for all the selected.').waitFor();
    await bulk
      .getByLabel('One reason for all the selected (internal: not published)')
      .fill('Routine closures, not violations.');
    await bulk.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject 50 incident(s)?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-queue-bulk-confirm');
    await dialog.getByRole('button', { name: 'Reject 50' }).click();
    const notice = page.locator('.notice .done');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      new RegExp(`^49 rejected\\. 1 could not be — #${taken}: the incident changed since version 1`),
    );
    await expect.poll(() => page.locator('.queue-count').textContent()).toBe('1–50 of 201 waiting.');
    await screenshot(page, 'review-queue-bulk-rejected');
    const statuses = await Promise.all(
      shown.slice(0, 3).map(async (id) => {
        const detail = (await (
          await fetch(`${scene.truce.url}/api/incidents/${id}`, { headers: { cookie: await cookieOf(page) } })
        ).json()) as {
          incident: { status: string };
        };
        return detail.incident.status;
      }),
    );
    expect(statuses).toEqual(['rejected', 'rejected', 'rejected']);
    // Undo puts the 49 back as candidates (rejected → under review → candidate, each audited).
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('49 of 49 put back as they were.').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.queue-count').textContent()).toBe('1–50 of 250 waiting.');
  });

  it("shows a card's report text with the evidence marked, its source and its suggested duplicate; merges from it and undoes", async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/review?sort=score');
    const card = page.locator(CARDS).first();
    await card.locator('blockquote mark').first().waitFor();
    expect(await card.locator('figcaption').first().textContent()).toContain('2021-03-16');
    expect(await card.textContent()).toMatch(/duplicate score 0\.\d\d/);
    const id = Number(await card.getAttribute('data-incident'));
    await card.getByText('Merge (1 suggested)').click();
    const suggestion = card.locator('.merge-choices').first().locator('input[type=radio]');
    const target = Number(await suggestion.getAttribute('value'));
    await suggestion.check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-queue-card-merge');
    await card.getByLabel('Reason (internal: not published)').fill('One blast told twice.');
    await card.getByRole('button', { name: `Merge into #${target}…` }).click();
    await page
      .getByRole('dialog', { name: `Merge #${id} into #${target}?` })
      .getByRole('button', { name: `Merge into #${target}` })
      .click();
    await page.getByText(`Incident #${id} was merged into #${target}.`).waitFor();
    await expect.poll(() => page.locator(`article[data-incident="${id}"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`The merge was undone: incident #${id} has its reports back.`).waitFor();
    await page.locator(`article[data-incident="${id}"]`).waitFor();
  });

  it('merges an incident into one found by search, after asking, and undoes it', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, `#/incidents/${quarry}`);
    const actions = page.getByRole('region', { name: 'Review' });
    expect(await actions.getByRole('button', { name: /^Unmerge/ }).count()).toBe(0);
    await actions.getByText('Merge into another incident').click();
    await actions.getByLabel('Or find the incident to merge into').fill('rail bridge');
    await actions.getByRole('button', { name: 'Find' }).click();
    await actions.getByLabel(new RegExp(`^#${bridge} Field report: Shots were heard`)).check();
    await actions.getByLabel('Reason (internal: not published)').fill('The same evening, the same road.');
    await actions.getByRole('button', { name: `Merge into #${bridge}…` }).click();
    const dialog = page.getByRole('dialog', { name: `Merge #${quarry} into #${bridge}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: `Merge into #${bridge}` }).click();
    await page.getByText(`Incident #${quarry} was merged into #${bridge}.`).waitFor();
    await page.locator('.facts .status-merged').waitFor();
    // A merged incident offers only Unmerge.
    expect(await actions.getByRole('button', { name: `Unmerge from #${bridge}` }).count()).toBe(1);
    expect(await actions.getByRole('button', { name: 'Start review' }).count()).toBe(0);
    await accessibleAtBothSizes(page, 'incident-merged-undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`The merge was undone: incident #${quarry} has its reports back.`).waitFor();
    await page.locator('.facts .status-candidate').waitFor();
    expect(await actions.getByRole('button', { name: 'Start review' }).count()).toBe(1);
    await open(page, scene.truce.url, `#/incidents/${bridge}`);
    expect(
      await page
        .getByRole('region', { name: 'Review' })
        .getByRole('button', { name: /^Unmerge/ })
        .count(),
    ).toBe(0);
    await accessibleAtBothSizes(page, 'incident-review-actions');
  });
});

async function cookieOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
