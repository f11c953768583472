import type { Page } from 'playwright-core';
import type { Account } from './users.js';

/** Steps through the app as a person would. */
export async function open(page: Page, base: string, hash: string): Promise<void> {
  const target = `${base}/${hash}`;
  // Going to the URL already shown changes nothing (same hash): reload to see fresh data.
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await page.locator('main h1').first().waitFor();
  await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
}

export async function signIn(page: Page, base: string, account: Account): Promise<void> {
  await open(page, base, '#/login');
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`${account.username} (${account.role}`).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
}
