import { describe, expect, it } from 'vitest';
import { open, signIn, signOut } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { screenshot } from './support/screens.js';
import { demoScene } from './support/scene.js';
import { ANALYST, LIAISON } from './support/users.js';
import { apiSession, injectedCount, XSS_PAYLOADS } from './support/xss.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

type Post = (path: string, body: unknown) => Promise<Response>;

describe.skipIf(!hasChromium)('untrusted text renders inert on every page', () => {
  const scene = demoScene([ANALYST, LIAISON]);
  const incidents: number[] = [];

  const expectInert = async (name: string) => {
    expect(scene.w.dialogs, `a dialog opened on ${name}`).toEqual([]);
    expect(await injectedCount(scene.w.page), `an injected element exists on ${name}`).toBe(0);
  };

  it('submits payloads through the public form', async () => {
    for (const payload of XSS_PAYLOADS.slice(0, 3)) {
      await open(scene.w.page, scene.truce.url, '#/report');
      await scene.w.page.getByLabel('What happened').fill(payload);
      await scene.w.page.getByLabel('Your name').fill(payload);
      await scene.w.page.getByLabel('Where (optional)').fill(payload);
      await scene.w.page.getByRole('button', { name: 'Send report' }).click();
      await scene.w.page.getByText('Thank you. Your report was received').waitFor();
      await expectInert('the report form');
    }
  });

  it('submits payloads through the API as field reports, review reasons and a response', async () => {
    const analyst = await apiSession(scene.truce.url, ANALYST.username, ANALYST.password);
    for (const [i, payload] of XSS_PAYLOADS.entries()) incidents.push(await fieldReport(analyst, payload, i));
    for (const id of incidents) await confirm(analyst, id, XSS_PAYLOADS[id % XSS_PAYLOADS.length] ?? 'x');
    const liaison = await apiSession(scene.truce.url, LIAISON.username, LIAISON.password);
    const armenian = await firstIncidentOf(scene.truce.url, 'Armenia');
    for (const payload of XSS_PAYLOADS.slice(0, 4)) {
      const answer = await liaison(`/incidents/${armenian}/responses`, { stance: 'denies', text: payload });
      expect(answer.status, await answer.clone().text()).toBeLessThan(300);
    }
    incidents.push(armenian);
  });

  it('renders them as text for an analyst', async () => {
    await signIn(scene.w.page, scene.truce.url, ANALYST);
    for (const hash of [
      '#/review',
      '#/list',
      '#/timeline',
      '#/agreement',
      '#/mission',
      '#/bulletins',
      '#/field-report',
    ]) {
      await open(scene.w.page, scene.truce.url, hash);
      await expectInert(hash);
    }
    await open(scene.w.page, scene.truce.url, '#/review');
    await scene.w.page
      .getByText(XSS_PAYLOADS[0] ?? '', { exact: false })
      .first()
      .waitFor();
    await screenshot(scene.w.page, 'xss-review-queue');
    for (const id of incidents) {
      await open(scene.w.page, scene.truce.url, `#/incidents/${id}`);
      await expectInert(`incident ${id}`);
    }
    await screenshot(scene.w.page, 'xss-incident');
  });

  it('renders them as text for the public, on the list, the map and its popups', async () => {
    await signOut(scene.w.page);
    await open(scene.w.page, scene.truce.url, '#/list?kind=shelling');
    await expectInert('the public list');
    await open(scene.w.page, scene.truce.url, '#/map?kind=shelling&from=2020-12-01&to=2020-12-31');
    await scene.w.page.locator('.map-summary[data-count]').waitFor();
    await scene.w.page.locator('.in-view li').first().waitFor();
    await scene.w.page.locator('path.leaflet-interactive').first().click({ force: true });
    await scene.w.page.locator('.leaflet-popup-content a').waitFor();
    await screenshot(scene.w.page, 'xss-map-popup');
    await expectInert('the map with a popup open');
    for (const id of incidents.slice(0, 3)) {
      await open(scene.w.page, scene.truce.url, `#/incidents/${id}`);
      await expectInert(`public incident ${id}`);
    }
    expect(scene.w.errors, scene.w.errors.join('\n')).toEqual([]);
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
