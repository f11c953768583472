import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { open } from './support/app.js';
import { hasChromium, launchBrowser, SKIP_REASON } from './support/chromium.js';
import { demoScene } from './support/scene.js';
import { screenshot } from './support/screens.js';

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
/** Three incidents at one spot, the rest spread over a grid: more than the API sends as points. */
const SPOT = { lat: 40.5, lon: 47.25 };
const SPREAD = 330;

function acledRows(): string {
  const row = (i: number, lat: number, lon: number) =>
    `MAP${1000 + i},2021-03-${String(1 + (i % 27)).padStart(2, '0')},2021,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Unidentified Armed Group,,Political militia,,,,,,31,Caucasus and Central Asia,Azerbaijan,,,,Grid point ${i},${lat.toFixed(4)},${lon.toFixed(4)},2,Test Wire,National,Shells landed in an empty field at grid point ${i}; nobody was hurt.,0,,1614729600`;
  const rows = [HEADER];
  for (let i = 0; i < SPREAD; i++)
    rows.push(row(i, 39.2 + (i % 22) * 0.07, 45.2 + Math.floor(i / 22) * 0.12));
  for (let i = 0; i < 3; i++) rows.push(row(SPREAD + i, SPOT.lat, SPOT.lon));
  return rows.join('\n') + '\n';
}

const atOf = (url: string) => new URLSearchParams(url.split('?')[1] ?? '').get('at') ?? '';

