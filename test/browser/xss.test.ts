import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, signIn, signOut } from './support/app.js';
import {
  hasChromium,
  launchBrowser,
  SKIP_REASON,
  watchedPage,
  type Browser,
  type Watched,
} from './support/chromium.js';
import { screenshot } from './support/screens.js';
import { startTruce, type Truce } from './support/server.js';
import { addAccount, ANALYST, LIAISON } from './support/users.js';
import { apiSession, injectedCount, XSS_PAYLOADS } from './support/xss.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

type Post = (path: string, body: unknown) => Promise<Response>;

describe.skipIf(!hasChromium)('untrusted text renders inert on every page', () => {
  let truce: Truce;
  let browser: Browser;
  let w: Watched;
  const incidents: number[] = [];

  beforeAll(async () => {
    truce = await startTruce();
    expect(truce.cli(['demo']).status).toBe(0);
    await addAccount(truce, ANALYST);
    await addAccount(truce, LIAISON);
    browser = await launchBrowser();
    w = await watchedPage(browser.context);
  });

  afterAll(async () => {
    await browser?.close();
    await truce?.stop();
  });

  const expectInert = async (name: string) => {
    expect(w.dialogs, `a dialog opened on ${name}`).toEqual([]);
    expect(await injectedCount(w.page), `an injected element exists on ${name}`).toBe(0);
  };

  it('submits payloads through the public form', async () => {
    for (const payload of XSS_PAYLOADS.slice(0, 3)) {
      await open(w.page, truce.url, '#/report');
      await w.page.getByLabel('What happened').fill(payload);
      await w.page.getByLabel('Your name').fill(payload);
      await w.page.getByLabel('Where (optional)').fill(payload);
      await w.page.getByRole('button', { name: 'Send report' }).click();
      await w.page.getByText('Thank you. Your report was received').waitFor();
      await expectInert('the report form');
    }
  });

  it('submits payloads through the API as field reports, review reasons and a response', async () => {
    const analyst = await apiSession(truce.url, ANALYST.username, ANALYST.password);
    for (const [i, payload] of XSS_PAYLOADS.entries()) incidents.push(await fieldReport(analyst, payload, i));
    for (const id of incidents) await confirm(analyst, id, XSS_PAYLOADS[id % XSS_PAYLOADS.length] ?? 'x');
    const liaison = await apiSession(truce.url, LIAISON.username, LIAISON.password);
    const armenian = await firstIncidentOf(truce.url, 'Armenia');
    for (const payload of XSS_PAYLOADS.slice(0, 4)) {
      const answer = await liaison(`/incidents/${armenian}/responses`, { stance: 'denies', text: payload });
      expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    }
    incidents.push(armenian);
  });

  it('renders them as text for an analyst', async () => {
    await signIn(w.page, truce.url, ANALYST);
    for (const hash of [
      '#/review',
      '#/list',
      '#/timeline',
      '#/agreement',
      '#/mission',
      '#/bulletins',
      '#/field-report',
    ]) {
      await open(w.page, truce.url, hash);
      await expectInert(hash);
    }
    await open(w.page, truce.url, '#/review');
    await w.page
      .getByText(XSS_PAYLOADS[0] ?? '', { exact: false })
      .first()
      .waitFor();
    await screenshot(w.page, 'xss-review-queue');
    for (const id of incidents) {
      await open(w.page, truce.url, `#/incidents/${id}`);
      await expectInert(`incident ${id}`);
    }
    await screenshot(w.page, 'xss-incident');
  });

  it('renders them as text for the public, on the list, the map and its popups', async () => {
    await signOut(w.page);
    await open(w.page, truce.url, '#/list?kind=shelling');
    await expectInert('the public list');
    await open(w.page, truce.url, '#/map?kind=shelling&from=2020-12-01&to=2020-12-31');
    await w.page.locator('.map-summary[data-count]').waitFor();
    await w.page.locator('.in-view li').first().waitFor();
    await w.page.locator('path.leaflet-interactive').first().click({ force: true });
    await w.page.locator('.leaflet-popup-content a').waitFor();
    await screenshot(w.page, 'xss-map-popup');
    await expectInert('the map with a popup open');
    for (const id of incidents.slice(0, 3)) {
      await open(w.page, truce.url, `#/incidents/${id}`);
      await expectInert(`public incident ${id}`);
    }
    expect(w.errors, w.errors.join('\n')).toEqual([]);
  });
});

async function fieldReport(post: Post, payload: string, i: number): Promise<number> {
  const answer = await post('/field-reports', {
    kind: 'shelling',
    date: `2020-12-${String(10 + i).padStart(2, '0')}`,
    placeName: payload,
    lat: 39.8 + i / 100,
    lon: 46.7 + i / 100,
    description: payload,
    killed: 1,
    idempotencyKey: `xss-field-report-${i}`,
  });
  const body = (await answer.json()) as { incidentId: number };
  expect(answer.status).toBe(201);
  return body.incidentId;
}

async function confirm(post: Post, id: number, reason: string): Promise<void> {
  const first = await post(`/incidents/${id}/review`, { status: 'under_review', reason, baseVersion: 1 });
  const { version } = (await first.json()) as { version: number };
  const second = await post(`/incidents/${id}/review`, { status: 'confirmed', reason, baseVersion: version });
  expect(second.status).toBe(200);
}

async function firstIncidentOf(base: string, party: string): Promise<number> {
  const answer = await fetch(`${base}/api/incidents?party=${party}&limit=1`);
  const body = (await answer.json()) as { items: { id: number }[] };
  const id = body.items[0]?.id;
  if (!id) throw new Error(`no incident names ${party}`);
  return id;
}
