import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open, signIn } from './support/app.js';
import { hasChromium, launchBrowser, SKIP_REASON, type Browser } from './support/chromium.js';
import { startTruce, type Truce } from './support/server.js';
import { screenshot } from './support/screens.js';
import { addAccount, ANALYST, LIAISON, MONITOR, type Account } from './support/users.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const FIXTURE = resolve(import.meta.dirname, 'fixtures/martuni-shelling.txt');
const ADMIN: Account = { username: 'adm', password: 'administrator passphrase 2020', role: 'admin' };

/** Every page as the person who uses it sees it; a page added to the app is added here. */
const PAGES: readonly { readonly name: string; readonly hash: string; readonly as: Account | null }[] = [
  { name: 'map', hash: '#/map', as: null },
  { name: 'list', hash: '#/list', as: null },
  { name: 'timeline', hash: '#/timeline', as: null },
  { name: 'incident', hash: '#/incidents/1', as: null },
  { name: 'agreement', hash: '#/agreement?asOf=2020-11-21', as: null },
  { name: 'mission', hash: '#/mission?asOf=2020-12-15', as: null },
  { name: 'bulletins', hash: '#/bulletins?date=2020-11-20', as: null },
  { name: 'bulletins-latest', hash: '#/bulletins', as: null },
  { name: 'bulletins-verify', hash: '#/bulletins/verify', as: null },
  { name: 'verify', hash: '#/verify', as: null },
  { name: 'search', hash: '#/search?q=shelling', as: null },
  { name: 'report', hash: '#/report', as: null },
  { name: 'login', hash: '#/login', as: null },
  { name: 'not-found', hash: '#/no-such-page', as: null },
  { name: 'review', hash: '#/review', as: ANALYST },
  { name: 'duplicates', hash: '#/duplicates', as: ANALYST },
  { name: 'incident-staff', hash: '#/incidents/1', as: ANALYST },
  { name: 'field-report', hash: '#/field-report', as: MONITOR },
  { name: 'activity', hash: '#/activity', as: MONITOR },
  { name: 'feeds', hash: '#/feeds', as: ADMIN },
  { name: 'admin-users', hash: '#/admin/users', as: ADMIN },
  { name: 'admin-tokens', hash: '#/admin/tokens', as: ADMIN },
  { name: 'replies', hash: '#/replies', as: LIAISON },
  { name: 'incident-liaison', hash: '#/incidents/1', as: LIAISON },
];

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

describe.skipIf(!hasChromium)('every page at desktop and phone sizes: axe-core and a screenshot', () => {
  let truce: Truce;
  beforeAll(async () => {
    truce = await startTruce();
    expect(truce.cli(['demo']).status).toBe(0);
    expect(truce.cli(['ingest', FIXTURE, '--published', '2020-12-04']).status).toBe(0);
    for (const account of [ANALYST, LIAISON, MONITOR, ADMIN]) await addAccount(truce, account);
  });
  afterAll(async () => truce?.stop());

  for (const size of SIZES) {
    describe(size.name, () => {
      let browser: Browser;
      let page: Page;
      let signedInAs: string | null = null;
      beforeAll(async () => {
        browser = await launchBrowser(size.viewport);
        page = await browser.context.newPage();
      });
      afterAll(async () => browser?.close());

      for (const target of PAGES) {
        it(`${target.name}${target.as ? ` (as ${target.as.role})` : ''}`, async () => {
          const who = target.as?.username ?? null;
          if (who !== signedInAs) {
            await browser.context.clearCookies();
            if (target.as) await signIn(page, truce.url, target.as);
            signedInAs = who;
          }
          await open(page, truce.url, target.hash);
          // What a map still fetches (its outlines and place names) is in the screenshot too.
          if (target.name === 'map') {
            await page.locator('#incident-map .place-label').first().waitFor();
            await page
              .locator('#incident-map .leaflet-overlay-pane path:not(.leaflet-interactive)')
              .first()
              .waitFor({ state: 'attached' });
          }
          expect(await axeViolations(page), `${target.hash} at ${size.name}`).toEqual([]);
          const overflows = await page.evaluate(
            'document.documentElement.scrollWidth > document.documentElement.clientWidth',
          );
          expect(overflows, `${target.hash} scrolls sideways at ${size.name}`).toBe(false);
          await screenshot(page, `page-${target.name}-${size.name}`);
        });
      }
    });
  }
});
