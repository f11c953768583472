import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { apiRoutes } from './app.js';
import {
  buildScene,
  getAs,
  SCENE_DAY,
  type Scene,
  type SceneRecord,
} from './test-support/visibility-scene.js';

/**
 * Who may see which record, written here by hand and not read from the app: 1 = may see, 0 = may
 * not. Parties: A = SD (Sudan), B = SS (South Sudan), C = SDL (a pack party whose code starts with
 * "SD"); "both" names A and B; "none" names no party. Published = confirmed.
 */
const IDENTITIES = [
  'public',
  'admin',
  'analyst',
  'monitor',
  'liaison-SD',
  'liaison-SS',
  'liaison-SDL',
] as const;
type Identity = (typeof IDENTITIES)[number];
// prettier-ignore
const MAY_SEE: Readonly<Record<string, readonly (0 | 1)[]>> = {
  //                  public admin analyst monitor  SD  SS  SDL
  'confirmed/A':    [   1,    1,     1,      1,     1,  1,  1 ],
  'confirmed/B':    [   1,    1,     1,      1,     1,  1,  1 ],
  'confirmed/both': [   1,    1,     1,      1,     1,  1,  1 ],
  'confirmed/none': [   1,    1,     1,      1,     1,  1,  1 ],
  'confirmed/C':    [   1,    1,     1,      1,     1,  1,  1 ],
  'candidate/A':    [   0,    1,     1,      1,     1,  0,  0 ],
  'candidate/B':    [   0,    1,     1,      1,     0,  1,  0 ],
  'candidate/both': [   0,    1,     1,      1,     1,  1,  0 ],
  'candidate/none': [   0,    1,     1,      1,     0,  0,  0 ],
  'candidate/C':    [   0,    1,     1,      1,     0,  0,  1 ],
  'rejected/A':     [   0,    1,     1,      1,     1,  0,  0 ],
  'rejected/B':     [   0,    1,     1,      1,     0,  1,  0 ],
  'rejected/both':  [   0,    1,     1,      1,     1,  1,  0 ],
  'rejected/none':  [   0,    1,     1,      1,     0,  0,  0 ],
  'rejected/C':     [   0,    1,     1,      1,     0,  0,  1 ],
};
const STAFF: readonly Identity[] = ['admin', 'analyst', 'monitor'];

const maySee = (identity: Identity, record: SceneRecord) =>
  MAY_SEE[record.name]?.[IDENTITIES.indexOf(identity)] === 1;

/** What a record leaves in an answer that shows it: its marker (title, source, statement) or public id. */
const shows = (body: string, record: SceneRecord) =>
  body.includes(record.marker) || body.includes(record.publicId);

/** Query variants asked of every route without path parameters: every format, every status, every party. */
const FORMATS = ['json', 'md', 'html', 'acled', 'ucdp', 'geojson', 'hxl'];
const ALL_STATUSES = 'status=candidate,under_review,confirmed,disputed,rejected,merged';
const VARIANTS = [
  '',
  ALL_STATUSES,
  ...FORMATS.flatMap((f) => [`format=${f}`, `format=${f}&${ALL_STATUSES}`]),
  ...['SD', 'SS', 'SDL'].map((p) => `party=${p}&${ALL_STATUSES}`),
  `from=${SCENE_DAY}&to=${SCENE_DAY}&${ALL_STATUSES}`,
  `asOf=${SCENE_DAY}`,
  // The search: every marker starts "qx".
  'q=qx*&limit=50',
  `q=qx*&limit=50&${ALL_STATUSES}`,
];

/** Every concrete request for one route: its path parameters filled with every id of the scene. */
function requestsOf(path: string, scene: Scene): string[] {
  if (!path.includes(':')) return VARIANTS.map((q) => (q ? `${path}?${q}` : path));
  const ids = [...scene.records.flatMap((r) => [r.incidentId, r.sourceId]), 987_654];
  const values = path.includes(':date') ? [SCENE_DAY] : [...new Set(ids)].map(String);
  const filled = values.map((v) => path.replace(/:\w+/g, v));
  return path.includes(':date') ? filled.flatMap((p) => FORMATS.map((f) => `${p}?format=${f}`)) : filled;
}

describeEachDatabase('visibility sweep: every route, every identity, against the table', (t) => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await buildScene(t.db, t.config);
  });

  it('shows no identity a record beyond the table, on any GET route, and shows each what it may see', async () => {
    const routes = apiRoutes(scene.runtime, () => new Date()).filter((r) => r.method === 'GET');
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/api/incidents',
        '/api/incidents/:id',
        '/api/sources/:id',
        '/api/map',
        '/api/timeline',
        '/api/statements',
        '/api/bulletins/:date',
        '/api/export',
        '/api/search',
      ]),
    );
    expect(scene.records).toHaveLength(Object.keys(MAY_SEE).length);
    const leaks: string[] = [];
    const seen = new Map<string, Set<string>>(IDENTITIES.map((i) => [i, new Set<string>()]));
    for (const route of routes)
      for (const path of requestsOf(route.path, scene))
        for (const identity of IDENTITIES) {
          const { status, body } = await getAs(scene, identity, path);
          if (status >= 500) leaks.push(`${identity} GET ${path}: ${status}`);
          for (const record of scene.records) {
            if (!shows(body, record)) continue;
            if (maySee(identity, record)) seen.get(identity)?.add(record.name);
            else leaks.push(`${identity} GET ${path} shows ${record.name}`);
          }
          if (!STAFF.includes(identity)) {
            if (body.includes('file://')) leaks.push(`${identity} GET ${path} shows a file path`);
            if (body.includes(scene.reviewReason))
              leaks.push(`${identity} GET ${path} shows a review reason`);
            for (const name of scene.staffNames)
              if (body.includes(name)) leaks.push(`${identity} GET ${path} names ${name}`);
          }
          if (path.startsWith('/api/bulletins/') && body.includes(scene.publicComment))
            leaks.push(`${identity} GET ${path} prints a public-form comment`);
        }
    expect(leaks).toEqual([]);
    // The sweep is not blind: every identity was shown every record the table lets it see.
    for (const identity of IDENTITIES) {
      const expected = scene.records.filter((r) => maySee(identity, r)).map((r) => r.name);
      expect([...(seen.get(identity) ?? [])].sort()).toEqual(expected.sort());
    }
  });

  it('answers an incident or source the caller may not see exactly as an unknown id (no existence oracle)', async () => {
    for (const identity of IDENTITIES) {
      const unknownIncident = await getAs(scene, identity, '/api/incidents/987654');
      const unknownSource = await getAs(scene, identity, '/api/sources/987654');
      for (const record of scene.records.filter((r) => !maySee(identity, r))) {
        const incident = await getAs(scene, identity, `/api/incidents/${record.incidentId}`);
        expect(incident.status).toBe(404);
        expect(incident.body).toBe(unknownIncident.body.replaceAll('987654', String(record.incidentId)));
        const source = await getAs(scene, identity, `/api/sources/${record.sourceId}`);
        expect(source.status).toBe(404);
        expect(source.body).toBe(unknownSource.body.replaceAll('987654', String(record.sourceId)));
      }
    }
  });
});
