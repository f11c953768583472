import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from '../record/incident-store.js';
import { buildIncident } from '../record/test-support/builders.js';
import { addFeed, getFeedRow, recordPoll } from '../exchange/feeds/feed-store.js';
import { addUser } from '../record/user-store.js';
import { createApiToken, createSession, endSession, secretHash } from '../server/auth/session-store.js';
import { verifyAudit } from './verify.js';

const analyst = { actor: 'analyst:test', reason: 'test' };

describeEachDatabase('audit verify: every row, credentials included', (t) => {
  it('flags a forged incident with a negative id and a forged admin with id 0', async () => {
    const incident = await createIncident(t.db, analyst, buildIncident());
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const row = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('incidents')
      .values({ ...row, id: -7, public_id: 'forged-minus-seven', status: 'confirmed' })
      .execute();
    await t.db
      .insertInto('users')
      .values({ id: 0, username: 'ghost-admin', role: 'admin', disabled: 0, created_at: row.created_at })
      .execute();
    const report = await verifyAudit(t.db);
    expect(report.ok).toBe(false);
    const unaudited = report.problems.filter((p) => p.kind === 'row_unaudited').map((p) => p.entity);
    expect(unaudited).toEqual(expect.arrayContaining(['incidents#-7', 'users#0']));
    await t.db.deleteFrom('incidents').where('id', '=', -7).execute();
    await t.db.deleteFrom('users').where('id', '=', 0).execute();
  });

  it('keeps sessions and API tokens made by the application in the chain, and verify passes', async () => {
    const user = await addUser(t.db, analyst, { username: 'chain-user', role: 'analyst' });
    const { secret } = await createSession(t.db, user.id, new Date());
    await createApiToken(t.db, user.id, 'script', new Date());
    await endSession(t.db, secret);
    const report = await verifyAudit(t.db);
    expect(report.problems).toEqual([]);
    const kinds = await t.db
      .selectFrom('audit_entries')
      .select(['entity_type', 'action'])
      .where('entity_type', 'in', ['sessions', 'api_tokens'])
      .execute();
    expect(kinds.map((k) => `${k.entity_type}:${k.action}`).sort()).toEqual([
      'api_tokens:create',
      'sessions:create',
      'sessions:delete',
    ]);
  });

  it('flags an API token or a session inserted behind the application', async () => {
    const user = await addUser(t.db, analyst, { username: 'target-admin', role: 'admin' });
    const now = new Date().toISOString();
    const token = await t.db
      .insertInto('api_tokens')
      .values({ user_id: user.id, name: 'backdoor', token_hash: secretHash('backdoor'), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await t.db
      .insertInto('sessions')
      .values({
        id_hash: secretHash('forged'),
        user_id: user.id,
        csrf_token: 'x',
        created_at: now,
        expires_at: '2999-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report = await verifyAudit(t.db);
    const unaudited = report.problems.filter((p) => p.kind === 'row_unaudited').map((p) => p.entity);
    expect(unaudited).toEqual(expect.arrayContaining([`api_tokens#${token.id}`, `sessions#${session.id}`]));
    await t.db.deleteFrom('api_tokens').where('id', '=', token.id).execute();
    await t.db.deleteFrom('sessions').where('id', '=', session.id).execute();
  });

  it('flags a token given the tokens scope behind the application', async () => {
    const user = await addUser(t.db, analyst, { username: 'revoked-user', role: 'analyst' });
    await createApiToken(t.db, user.id, 'old', new Date());
    await t.db.updateTable('api_tokens').set({ scopes: 'tokens' }).where('user_id', '=', user.id).execute();
    const report = await verifyAudit(t.db);
    expect(report.problems.map((p) => p.kind)).toContain('row_changed');
    await t.db.updateTable('api_tokens').set({ scopes: '' }).where('user_id', '=', user.id).execute();
  });

  it('audits what a feed is (its URL, interval, who added it), not the state of its polls', async () => {
    const feed = await addFeed(t.db, {
      url: 'https://news.example/rss',
      intervalSeconds: 900,
      actor: 'user:admin',
      now: new Date(),
    });
    await recordPoll(
      t.db,
      await getFeedRow(t.db, feed.id),
      { kind: 'ok', etag: 'v2', ingested: 3 },
      new Date(),
    );
    expect((await verifyAudit(t.db)).problems).toEqual([]);
    await t.db
      .updateTable('feeds')
      .set({ url: 'http://169.254.169.254/latest' })
      .where('id', '=', feed.id)
      .execute();
    const inserted = await t.db
      .insertInto('feeds')
      .values({
        url: 'http://127.0.0.1:8787/rss',
        interval_seconds: 60,
        added_by: 'user:admin',
        added_at: new Date().toISOString(),
        next_poll_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const problems = (await verifyAudit(t.db)).problems.map((p) => `${p.kind} ${p.entity}`);
    expect(problems).toEqual(
      expect.arrayContaining([`row_changed feeds#${feed.id}`, `row_unaudited feeds#${inserted.id}`]),
    );
    await t.db.deleteFrom('feeds').execute();
  });
});
