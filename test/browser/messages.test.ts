import { describe, expect, it } from 'vitest';
import { open, signIn, signOut } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { ANALYST, MONITOR } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

describe.skipIf(!hasChromium)('messages a person can read', () => {
  const scene = demoScene([ANALYST, MONITOR]);

  it('refuses a "To" before "From" next to the field, and keeps the list as it was', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/list');
    await page.getByLabel('From').fill('2020-12-10');
    await page.getByLabel('To').fill('2020-11-10');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await page.locator('#filter-to-error').textContent()).toBe(
      '“To” must be the same day as “From” or later.',
    );
    expect(await page.locator('#filter-to').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).not.toContain('from=');
  });

  it('offers the public only the statuses the public record holds', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/list');
    const statuses = await page
      .locator('#filter-status option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(statuses).toEqual(['', 'confirmed', 'disputed']);
  });

  it('counts one incident in the singular', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/list?from=2020-11-09&to=2020-11-09');
    expect(await page.getByText(/^1 incident matches\.$/).count()).toBe(1);
  });

  it('asks for the longitude when only a latitude is given', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, MONITOR);
    await open(page, scene.truce.url, '#/field-report');
    await page.getByLabel('Date').fill('2020-12-01');
    await page.getByLabel('What you observed').fill('Two craters in the field east of the road.');
    await page.getByLabel('Latitude').fill('39.8');
    await page.getByRole('button', { name: /file/i }).click();
    const error = page.locator('[data-field="lon"] .error');
    expect(await error.textContent()).toBe('Please give the longitude too, or leave both empty.');
    await page.getByLabel('Latitude').fill('139.8');
    await page.getByLabel('Longitude').fill('46.7');
    await page.getByRole('button', { name: /file/i }).click();
    expect(await page.locator('[data-field="lat"] .error').textContent()).toBe(
      'Latitude must be a number between -90 and 90.',
    );
    await signOut(page);
  });

  it('says when the session has ended and comes back to the page after signing in', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, ANALYST);
    await open(page, scene.truce.url, '#/duplicates');
    // The session ends on the server's side (here: its cookie is gone), then the analyst goes on.
    await page.context().clearCookies();
    await page.locator('#nav').getByRole('link', { name: 'Review queue' }).click();
    const notice = page.locator('.expired');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Your session has ended.');
    await notice.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/login\?next=%2Freview$/);
    await page.locator('main h1', { hasText: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(ANALYST.username);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/#\/review$/);
    await page.locator('main h1', { hasText: 'Review queue' }).waitFor();
    expect(await page.locator('.expired').count()).toBe(0);
  });
});
