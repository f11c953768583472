import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import { reviewIncident } from '../record/review-store.js';
import { addUser } from '../record/user-store.js';
import { createApp } from './app.js';
import { createApiToken } from './auth/session-store.js';
import { testRuntime } from '../platform/test-support/runtime.js';

const article = fileURLToPath(
  new URL('../record/fixtures/merge/a1-caucasus-wire-martuni.txt', import.meta.url),
);

/**
 * No staff identity reaches the public history, whatever shape it was written in: a free-text
 * name given to `truce ingest --as`, a reviewer's username, a role-prefixed name from an older
 * entry. The public and liaisons see that a change happened, what it was and when; the reviewer's
 * reason stays internal.
 */
describeEachDatabase('the public incident history', (t) => {
  let app: ReturnType<typeof createApp>;
  let incidentId = 0;
  let liaisonToken = '';
  let analystToken = '';
  beforeAll(async () => {
    const ingest = runCli([
      '--db',
      t.config.url,
      'ingest',
      article,
      '--published',
      '2021-03-16',
      '--as',
      'Nadia Quell',
    ]);
    expect(ingest.status).toBe(0);
    const incident = await t.db.selectFrom('incidents').select('id').executeTakeFirstOrThrow();
    incidentId = incident.id;
    const analyst = await addUser(
      t.db,
      { actor: 'system:test' },
      { username: 'kay-reviewer', role: 'analyst' },
    );
    const liaison = await addUser(
      t.db,
      { actor: 'system:test' },
      { username: 'lia', role: 'liaison', party: 'AM' },
    );
    await reviewIncident(t.db, analyst, {
      id: incidentId,
      status: 'under_review',
      reason: 'caller qxSECRETzz',
    });
    await reviewIncident(t.db, analyst, { id: incidentId, status: 'confirmed', reason: 'two sources agree' });
    const runtime: Runtime = testRuntime(t);
    app = createApp(runtime);
    liaisonToken = await createApiToken(t.db, liaison.id, 'test', new Date());
    analystToken = await createApiToken(t.db, analyst.id, 'test', new Date());
  });

  const history = async (token: string | null) => {
    const response = await app.request(
      `/api/incidents/${incidentId}`,
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    const parsed = JSON.parse(body) as {
      history: { actor: string; action: string; reason: string | null }[];
    };
    return { body, history: parsed.history };
  };

  it('records the --as name in the audit log in the one actor shape', async () => {
    const actors = await t.db.selectFrom('audit_entries').select('actor').distinct().execute();
    expect(actors.map((a) => a.actor)).toEqual(
      expect.arrayContaining(['user:Nadia Quell', 'user:kay-reviewer']),
    );
  });

  it('shows staff who did what, and the public and a liaison only the monitoring center', async () => {
    const staff = await history(analystToken);
    expect(staff.body).toContain('Nadia Quell');
    expect(staff.body).toContain('qxSECRETzz');
    for (const token of [null, liaisonToken]) {
      const { body, history: entries } = await history(token);
      for (const secret of ['Nadia Quell', 'kay-reviewer', 'qxSECRETzz', 'user:'])
        expect(body).not.toContain(secret);
      expect(entries.map((h) => h.action)).toEqual(
        expect.arrayContaining(['create', 'status:under_review', 'status:confirmed']),
      );
      expect(new Set(entries.map((h) => h.actor))).toEqual(new Set(['monitoring center']));
      expect(entries.every((h) => h.reason === null)).toBe(true);
    }
  });

  it('redacts an actor of any older shape too (role-prefixed, bare text)', async () => {
    await t.db
      .updateTable('audit_entries')
      .set({ actor: 'analyst:Old Style Name' })
      .where('entity_type', '=', 'incidents')
      .where('action', '=', 'status:confirmed')
      .execute();
    const { body } = await history(null);
    expect(body).not.toContain('Old Style Name');
  });
});
