import { beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { buildScene, getAs, SCENE_DAY, type Scene } from './test-support/visibility-scene.js';

const ALL = 'status=candidate,under_review,confirmed,disputed,rejected,merged';

/**
 * A liaison of party A (SD, Sudan) never sees an unpublished incident of party B (SS, South
 * Sudan) or of SDL (a party whose code starts with "SD"), through any route; it does see its own
 * party's candidates. Expected, by hand: SD's liaison sees candidate/A, candidate/both,
 * rejected/A, rejected/both among the unpublished records, and nothing else unpublished.
 */
describeEachDatabase("a liaison sees its own party's incidents, never another's", (t) => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await buildScene(t.db, t.config);
  });

  const markersOf = (names: readonly string[]) =>
    names.map((n) => scene.records.find((r) => r.name === n)?.marker ?? `missing ${n}`);

  it.each([
    [
      'liaison-SD',
      ['candidate/A', 'candidate/both', 'rejected/A', 'rejected/both'],
      ['candidate/B', 'rejected/B', 'candidate/C', 'rejected/C', 'candidate/none'],
    ],
    [
      'liaison-SS',
      ['candidate/B', 'candidate/both', 'rejected/B', 'rejected/both'],
      ['candidate/A', 'rejected/A', 'candidate/C', 'rejected/C', 'candidate/none'],
    ],
  ])(
    "%s: list, map, detail, statements show its own; no route shows the other parties'",
    async (who, own, others) => {
      const list = await getAs(scene, who, `/api/incidents?${ALL}`);
      const map = await getAs(scene, who, `/api/map?${ALL}`);
      const statements = await getAs(scene, who, '/api/statements');
      for (const marker of markersOf(own)) {
        expect(list.body).toContain(marker);
        expect(statements.body).toContain(marker);
      }
      for (const name of own) {
        const record = scene.records.find((r) => r.name === name);
        expect((await getAs(scene, who, `/api/incidents/${record?.incidentId}`)).status).toBe(200);
        expect(map.body).toContain(`"id":${record?.incidentId},`);
      }
      const everywhere = [
        list,
        map,
        statements,
        await getAs(scene, who, `/api/timeline?${ALL}`),
        ...(await Promise.all(
          ['json', 'md', 'html'].map((f) => getAs(scene, who, `/api/bulletins/${SCENE_DAY}?format=${f}`)),
        )),
        ...(await Promise.all(
          ['acled', 'ucdp', 'geojson', 'hxl', 'json'].map((f) =>
            getAs(scene, who, `/api/export?format=${f}&${ALL}`),
          ),
        )),
      ];
      for (const name of others) {
        const record = scene.records.find((r) => r.name === name);
        if (!record) throw new Error(`no record ${name}`);
        for (const answer of everywhere) {
          expect(answer.body).not.toContain(record.marker);
          expect(answer.body).not.toContain(record.publicId);
        }
        expect(map.body).not.toContain(`"id":${record.incidentId},`);
        expect((await getAs(scene, who, `/api/incidents/${record.incidentId}`)).status).toBe(404);
        expect((await getAs(scene, who, `/api/sources/${record.sourceId}`)).status).toBe(404);
      }
    },
  );

  it('refuses a liaison bound to a name or an unknown code, naming the field', async () => {
    const { addUser } = await import('../record/user-store.js');
    for (const party of ['Sudan', '%', ' ', 'XX-UNKNOWN'])
      await expect(
        addUser(
          t.db,
          { actor: 'system:test' },
          { username: `bad-${party.length}-${party.charCodeAt(0)}`, role: 'liaison', party },
        ),
      ).rejects.toMatchObject({ code: 'invalid', details: { field: 'party' } });
    const named = addUser(
      t.db,
      { actor: 'system:test' },
      { username: 'named', role: 'liaison', party: 'Sudan' },
    );
    await expect(named).rejects.toThrow(/"Sudan" is SD/);
    const ok = await addUser(
      t.db,
      { actor: 'system:test' },
      { username: 'lower', role: 'liaison', party: 'ss' },
    );
    expect(ok.party).toBe('SS');
  });

  it('refuses `truce user add --party` with a name (exit 2, naming the field), and takes a code', () => {
    const refused = runCli([
      '--db',
      t.config.url,
      'user',
      'add',
      'cli-liaison',
      '--role',
      'liaison',
      '--party',
      'South Sudan',
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/party: must be a party code .*\("South Sudan" is SS\)/);
    const created = runCli([
      '--db',
      t.config.url,
      'user',
      'add',
      'cli-liaison',
      '--role',
      'liaison',
      '--party',
      'SS',
    ]);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/user cli-liaison \(liaison, SS\) created/);
  });
});
