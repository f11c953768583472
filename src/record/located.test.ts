import { beforeAll, expect, it } from 'vitest';
import { actorOf } from '../audit/actor.js';
import { exportIncidents } from '../exchange/export.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { createApp } from '../server/app.js';
import { parseIncidentFilters } from './incident-filters.js';
import { createIncident } from './incident-store.js';
import { listIncidents } from './incident-list-store.js';
import { incidentMap } from './map-store.js';
import { buildIncident } from './test-support/builders.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const ctx = { actor: actorOf({ username: 'test' }) };
const reading = (q: Record<string, string>) => (n: string) => (q[n] === undefined ? undefined : [q[n]]);

// In our own words: two shellings placed on a village, and two reports that name only "the
// front" and "a road north of the town", which no gazetteer places.
describeEachDatabase('the located filter: incidents with coordinates or without', (t) => {
  const placed: number[] = [];
  const unplaced: number[] = [];

  beforeAll(async () => {
    for (const lat of [39.9, 40.1])
      placed.push((await createIncident(t.db, ctx, buildIncident({ lat, status: 'confirmed' }))).id);
    for (const placeName of ['the front', 'a road north of the town'])
      unplaced.push(
        (
          await createIncident(
            t.db,
            ctx,
            buildIncident({ placeName, lat: null, lon: null, geoPrecision: 'country', status: 'confirmed' }),
          )
        ).id,
      );
  });

  const ids = (items: readonly { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);

  it('lists only the incidents with no coordinates with located=no, only placed ones with yes', async () => {
    const no = await listIncidents(t.db, parseIncidentFilters(reading({ located: 'no' })));
    expect(ids(no.items)).toEqual(unplaced);
    const yes = await listIncidents(t.db, parseIncidentFilters(reading({ located: 'yes' })));
    expect(ids(yes.items)).toEqual(placed);
    expect((await listIncidents(t.db, {})).total).toBe(4);
  });

  it('counts on the map exactly the incidents located=no lists, whatever the box', async () => {
    const filters = parseIncidentFilters(reading({ kind: 'shelling', bbox: '46,39.95,47,40.5' }));
    const map = await incidentMap(t.db, filters, { kind: 'all' }, 8);
    expect(map.points.map((p) => p.id)).toEqual([placed[1]]);
    const listed = await listIncidents(
      t.db,
      parseIncidentFilters(reading({ kind: 'shelling', located: 'no' })),
    );
    expect(map.unlocated).toBe(listed.total);
    expect(ids(listed.items)).toEqual(unplaced);
  });

  it('exports only the unplaced ones with located=no', async () => {
    const out = exportIncidents(t.db, {
      format: 'json',
      filters: parseIncidentFilters(reading({ located: 'no' })),
      statuses: ['confirmed'],
    });
    let text = '';
    for await (const chunk of out.body) text += String(chunk);
    const exported = (JSON.parse(text) as { incidents: { title: string }[] }).incidents;
    expect(exported).toHaveLength(2);
  });

  it('refuses a value it does not know and a box with located=no, naming the field and the rule', () => {
    expect(() => parseIncidentFilters(reading({ located: 'maybe' }))).toThrow(
      /^Located must be one of yes, no$/,
    );
    expect(() => parseIncidentFilters(reading({ located: 'no', bbox: '46,39,47,41' }))).toThrow(
      /cannot go with bbox/,
    );
    expect(() => parseIncidentFilters(reading({ located: 'yes', bbox: '46,39,47,41' }))).not.toThrow();
  });

  it('answers a bad located value with 400 naming the field, on the list and the map', async () => {
    const runtime: Runtime = testRuntime(t);
    const app = createApp(runtime);
    for (const path of ['/api/incidents?located=nowhere', '/api/map?located=no&bbox=46,39,47,41&zoom=8']) {
      const response = await app.request(path);
      const body = (await response.json()) as { error: { code: string; details?: { field?: string } } };
      expect(response.status, path).toBe(400);
      expect(body.error.details?.field, path).toBe('located');
    }
    const listed = await app.request('/api/incidents?located=no');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { total: number }).total).toBe(2);
  });
});
