import { IntlMessageFormat } from 'intl-messageformat';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../web/src/i18n/messages/ar.json' with { type: 'json' };
import fr from '../../web/src/i18n/messages/fr.json' with { type: 'json' };
import { axeViolations } from './support/axe.js';
import { open } from './support/app.js';
import { hasChromium, launchBrowser, SKIP_REASON, type Browser } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

/** The public pages; Armenian and Azerbaijani ship the report form only (the rest falls back to English). */
const PUBLIC_PAGES = [
  { name: 'map', hash: '#/map' },
  { name: 'list', hash: '#/list' },
  { name: 'timeline', hash: '#/timeline' },
  { name: 'incident', hash: '#/incidents/1' },
  { name: 'report', hash: '#/report' },
  { name: 'bulletin', hash: '#/bulletins?date=2020-11-20' },
  { name: 'bulletin-check', hash: '#/bulletins/verify' },
] as const;
const COMPLETE = ['en', 'ru', 'fr', 'ar'] as const;
const FORM_ONLY = ['hy', 'az'] as const;
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

async function openIn(page: Page, base: string, hash: string, lang: string): Promise<void> {
  await open(page, base, `${hash}${hash.includes('?') ? '&' : '?'}lang=${lang}`);
  if (hash === '#/map') await page.locator('#incident-map .place-label').first().waitFor();
}

