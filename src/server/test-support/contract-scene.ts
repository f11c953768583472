import { seedCheckpoint } from '../../audit/test-support/checkpoint-scene.js';
import type { Hono } from 'hono';
import { loadDemo } from '../../demo/load-demo.js';
import type { DatabaseConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/dialect.js';
import { createLogger } from '../../platform/log.js';
import type { Runtime } from '../../platform/runtime.js';
import { audited } from '../../audit/audit-store.js';
import { createIncident } from '../../record/incident-store.js';
import { suggestDuplicate } from '../../record/merge-suggestion-store.js';
import { buildIncident } from '../../record/test-support/builders.js';
import { addUser } from '../../record/user-store.js';
import { addFeed } from '../../exchange/feeds/feed-store.js';
import { apiRoutes, createApp } from '../app.js';
import { setPassword } from '../auth.routes.js';
import { createApiToken } from '../auth/session-store.js';
import type { AppEnv, RouteSpec } from '../route.js';

export type Identity = 'public' | 'admin' | 'analyst' | 'monitor' | 'liaison';

/** One request of the contract sample: who sends it, and what. */
export interface Call {
  readonly as: Identity;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  /** Sent as this content type instead of JSON (to see the 400 it earns). */
  readonly contentType?: string;
}

export interface ContractScene {
  readonly app: Hono<AppEnv>;
  readonly routes: readonly RouteSpec[];
  readonly send: (call: Call) => Response | Promise<Response>;
  /** An incident of the demo that the public sees and that names the liaison's party (AM). */
  readonly published: { readonly id: number; readonly publicId: string };
  /** A candidate only staff see, resting on two reports (one may be split out). */
  readonly candidate: { readonly id: number; readonly version: number; readonly reportId: number };
  /** Another candidate, to merge into the first. */
  readonly other: number;
  readonly sourceId: number;
  /** Two open duplicate suggestions: one to merge (then undo), one to dismiss. */
  readonly suggestions: { readonly toMerge: number; readonly toDismiss: number };
  /** A token of the admin's that may be revoked, and an account that may be disabled. */
  readonly spareTokenId: number;
  readonly spareUser: string;
  /** The feed with a failed entry (paused and resumed by the samples). */
  readonly feedId: number;
  /** The admin's password, for signing in. */
  readonly adminPassword: string;
  /** A signed checkpoint's body and a registered witness's cosignature of it (issue 19). */
  readonly cosignature: { readonly body: string; readonly line: string };
}

/**
 * The demo record (agreement, mission, incidents, sources, statements) with an account and a
 * token of every role, a feed with a failed entry, for calling every route as a client would.
 */
export async function buildContractScene(db: Db, config: DatabaseConfig): Promise<ContractScene> {
  await loadDemo(db, {});
  const runtime: Runtime = {
    config: { database: config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db,
    log: createLogger('silent'),
    close: async () => {},
  };
  const clock = () => new Date('2020-12-01T12:00:00.000Z');
  const tokens: Partial<Record<Identity, string>> = {};
  for (const role of ['admin', 'analyst', 'monitor', 'liaison'] as const) {
    const user = await addUser(
      db,
      { actor: 'system:contract' },
      { username: `contract-${role}`, role, party: role === 'liaison' ? 'AM' : null },
    );
    tokens[role] = await createApiToken(db, user.id, 'contract', clock(), { scopes: ['tokens'] });
  }
  const feedId = await seedFailedFeedEntry(db);
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'contract-admin')
    .executeTakeFirstOrThrow();
  const adminPassword = 'a long passphrase kept for the contract test';
  await setPassword(runtime, Number(admin.id), adminPassword, 'system:contract');
  await createApiToken(db, Number(admin.id), 'spare', clock());
  const spare = await db
    .selectFrom('api_tokens')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await addUser(db, { actor: 'system:contract' }, { username: 'contract-spare', role: 'monitor' });
  const app = createApp(runtime, { clock });
  const send = (call: Call) => {
    const headers: Record<string, string> = {};
    const token = tokens[call.as];
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = call.contentType ?? 'application/json';
    return app.request(call.path, {
      method: call.method ?? 'GET',
      headers,
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
    });
  };
  // Published and naming the liaison's party, so the liaison may respond to it.
  const published = await db
    .selectFrom('incidents as i')
    .innerJoin('incident_parties as p', 'p.incident_id', 'i.id')
    .select(['i.id', 'i.public_id'])
    .where('i.status', '=', 'confirmed')
    .where('p.party', '=', 'AM')
    .orderBy('i.id')
    .executeTakeFirstOrThrow();
  const sourceId = await seedSource(db, Number(published.id));
  const report = {
    kind: 'event' as const,
    eventKind: 'shelling' as const,
    dateStart: '2020-11-20',
    dateEnd: '2020-11-20',
  };
  const candidate = await createIncident(
    db,
    { actor: 'system:contract' },
    buildIncident({ status: 'candidate' }),
    [report, report],
  );
  // No report dates it: every answer holding it shows dates as null.
  const other = await createIncident(
    db,
    { actor: 'system:contract' },
    buildIncident({ status: 'candidate', dateStart: null, dateEnd: null, datePrecision: 'unknown' }),
  );
  const candidateReport = await db
    .selectFrom('incident_reports')
    .select('report_id')
    .where('incident_id', '=', candidate.id)
    .orderBy('report_id', 'desc')
    .executeTakeFirstOrThrow();
  const suggestions = await seedSuggestions(db);
  return {
    app,
    routes: apiRoutes(runtime, clock),
    send,
    published: { id: Number(published.id), publicId: published.public_id },
    candidate: { id: candidate.id, version: candidate.version, reportId: Number(candidateReport.report_id) },
    other: other.id,
    sourceId,
    suggestions,
    spareTokenId: Number(spare.id),
    spareUser: 'contract-spare',
    feedId,
    adminPassword,
    cosignature: await seedCheckpoint(db, clock()),
  };
}

/** A captured source with a report on `incidentId`, so the incident's detail shows where it came from. */
async function seedSource(db: Db, incidentId: number): Promise<number> {
  const text = 'Residents said shelling went on for an hour after dark.';
  return audited(db, { actor: 'system:contract', reason: 'contract' }, async (writer) => {
    const source = await writer.insert('sources', {
      url: 'https://news.example.org/contract',
      canonical_url: 'https://news.example.org/contract',
      publisher: 'news.example.org',
      title: 'Shelling after dark',
      published_at: '2020-11-20',
      retrieved_at: '2020-11-20T12:00:00.000Z',
      language: 'en',
      content_type: 'text/plain',
      raw: new TextEncoder().encode(text),
      raw_sha256: 'raw-contract',
      clean_text: text,
      clean_sha256: 'clean-contract',
      extractor: 'contract',
      extractor_version: '1',
      version: 1,
      previous_version_id: null,
    });
    const report = await writer.insert('reports', {
      source_id: source.id,
      kind: 'event',
      event_kind: 'shelling',
      date_start: '2020-11-20',
      date_end: '2020-11-20',
      date_precision: 'day',
      payload: '{}',
      created_at: writer.at,
    });
    await writer.insert('incident_reports', {
      incident_id: incidentId,
      report_id: report.id,
      linked_at: writer.at,
    });
    return Number(source.id);
  });
}

/** A feed whose one entry could not be fetched, so the feed list carries a failure and its reason. */
async function seedFailedFeedEntry(db: Db): Promise<number> {
  const feed = await addFeed(db, {
    url: 'https://feeds.example.org/contract.xml',
    intervalSeconds: 900,
    actor: 'system:contract',
    now: new Date('2020-12-01T10:00:00.000Z'),
  });
  await db
    .insertInto('feed_items')
    .values({
      feed_id: feed.id,
      item_key: 'entry-1',
      url: 'https://news.example.org/a',
      state: 'failed',
      claimed_by: 'contract',
      claimed_at: '2020-12-01T11:00:00.000Z',
      source_id: null,
      outcome: 'HTTP 503 Service Unavailable',
      retry_at: '2020-12-01T11:30:00.000Z',
      entry: null,
    })
    .execute();
  return feed.id;
}

/** Two pairs of candidates the merge found possibly the same: the duplicates queue's sample. */
async function seedSuggestions(db: Db): Promise<{ toMerge: number; toDismiss: number }> {
  const context = { actor: 'system:contract' };
  const pair = async () => {
    const a = await createIncident(db, context, buildIncident({ status: 'candidate' }));
    const b = await createIncident(db, context, buildIncident({ status: 'candidate' }));
    return audited(db, { ...context, reason: 'contract' }, async (writer) => {
      const suggested = await suggestDuplicate(writer, {
        incidentId: b.id,
        candidateId: a.id,
        comparison: {
          score: 0.6,
          merge: false,
          verdict: 'suggest',
          thresholds: { join: 0.7, suggest: 0.5 },
          features: [],
          reason: 'possible duplicate: same kind and day, places compatible',
        },
      });
      return suggested.id;
    });
  };
  return { toMerge: await pair(), toDismiss: await pair() };
}