describe.skipIf(!hasChromium)('the map', () => {
  const scene = demoScene([], (truce) => {
    const file = join(mkdtempSync(join(tmpdir(), 'truce-map-')), 'grid.csv');
    writeFileSync(file, acledRows());
    const imported = truce.cli(['import', file, '--format', 'acled', '--status', 'confirmed']);
    expect(imported.status, imported.stderr).toBe(0);
  });

  it('shows place names, clusters with a legend, and the incidents with no coordinates', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/map');
    await page.locator('#incident-map .cluster').first().waitFor();
    await page.locator('#incident-map .place-label').first().waitFor();
    expect(await page.locator('#incident-map .place-label').count()).toBeGreaterThan(3);
    // The theatre's provinces as thin lines, with their own switch next to the place layers.
    await page.locator('#incident-map[data-admin1="drawn"]').waitFor();
    expect(await page.locator('#incident-map path.admin1-line').count()).toBeGreaterThan(5);
    const provinces = page.getByRole('checkbox', { name: 'Provinces and regions' });
    expect(await provinces.isChecked()).toBe(true);
    await provinces.uncheck();
    expect(await page.locator('#incident-map path.admin1-line').count()).toBe(0);
    await provinces.check();
    expect(await page.locator('#incident-map path.admin1-line').count()).toBeGreaterThan(5);
    const legend = page.getByRole('region', { name: 'Legend' });
    for (const status of ['confirmed', 'disputed', 'under review', 'candidate'])
      await legend.getByText(status, { exact: true }).waitFor();
    // The demo has incidents no place locates: the note counts them and links to the list.
    const note = page.locator('.map-unlocated');
    expect(await note.textContent()).toMatch(/^\d+ matching incidents? ha(s|ve) no coordinates/);
    expect(Number(await note.getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await note.getByRole('link').getAttribute('href')).toBe('#/list?located=no');
    // No two cluster circles overlap.
    const boxes = await page.locator('#incident-map .cluster').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, r: r.width / 2 };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'map-clusters');
  });

  it('zooms into a cluster to its points, keeping the view in the URL across a reload', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/map');
    await page.locator('#incident-map .cluster').first().waitFor();
    const startAt = atOf(page.url());
    expect(startAt).toMatch(/^-?\d+\.\d{4},-?\d+\.\d{4},\d+(\.5)?$/);
    for (let i = 0; i < 4 && (await page.locator('#incident-map .cluster').count()) > 0; i++) {
      const before = await page.locator('.map-summary').textContent();
      await page.locator('#incident-map .cluster').first().click();
      await expect
        .poll(() => page.locator('.map-summary').textContent(), { timeout: 30_000 })
        .not.toBe(before);
    }
    await page.locator('#incident-map path.leaflet-interactive').first().waitFor();
    await screenshot(page, 'map-zoomed');
    expect(
      await page.getByRole('region', { name: 'Legend' }).getByText('confirmed', { exact: true }).count(),
    ).toBe(1);
    const zoomedAt = atOf(page.url());
    expect(Number(zoomedAt.split(',')[2])).toBeGreaterThan(Number(startAt.split(',')[2]));
    await page.reload();
    await page.locator('.map-summary[data-count]').waitFor();
    expect(atOf(page.url())).toBe(zoomedAt);
    await page.locator('#incident-map path.leaflet-interactive').first().waitFor();
  });

  it('fans the incidents of one spot out as their own markers, each with its popup, and folds them back', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, `#/map?at=${SPOT.lat},${SPOT.lon},12`);
    const spot = page.locator('#incident-map .spot', { hasText: '3' });
    await spot.waitFor();
    expect(await spot.getAttribute('aria-expanded')).toBe('false');
    await spot.click();
    const fanned = page.locator('#incident-map .fanned');
    await expect.poll(() => fanned.count()).toBe(3);
    expect(await spot.getAttribute('aria-expanded')).toBe('true');
    // Each on its own place around the spot, joined to it by a leader line.
    const centres = await fanned.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return `${Math.round(r.x + r.width / 2)},${Math.round(r.y + r.height / 2)}`;
      }),
    );
    expect(new Set(centres).size).toBe(3);
    expect(await page.locator('#incident-map path.fan-leader').count()).toBe(3);
    for (const label of await fanned.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
      expect(label).toMatch(
        /^Shelling, confirmed, 2021-03-\d\d: Shelling\/artillery\/missile attack — Grid point 33[012]$/,
      );
    const legend = page.getByRole('region', { name: 'Legend' });
    await legend.getByText('confirmed', { exact: true }).waitFor();
    await screenshot(page, 'map-fanned');
    await fanned.first().click();
    const popup = page.locator('.leaflet-popup-content');
    const link = popup.getByRole('link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^#\/incidents\/\d+$/);
    expect(await link.textContent()).toBe(await fanned.first().getAttribute('title'));
    expect(await axeViolations(page)).toEqual([]);
    // A click on the map folds them back.
    const box = await page.locator('#incident-map').boundingBox();
    if (!box) throw new Error('no map box');
    await page.mouse.click(box.x + 20, box.y + box.height - 40);
    await expect.poll(() => fanned.count()).toBe(0);
    expect(await spot.getAttribute('aria-expanded')).toBe('false');
  });

  it('fans a spot out from the keyboard, the focus on its first incident, and Escape folds it', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, `#/map?at=${SPOT.lat},${SPOT.lon},12`);
    const spot = page.locator('#incident-map .spot', { hasText: '3' });
    await spot.waitFor();
    expect(await spot.getAttribute('aria-label')).toBe('3 incidents at one spot');
    await spot.focus();
    await page.keyboard.press('Enter');
    const fanned = page.locator('#incident-map .fanned');
    await expect.poll(() => fanned.count()).toBe(3);
    await expect.poll(() => page.locator('#incident-map .fanned:focus').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup-content a').waitFor();
    await page.locator('.leaflet-popup-close-button').click();
    await fanned.first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => fanned.count()).toBe(0);
    await expect.poll(() => page.locator('#incident-map .spot:focus').count()).toBe(1);
    await page.keyboard.press(' ');
    await expect.poll(() => fanned.count()).toBe(3);
  });

  it('links the note on incidents with no coordinates to exactly those, in a list that can be cleared', async () => {
    const { page } = scene.w;
    await open(page, scene.truce.url, '#/map');
    const note = page.locator('.map-unlocated[data-count]');
    await note.waitFor();
    const count = Number(await note.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await note.getByRole('link').click();
    await page.locator('.list-located').waitFor();
    expect(page.url()).toContain('#/list?located=no');
    expect(await page.getByRole('combobox', { name: 'Coordinates' }).inputValue()).toBe('no');
    expect(await page.getByText(/incidents? match/).textContent()).toContain(String(count));
    const ids = await page
      .locator('table.incidents tbody a')
      .evaluateAll((els) => els.map((e) => (e.getAttribute('href') ?? '').split('/').pop()));
    expect(ids.length).toBe(Math.min(count, 50));
    for (const id of ids) {
      const response = await page.request.get(`${scene.truce.url}/api/incidents/${id}`);
      const { incident } = (await response.json()) as {
        incident: { lat: number | null; lon: number | null };
      };
      expect(incident.lat === null || incident.lon === null, `incident ${id}`).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Show all incidents' }).click();
    await expect.poll(() => page.url()).not.toContain('located');
    await expect
      .poll(async () =>
        Number(((await page.getByText(/incidents? match/).textContent()) ?? '').replace(/\D/g, '')),
      )
      .toBeGreaterThan(count);
  });

  it('folds the filters away on a phone, the map on the first screen, with no axe violations', async () => {
    const browser = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await browser.context.newPage();
      await open(page, scene.truce.url, '#/map');
      await page.locator('.map-summary[data-count]').waitFor();
      expect(await page.locator('details.map-filters').getAttribute('open')).toBeNull();
      const box = await page.locator('#incident-map').boundingBox();
      expect(box && box.y + 200 < 844).toBe(true);
      await page.getByText('Filters', { exact: true }).click();
      await page.getByRole('combobox', { name: 'Kind' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'map-phone');
    } finally {
      await browser.close();
    }
  });
});