describe.skipIf(!hasChromium)('the app in other languages', () => {
  const scene = demoScene([]);

  it('lays the public form out right to left in Arabic, with both required-field messages translated', async () => {
    const { page } = scene.w;
    await openIn(page, scene.truce.url, '#/report', 'ar');
    expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ar');
    await page.locator('main h1', { hasText: ar['report.title'] }).waitFor();
    await page.getByRole('button', { name: ar['report.send'] }).click();
    await expect
      .poll(() => page.locator('#f-comment-error').textContent())
      .toBe(ar['report.commentRequired']);
    expect(await page.locator('#f-name-error').textContent()).toBe(ar['report.nameRequired']);
    // The form's inline start is on the right: each label begins at the form's right edge.
    const form = await page.locator('form.report-form').boundingBox();
    // The label's text (not its box, which spans the form) is measured.
    const label = (await page.evaluate(`(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('label[for="f-comment"]'));
      const box = range.getBoundingClientRect();
      return { x: box.x, width: box.width };
    })()`)) as { x: number; width: number };
    if (!form) throw new Error('the form is not drawn');
    expect(Math.abs(form.x + form.width - (label.x + label.width))).toBeLessThan(4);
    expect(label.x).toBeGreaterThan(form.x + 40);
    await screenshot(page, 'report-form-errors-ar');
  });

  it('lays the bulletin out right to left in Arabic, its sections and steps in Arabic', async () => {
    const { page } = scene.w;
    await openIn(page, scene.truce.url, '#/bulletins?date=2020-11-20', 'ar');
    await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');
    const article = page.locator('article.bulletin');
    await article.waitFor();
    const headings = await article.locator('h2').allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining([ar['bulletin.violations'], ar['bulletin.commitments'], ar['bulletin.audit']]),
    );
    expect(await page.locator('label[for="bulletin-day"]').textContent()).toBe(ar['bulletin.goToDay']);
    expect(await page.locator('.bulletin-index h2').textContent()).toBe(ar['bulletin.index']);
    // The day is written the Arabic way, not as the record's ISO date.
    expect(await page.locator('main h1').textContent()).not.toContain('2020-11-20');
    // The heading starts on the right: its text ends at the page's right edge.
    const edges = (await page.evaluate(`(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('main h1'));
      const text = range.getBoundingClientRect();
      const main = document.querySelector('.bulletin-page').getBoundingClientRect();
      return { textRight: text.right, mainRight: main.right, textLeft: text.left, mainLeft: main.left };
    })()`)) as { textRight: number; mainRight: number; textLeft: number; mainLeft: number };
    expect(Math.abs(edges.mainRight - edges.textRight)).toBeLessThan(4);
    expect(edges.textLeft - edges.mainLeft).toBeGreaterThan(4);
    await page.getByRole('link', { name: ar['bulletin.howToCheck'] }).click();
    await page.locator('main h1', { hasText: ar['bulletinCheck.title'] }).waitFor();
  });

  it('says the server’s refusal of a report field in French, by its rule code', async () => {
    const { page } = scene.w;
    await openIn(page, scene.truce.url, '#/report', 'fr');
    await page.locator('main h1', { hasText: fr['report.title'] }).waitFor();
    await page.getByLabel(fr['report.comment']).fill('Des tirs entendus au nord du village vers minuit.');
    // The form checks only that a name is given; the server refuses one longer than 200 characters.
    await page.getByLabel(fr['report.name']).fill('N'.repeat(201));
    await page.getByRole('button', { name: fr['report.send'] }).click();
    const expected = new IntlMessageFormat(fr['rule.too_long'], 'fr').format({
      field: fr['field.name'],
      max: 200,
    });
    await expect.poll(() => page.locator('#f-name-error').textContent()).toBe(expected);
    expect(expected).toContain('200');
    await screenshot(page, 'report-server-error-fr');
  });

  it('says the server’s refusal of a public filter in Arabic, by its rule code', async () => {
    const { page } = scene.w;
    // A link whose "From" is later than its "To" (the form refuses it; a typed link reaches the server).
    await openIn(page, scene.truce.url, '#/list?from=2020-12-01&to=2020-11-01', 'ar');
    const expected = new IntlMessageFormat(ar['rule.from_after_to'], 'ar').format({
      field: ar['field.from'],
    });
    await expect.poll(() => page.locator('main').textContent()).toContain(String(expected));
    expect(await page.locator('main').textContent()).not.toContain('must not be later');
  });

  it('switches language from the header and keeps it in the URL across navigation', async () => {
    const { page } = scene.w;
    await openIn(page, scene.truce.url, '#/list', 'en');
    await page.locator('#header-lang').selectOption('fr');
    await page.waitForURL(/lang=fr/);
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe('fr');
    expect(await page.evaluate('document.documentElement.dir')).toBe('ltr');
    await page.locator('#nav').getByRole('link', { name: fr['nav.timeline'] }).click();
    await page.locator('main h1', { hasText: fr['timeline.title'] }).waitFor();
    expect(page.url()).toMatch(/#\/timeline\?(.*&)?lang=fr/);
    // A link without the language (typed or bookmarked) gets it back from the earlier choice.
    await page.goto(`${scene.truce.url}/#/map`);
    await page.locator('main h1', { hasText: fr['map.title'] }).waitFor();
    await page.waitForURL(/#\/map\?(.*&)?lang=fr/);
  });

  for (const size of SIZES) {
    describe(size.name, () => {
      let browser: Browser;
      let page: Page;
      beforeAll(async () => {
        browser = await launchBrowser(size.viewport);
        page = await browser.context.newPage();
      });
      afterAll(async () => browser?.close());

      const targets = [
        ...COMPLETE.flatMap((lang) => PUBLIC_PAGES.map((p) => ({ ...p, lang }))),
        ...FORM_ONLY.map((lang) => ({ name: 'report', hash: '#/report', lang })),
      ];
      for (const target of targets) {
        it(`${target.name} in ${target.lang}: axe-core finds nothing, no sideways scroll`, async () => {
          await openIn(page, scene.truce.url, target.hash, target.lang);
          // From one language's page to another's is a hash change: wait for the catalogue.
          await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(target.lang);
          await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
          expect(await axeViolations(page), `${target.hash} in ${target.lang} at ${size.name}`).toEqual([]);
          const overflows = await page.evaluate(
            'document.documentElement.scrollWidth > document.documentElement.clientWidth',
          );
          expect(overflows, `${target.hash} in ${target.lang} scrolls sideways at ${size.name}`).toBe(false);
          await screenshot(page, `page-${target.name}-${target.lang}-${size.name}`);
        });
      }
    });
  }
});
