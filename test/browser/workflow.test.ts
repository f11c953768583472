import { describe, expect, it } from 'vitest';
import { open, signIn, signOut } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { screenshot } from './support/screens.js';
import { demoScene } from './support/scene.js';
import { ANALYST, LIAISON } from './support/users.js';
import { apiSession } from './support/xss.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const COMMENT = 'Shelling heard near the school in Shusha at dawn; two houses hit.';

describe.skipIf(!hasChromium)('a public report travels from the form to the map', () => {
  const scene = demoScene([ANALYST, LIAISON]);

  it('shows both required-field messages next to empty fields', async () => {
    await open(scene.w.page, scene.truce.url, '#/report');
    await scene.w.page.getByRole('button', { name: 'Send report' }).click();
    await expect
      .poll(() => scene.w.page.locator('#f-comment-error').textContent())
      .toBe('Please enter your comment!');
    expect(await scene.w.page.locator('#f-name-error').textContent()).toBe('Please enter your name here');
    expect(await scene.w.page.locator('#f-comment').getAttribute('aria-invalid')).toBe('true');
    expect(await scene.w.page.evaluate('document.activeElement.id')).toBe('f-comment');
    await screenshot(scene.w.page, 'report-form-errors');
  });

  it('accepts a report with a comment and a name', async () => {
    await scene.w.page.getByLabel('What happened').fill(COMMENT);
    await scene.w.page.getByLabel('Your name').fill('A resident');
    await scene.w.page.getByLabel('Where (optional)').fill('Shusha');
    await scene.w.page.getByLabel('When (optional)').fill('2020-11-20');
    await scene.w.page.getByRole('button', { name: 'Send report' }).click();
    await scene.w.page.getByText('Thank you. Your report was received').waitFor();
    expect(await scene.w.page.locator('#f-comment-error').textContent()).toBe('');
    await screenshot(scene.w.page, 'report-form-sent');
  });

  it('lets an analyst find the report in the queue and confirm it', async () => {
    await signIn(scene.w.page, scene.truce.url, ANALYST);
    await open(scene.w.page, scene.truce.url, '#/review?order=desc');
    const card = scene.w.page.locator('article.review-card', { hasText: COMMENT.slice(0, 40) });
    await card.waitFor();
    await screenshot(scene.w.page, 'review-queue');
    await card
      .getByLabel('Reason (internal: not published)')
      .fill('Two residents and a field patrol describe it.');
    await card.getByRole('button', { name: 'Start review' }).click();
    await scene.w.page.getByText(/is now under review/).waitFor();
    const again = scene.w.page.locator('article.review-card', { hasText: COMMENT.slice(0, 40) });
    await again
      .getByLabel('Reason (internal: not published)')
      .fill('Corroborated by the mission patrol report.');
    await again.getByRole('button', { name: 'Confirm' }).click();
    await scene.w.page.getByText(/is now confirmed/).waitFor();
    await screenshot(scene.w.page, 'review-queue-after-confirm');
  });

  it('tells the analyst when an incident changed since the queue was loaded', async () => {
    const api = await apiSession(scene.truce.url, ANALYST.username, ANALYST.password);
    const sent = await api('/field-reports', {
      kind: 'landmine',
      date: '2020-11-25',
      description: 'A tractor struck a mine near the road; the driver was hurt.',
      idempotencyKey: 'stale-version-check',
    });
    const { incidentId } = (await sent.json()) as { incidentId: number };
    await open(scene.w.page, scene.truce.url, '#/review?order=desc');
    const card = scene.w.page.locator(`article[data-incident="${incidentId}"]`);
    await card.waitFor();
    const meanwhile = await api(`/incidents/${incidentId}/review`, {
      status: 'under_review',
      reason: 'taken by a colleague',
      baseVersion: 1,
    });
    expect(meanwhile.status).toBe(200);
    await card.getByLabel('Reason (internal: not published)').fill('Looks like a duplicate.');
    await card.getByRole('button', { name: 'Reject' }).click();
    await scene.w.page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await card.getByText('changed since you loaded it — reload').waitFor();
    await screenshot(scene.w.page, 'review-queue-stale');
  });

  it('shows the confirmed report to the public on its incident page and the timeline', async () => {
    await signOut(scene.w.page);
    await open(scene.w.page, scene.truce.url, '#/list?status=confirmed');
    await scene.w.page.getByRole('link', { name: new RegExp(COMMENT.slice(0, 30)) }).click();
    await scene.w.page.locator('main h1', { hasText: COMMENT.slice(0, 30) }).waitFor();
    await screenshot(scene.w.page, 'incident-public-report');
    await open(scene.w.page, scene.truce.url, '#/timeline?from=2020-11-20&to=2020-11-20&kind=other');
    await scene.w.page.locator('.timeline-chart canvas').waitFor();
    expect(await scene.w.page.locator('.timeline-table tbody tr td:first-child').allTextContents()).toEqual([
      '2020-11-20',
    ]);
    await screenshot(scene.w.page, 'timeline');
  });

  it('shows the confirmed report on the map (the server places it by its place name)', async () => {
    await open(scene.w.page, scene.truce.url, '#/map?from=2020-11-20&to=2020-11-20&status=confirmed');
    await scene.w.page.locator('.map-summary[data-count]').waitFor();
    await screenshot(scene.w.page, 'map');
    await scene.w.page.locator('.in-view a', { hasText: COMMENT.slice(0, 30) }).waitFor({ timeout: 60_000 });
  });

  it('lets a liaison file a response to an incident naming their party', async () => {
    await signIn(scene.w.page, scene.truce.url, LIAISON);
    await open(scene.w.page, scene.truce.url, '#/list?party=Armenia');
    await scene.w.page.locator('table.incidents a').first().click();
    await scene.w.page.getByRole('heading', { name: 'File a response for your party' }).waitFor();
    await scene.w.page.getByLabel('Stance').selectOption('disputes_attribution');
    await scene.w.page.getByLabel('Your response').fill('Our units were not in the area on that day.');
    await scene.w.page.getByRole('button', { name: 'File response' }).click();
    await scene.w.page
      .locator('.responses blockquote', { hasText: 'Our units were not in the area' })
      .waitFor();
    // The liaison's party and the response's party show by name (the record stores the code "AM").
    expect(await scene.w.page.locator('.responses strong').first().textContent()).toBe('Armenia');
    expect(await scene.w.page.locator('.who').textContent()).toBe('lia (liaison, Armenia)');
    await screenshot(scene.w.page, 'incident-liaison-response');
    expect(scene.w.dialogs).toEqual([]);
    expect(scene.w.errors, scene.w.errors.join('\n')).toEqual([]);
  });
});
