import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open, signIn, signOut } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';
import { ANALYST, LIAISON, type Account } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const ADMIN: Account = { username: 'chief', password: 'the chief admin passphrase 2020', role: 'admin' };
const scrollsSideways = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');

/** No violation and no sideways scrolling at desktop width nor at phone width; a screenshot of each. */
async function checkPage(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!hasChromium)('administration and notifications', () => {
  const scene = demoScene([ADMIN, ANALYST, LIAISON]);

  it('creates an account, changes its role and disables it, each step confirmed on the page', async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, ADMIN);
    await open(page, scene.truce.url, '#/admin/users');
    await checkPage(page, 'admin-users');
    const create = page.getByRole('form', { name: 'Create an account' });
    await create.getByLabel('Username').fill('newcomer');
    await create.getByLabel('Role', { exact: true }).selectOption('monitor');
    await create.getByLabel('Password').fill('a newcomer passphrase of some length');
    await create.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account newcomer created.').waitFor();
    const item = page.locator('li.account-item', { has: page.getByRole('heading', { name: 'newcomer' }) });
    await item.getByLabel('Role', { exact: true }).selectOption('liaison');
    await item.getByLabel('Party', { exact: true }).selectOption('AM');
    await item.getByRole('button', { name: 'Change role' }).click();
    await item.getByText(/newcomer is now liaison for/).waitFor();
    await expect.poll(() => item.locator('.hint').first().textContent()).toMatch(/^liaison, /);
    await item.getByRole('button', { name: 'Disable newcomer' }).click();
    await item.getByRole('button', { name: 'Yes, disable' }).click();
    await item.getByText('newcomer is disabled: sessions ended, tokens revoked.').waitFor();
    await expect.poll(() => item.locator('.hint').first().textContent()).toContain('disabled');
    // The last admin cannot step down: the page says why.
    const me = page.locator('li.account-item', { has: page.getByRole('heading', { name: 'chief (you)' }) });
    await me.getByLabel('Role', { exact: true }).selectOption('analyst');
    await me.getByRole('button', { name: 'Change role' }).click();
    await me
      .getByRole('alert')
      .getByText(/chief is the last enabled admin and cannot be demoted/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates a token with a scope, shows its secret once, revokes it, and the API then refuses it', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/admin/tokens');
    await checkPage(page, 'admin-tokens');
    await page.getByLabel('Name').fill('nightly export');
    await page.getByLabel(/^tokens:/).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^truce_/);
    const asToken = (path: string) =>
      fetch(`${scene.truce.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });
    const before = (await (await asToken('/api/auth/me')).json()) as { user: { username: string } };
    expect(before.user.username).toBe('chief');
    const row = page.locator('tbody tr', { hasText: 'nightly export' });
    expect(await row.locator('td').nth(1).textContent()).toBe('tokens');
    await row.getByRole('button', { name: 'Revoke nightly export' }).click();
    await row.getByRole('button', { name: 'Yes, revoke nightly export' }).click();
    await row.getByText(/^revoked /).waitFor();
    expect(await page.getByLabel('Secret').count()).toBe(1);
    await open(page, scene.truce.url, '#/admin/tokens');
    expect(await page.getByLabel('Secret').count()).toBe(0);
    const after = await asToken('/api/auth/me');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { message: string } }).error.message).toBe(
      'the API token is unknown or revoked',
    );
  });

  it('adds a feed, pauses and resumes it, and says why a URL cannot be ingested', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/feeds');
    await page.getByLabel('Feed URL (RSS or Atom)').fill('https://wire.example.org/rss.xml');
    await page.getByLabel('Poll every').fill('1h');
    await page.getByRole('button', { name: 'Add feed' }).click();
    await page.getByText('Feed https://wire.example.org/rss.xml added, polled every 1h.').waitFor();
    const card = page.locator('main section.card').first();
    await card.getByRole('button', { name: 'Pause https://wire.example.org/rss.xml' }).click();
    await card.getByText('Paused: it is not polled until resumed.').waitFor();
    expect(await card.locator('.status-paused').textContent()).toBe('paused');
    await open(page, scene.truce.url, '#/feeds');
    // The page draws its feeds once their answer arrives: wait for them, then count.
    await page.locator('main section.card').first().waitFor();
    expect(await page.locator('main section.card .status-paused').count()).toBe(1);
    await page.getByRole('button', { name: 'Resume https://wire.example.org/rss.xml' }).click();
    await page.getByText('Resumed: it will be polled at once.').waitFor();
    // The server's own address is a loopback address: refused by the fetch policy, in words.
    await page.getByLabel('Article URL').fill(`${scene.truce.url}/api/health`);
    await page.getByRole('button', { name: 'Ingest' }).click();
    const alert = page.locator('form', { hasText: 'Ingest a URL now' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^url: cannot be ingested: refused .*a loopback address/);
    await checkPage(page, 'admin-feeds');
  });

  it('shows an analyst the open candidates and duplicates in the header', async () => {
    const { page } = scene.w;
    await signOut(page);
    await signIn(page, scene.truce.url, ANALYST);
    const candidates = page.locator('.notifications a[href="#/review"]');
    await candidates.waitFor();
    expect(await candidates.textContent()).toMatch(/^\d+ new candidates?$/);
    expect(await page.locator('.notifications a[href="#/duplicates"]').textContent()).toMatch(
      /^\d+ possible duplicates?$/,
    );
    await signOut(page);
  });

  it("lists a liaison's incidents awaiting their reply; the reply form shows only where they may reply", async () => {
    const { page } = scene.w;
    await signIn(page, scene.truce.url, LIAISON);
    const badge = page.locator('.notifications a[href="#/replies"]');
    await badge.waitFor();
    const count = Number((await badge.textContent())?.match(/^(\d+)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await open(page, scene.truce.url, '#/replies');
    await checkPage(page, 'replies');
    const items = page.locator('ul.awaiting-list li');
    await items.first().waitFor();
    expect(await items.count()).toBe(Math.min(count, 50));
    const first = items.first().getByRole('link');
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
    expect(await page.locator('main h1').first().textContent()).toBe(title);
    const form = page.getByRole('form', { name: 'File a response for your party' });
    await form.getByLabel('Your response').fill('Our units were not in the area at that time.');
    await form.getByRole('button', { name: 'File response' }).click();
    await page.getByText('Our units were not in the area at that time.').waitFor();
    await open(page, scene.truce.url, '#/replies');
    // The list is drawn once its answer arrives: wait for its heading line.
    await page.getByText(/^Incidents naming /).waitFor();
    expect(await page.locator('ul.awaiting-list li', { hasText: title }).count()).toBe(0);
    await expect.poll(async () => Number((await badge.textContent())?.match(/^(\d+)/)?.[1])).toBe(count - 1);

    // An incident the liaison sees (published) but that does not name their party: no form.
    const other = await page.evaluate(async () => {
      const list = (await (await fetch('/api/incidents?limit=100')).json()) as { items: { id: number }[] };
      for (const { id } of list.items) {
        const detail = (await (await fetch(`/api/incidents/${id}`)).json()) as { mayReply: boolean };
        if (!detail.mayReply) return id;
      }
      return null;
    });
    expect(other).not.toBeNull();
    await open(page, scene.truce.url, `#/incidents/${other}`);
    await page.getByRole('heading', { name: 'Party responses' }).waitFor();
    expect(await page.getByRole('form', { name: 'File a response for your party' }).count()).toBe(0);
  });
});
