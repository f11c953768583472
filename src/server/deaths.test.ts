import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { createIncident } from '../record/incident-store.js';
import type { Incident } from '../record/schemas.js';
import { buildIncident } from '../record/test-support/builders.js';
import { createApp } from './app.js';

const killed = (population: string, n: number, claimant: string) => ({
  category: 'killed' as const,
  population,
  low: n,
  best: n,
  high: n,
  qualifier: 'exact' as const,
  claimant,
});

/**
 * One shelling, claims from several populations: the defence ministry of one side says 2 of its
 * soldiers died, a later statement says 3; the other side lost 1; a news agency reports 5 dead
 * without saying whose. Within a population claims are reconciled (2 and 3 → at least 2); the
 * named populations add up (2 + 1 = 3); the 5 of unknown population may include them, so the
 * conservative count is max(5, 3) = 5 — neither the sum of every claim (11) nor of each
 * population's lowest (8).
 */
const EXPECTED_DEATHS = 5;

describeEachDatabase('deaths of one incident', (t) => {
  let app: ReturnType<typeof createApp>;
  let incident: Incident;
  beforeAll(async () => {
    const runtime: Runtime = {
      config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
      db: t.db,
      log: createLogger('silent'),
      close: async () => undefined,
    };
    app = createApp(runtime);
    incident = await createIncident(
      t.db,
      { actor: 'analyst:test' },
      buildIncident({
        kind: 'shelling',
        status: 'confirmed',
        dateStart: '2021-05-14',
        dateEnd: '2021-05-14',
        casualties: [
          killed('AM', 2, 'ministry of defence'),
          killed('AM', 3, 'ministry of defence, later'),
          killed('AZ', 1, 'ministry of defence'),
          killed('unknown', 5, 'news agency'),
          { ...killed('unknown', 4, 'news agency'), category: 'injured' },
        ],
      }),
    );
  });

  it('are the same on the incident page, in the bulletin and in the ACLED export', async () => {
    const page = (await (await app.request(`/api/incidents/${incident.id}`)).json()) as { deaths: number };
    const bulletin = (await (await app.request('/api/bulletins/2021-05-14')).json()) as {
      violations: { killed: number; byArea: { items: { publicId: string; killed: number }[] }[] };
    };
    const csv = await (await app.request('/api/export?format=acled')).text();
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const row = rows.find((r) => r.event_id_cnty === incident.publicId);
    const item = bulletin.violations.byArea
      .flatMap((a) => a.items)
      .find((i) => i.publicId === incident.publicId);

    expect(page.deaths).toBe(EXPECTED_DEATHS);
    expect(item?.killed).toBe(EXPECTED_DEATHS);
    expect(bulletin.violations.killed).toBe(EXPECTED_DEATHS);
    expect(row?.fatalities).toBe(String(EXPECTED_DEATHS));
  });

  it('are the same in the GeoJSON, HXL and UCDP exports', async () => {
    const geo = (await (await app.request('/api/export?format=geojson')).json()) as {
      features: { id: string; properties: { fatalities: number } }[];
    };
    const feature = geo.features.find((f) => f.id === incident.publicId);
    const csv = async (format: string) => {
      const response = await app.request(`/api/export?format=${format}`);
      return parse(await response.text(), { bom: true }) as string[][];
    };
    const [hxlHeader = [], , ...hxlRows] = await csv('hxl');
    const hxl = hxlRows.find((r) => r[hxlHeader.indexOf('event_id')] === incident.publicId) ?? [];
    const [ucdpHeader = [], ...ucdpRows] = await csv('ucdp');
    const ucdp = ucdpRows.find((r) => r[ucdpHeader.indexOf('id')] === incident.publicId) ?? [];

    expect(feature?.properties.fatalities).toBe(EXPECTED_DEATHS);
    expect(hxl[hxlHeader.indexOf('killed_low')]).toBe(String(EXPECTED_DEATHS));
    expect(ucdp[ucdpHeader.indexOf('low')]).toBe(String(EXPECTED_DEATHS));
  });
});
