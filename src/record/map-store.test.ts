import { beforeAll, expect, it } from 'vitest';
import { actorOf } from '../audit/actor.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from './incident-store.js';
import { parseIncidentFilters } from './incident-filters.js';
import { incidentMap } from './map-store.js';
import { buildIncident } from './test-support/builders.js';

const ctx = { actor: actorOf({ username: 'test' }) };
const query = (params: Record<string, string>) =>
  parseIncidentFilters((n) => (n in params ? [params[n] ?? ''] : undefined));

describeEachDatabase('the map of incidents', (t) => {
  beforeAll(async () => {
    await createIncident(t.db, ctx, buildIncident({ lat: 40.1, lon: 46.5 }));
    await createIncident(t.db, ctx, buildIncident({ lat: 40.1, lon: 46.5, kind: 'air_strike' }));
    await createIncident(t.db, ctx, buildIncident({ lat: null, lon: null, placeName: null }));
    await createIncident(
      t.db,
      ctx,
      buildIncident({ lat: null, lon: null, kind: 'air_strike', placeName: null }),
    );
  });

  it('places the located incidents and counts those with no coordinates', async () => {
    const all = await incidentMap(t.db, query({}), { kind: 'all' }, 8);
    expect(all.points).toHaveLength(2);
    expect(all.unlocated).toBe(2);
  });

  it('counts the unlocated incidents under the same filters, whatever the box', async () => {
    const shelling = await incidentMap(
      t.db,
      query({ kind: 'shelling', bbox: '0,0,1,1' }),
      { kind: 'all' },
      8,
    );
    expect(shelling.points).toHaveLength(0);
    expect(shelling.unlocated).toBe(1);
  });
});
