import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { COSIGNATURE_V1, encodeVerifierKey, rawPublicKey } from '../audit/note.js';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { bytes, startByteServer } from '../exchange/feeds/test-support/byte-server.js';
import { ALLOW_HOSTS_SETTING } from '../platform/address-policy.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { openApiDocument } from './openapi.js';
import type { RouteSpec } from './route.js';
import { buildContractScene, type Call, type ContractScene } from './test-support/contract-scene.js';

/**
 * The contract a generated client relies on: real answers of every route, successes and errors,
 * checked against the schemas the OpenAPI document gives for their status and media type. A
 * route without a sample here fails the test, so a new route cannot stay undocumented.
 */

const DAY = '2020-11-21';
const NEW_WITNESS = encodeVerifierKey(
  'witness.contract/new',
  COSIGNATURE_V1,
  rawPublicKey(createPublicKey(generateKeyPairSync('ed25519').privateKey)),
);

/** The sample: for each operation, requests that earn its successes and some of its errors. */
function samples(s: ContractScene): Record<string, Call[]> {
  const incident = `/api/incidents/${s.published.id}`;
  const candidate = `/api/incidents/${s.candidate.id}`;
  const reason = 'contract sample';
  const publicReport = {
    comment: 'trucks on the road',
    name: 'A resident',
    idempotencyKey: 'contract-public-1',
  };
  return {
    getHealth: [{ as: 'public', path: '/api/health' }],
    getVocabulary: [{ as: 'public', path: '/api/vocabulary' }],
    getTheatre: [{ as: 'public', path: '/api/theatre' }],
    listTheatrePlaces: [{ as: 'monitor', path: '/api/theatre/places' }],
    getAuditCheckpoint: [{ as: 'public', path: '/api/audit/checkpoint' }],
    listAuditCheckpoints: [
      { as: 'public', path: '/api/audit/checkpoints' },
      { as: 'public', path: '/api/audit/checkpoints?since=2020-01-01T00:00:00Z' },
    ],
    getAuditInclusionProof: [
      { as: 'public', path: '/api/audit/proof/inclusion?entry=1' },
      { as: 'public', path: '/api/audit/proof/inclusion?entry=2&size=3' },
      { as: 'public', path: '/api/audit/proof/inclusion?entry=0' },
    ],
    getAuditConsistencyProof: [
      { as: 'public', path: '/api/audit/proof/consistency?from=1&to=3' },
      { as: 'public', path: '/api/audit/proof/consistency?from=3&to=1' },
    ],
    getAuditKeys: [{ as: 'public', path: '/api/audit/keys' }],
    registerAuditWitness: [
      { as: 'admin', method: 'POST', path: '/api/audit/witnesses', body: { vkey: NEW_WITNESS } },
      { as: 'admin', method: 'POST', path: '/api/audit/witnesses', body: { vkey: NEW_WITNESS } },
      { as: 'admin', method: 'POST', path: '/api/audit/witnesses', body: { vkey: 'nonsense' } },
      { as: 'analyst', method: 'POST', path: '/api/audit/witnesses', body: { vkey: NEW_WITNESS } },
    ],
    addAuditCosignature: [
      { as: 'public', method: 'POST', path: '/api/audit/cosignatures', body: s.cosignature },
      {
        as: 'public',
        method: 'POST',
        path: '/api/audit/cosignatures',
        body: { ...s.cosignature, line: 'nonsense' },
      },
    ],
    login: [
      {
        as: 'public',
        method: 'POST',
        path: '/api/auth/login',
        body: { username: 'contract-admin', password: s.adminPassword },
      },
      { as: 'public', method: 'POST', path: '/api/auth/login', body: {} },
      {
        as: 'public',
        method: 'POST',
        path: '/api/auth/login',
        body: { username: 'x' },
        contentType: 'text/plain',
      },
      ...Array.from({ length: 6 }, () => ({
        as: 'public' as const,
        method: 'POST' as const,
        path: '/api/auth/login',
        body: { username: 'contract-analyst', password: 'wrong' },
      })),
    ],
    logout: [{ as: 'public', method: 'POST', path: '/api/auth/logout' }],
    logoutEverywhere: [
      { as: 'analyst', method: 'POST', path: '/api/auth/logout-everywhere' },
      { as: 'public', method: 'POST', path: '/api/auth/logout-everywhere' },
    ],
    getMe: [
      { as: 'public', path: '/api/auth/me' },
      { as: 'liaison', path: '/api/auth/me' },
    ],
    changePassword: [
      {
        as: 'admin',
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: s.adminPassword, newPassword: 'the admin changed this long passphrase' },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: 'not it', newPassword: 'x' },
      },
      { as: 'monitor', method: 'POST', path: '/api/auth/password', body: {} },
      // Six failed sign-ins above: the same account is now rate-limited here too.
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: 'x', newPassword: 'y' },
      },
    ],
    createToken: [
      { as: 'admin', method: 'POST', path: '/api/auth/tokens', body: { name: 'script' } },
      { as: 'public', method: 'POST', path: '/api/auth/tokens', body: {} },
    ],
    listTokens: [{ as: 'admin', path: '/api/auth/tokens' }],
    revokeToken: [
      { as: 'admin', method: 'DELETE', path: `/api/auth/tokens/${s.spareTokenId}` },
      { as: 'admin', method: 'DELETE', path: '/api/auth/tokens/987654' },
      { as: 'admin', method: 'DELETE', path: '/api/auth/tokens/abc' },
    ],
    listUsers: [
      { as: 'admin', path: '/api/users' },
      { as: 'monitor', path: '/api/users' },
      { as: 'public', path: '/api/users' },
    ],
    createUser: [
      {
        as: 'admin',
        method: 'POST',
        path: '/api/users',
        body: {
          username: 'contract-new',
          role: 'monitor',
          password: 'another long passphrase for a monitor',
        },
      },
      {
        as: 'admin',
        method: 'POST',
        path: '/api/users',
        body: {
          username: 'contract-new',
          role: 'monitor',
          password: 'another long passphrase for a monitor',
        },
      },
    ],
    disableUser: [
      { as: 'admin', method: 'POST', path: `/api/users/${s.spareUser}/disable` },
      { as: 'admin', method: 'POST', path: '/api/users/nobody-here/disable' },
    ],
    enableUser: [{ as: 'admin', method: 'POST', path: `/api/users/${s.spareUser}/enable` }],
    changeUserRole: [
      { as: 'admin', method: 'POST', path: `/api/users/${s.spareUser}/role`, body: { role: 'analyst' } },
      { as: 'admin', method: 'POST', path: `/api/users/${s.spareUser}/role`, body: { role: 'liaison' } },
      { as: 'admin', method: 'POST', path: '/api/users/nobody-here/role', body: { role: 'monitor' } },
      { as: 'analyst', method: 'POST', path: `/api/users/${s.spareUser}/role`, body: { role: 'admin' } },
    ],
    getNotifications: [
      { as: 'analyst', path: '/api/notifications' },
      { as: 'liaison', path: '/api/notifications?limit=5' },
      { as: 'monitor', path: '/api/notifications' },
      { as: 'public', path: '/api/notifications' },
    ],
    listIncidents: [
      { as: 'public', path: '/api/incidents?limit=5&kind=shelling,armed_clash' },
      { as: 'public', path: '/api/incidents?limit=0' },
    ],
    getIncident: [
      { as: 'public', path: incident },
      { as: 'public', path: `/api/incidents/${s.published.publicId}` },
      { as: 'analyst', path: candidate },
      { as: 'public', path: '/api/incidents/987654' },
      { as: 'public', path: '/api/incidents/not-an-id' },
    ],
    getSource: [
      { as: 'public', path: `/api/sources/${s.sourceId}` },
      { as: 'public', path: '/api/sources/987654' },
    ],
    listReviewQueue: [
      { as: 'analyst', path: '/api/review-queue' },
      { as: 'analyst', path: '/api/review-queue?sort=date&order=asc&limit=1&kind=shelling' },
      { as: 'analyst', path: '/api/review-queue?sort=score&cursor=bm9wZQ' },
      { as: 'analyst', path: '/api/review-queue?sort=sideways' },
      { as: 'liaison', path: '/api/review-queue' },
    ],
    reviewMany: [
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/review/bulk',
        body: { action: 'start_review', reason, items: [{ id: s.other }, { id: 987654 }] },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/review/bulk',
        body: { action: 'reject', reason, items: [] },
      },
      {
        as: 'liaison',
        method: 'POST',
        path: '/api/review/bulk',
        body: { action: 'reject', reason, items: [{ id: 1 }] },
      },
    ],
    listStatements: [{ as: 'public', path: `/api/statements?from=2020-09-01&limit=10` }],
    getMapBasemap: [{ as: 'public', path: '/api/map/basemap' }],
    getMapPlaces: [
      { as: 'public', path: '/api/map/places?bbox=44,38,48,41' },
      { as: 'public', path: '/api/map/places?bbox=48,38,44,41' },
    ],
    getMap: [
      { as: 'public', path: '/api/map?zoom=3' },
      { as: 'public', path: '/api/map?zoom=12' },
      { as: 'public', path: '/api/map?zoom=99' },
    ],
    getTimeline: [{ as: 'public', path: '/api/timeline' }],
    search: [
      { as: 'public', path: '/api/search?q=shelling' },
      { as: 'analyst', path: '/api/search?q=shell*&type=incident,source&from=2020-09-01' },
      { as: 'public', path: '/api/search?q=' },
    ],
    listDuplicates: [
      { as: 'analyst', path: '/api/duplicates' },
      { as: 'analyst', path: '/api/duplicates?status=sideways' },
      { as: 'monitor', path: '/api/duplicates' },
    ],
    mergeDuplicate: [
      {
        as: 'analyst',
        method: 'POST',
        path: `/api/duplicates/${s.suggestions.toMerge}/merge`,
        body: { reason },
      },
      { as: 'analyst', method: 'POST', path: `/api/duplicates/987654/merge`, body: { reason } },
    ],
    dismissDuplicate: [
      {
        as: 'analyst',
        method: 'POST',
        path: `/api/duplicates/${s.suggestions.toDismiss}/dismiss`,
        body: { reason },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: `/api/duplicates/${s.suggestions.toDismiss}/dismiss`,
        body: { reason },
      },
      { as: 'analyst', method: 'POST', path: `/api/duplicates/${s.suggestions.toDismiss}/dismiss`, body: {} },
    ],
    undoDuplicate: [
      {
        as: 'analyst',
        method: 'POST',
        path: `/api/duplicates/${s.suggestions.toMerge}/undo`,
        body: { reason },
      },
    ],
    reviewIncident: [
      {
        as: 'analyst',
        method: 'POST',
        path: `${candidate}/review`,
        body: { status: 'under_review', reason, baseVersion: s.candidate.version },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: `${candidate}/review`,
        body: { status: 'confirmed', reason, baseVersion: s.candidate.version },
      },
      { as: 'monitor', method: 'POST', path: `${candidate}/review`, body: { status: 'confirmed', reason } },
    ],
    mergeIncident: [
      {
        as: 'analyst',
        method: 'POST',
        path: `/api/incidents/${s.other}/merge`,
        body: { into: s.candidate.id, reason },
      },
      { as: 'analyst', method: 'POST', path: `${candidate}/merge`, body: { into: 987654, reason } },
    ],
    unmergeIncident: [
      { as: 'analyst', method: 'POST', path: `/api/incidents/${s.other}/unmerge`, body: { reason } },
      { as: 'analyst', method: 'POST', path: `${candidate}/unmerge`, body: {} },
    ],
    splitIncident: [
      {
        as: 'analyst',
        method: 'POST',
        path: `${candidate}/split`,
        body: { reportId: s.candidate.reportId, reason },
      },
      { as: 'analyst', method: 'POST', path: `${candidate}/split`, body: { reportId: 987654, reason } },
    ],
    respondToIncident: [
      {
        as: 'liaison',
        method: 'POST',
        path: `${incident}/responses`,
        body: { stance: 'adds_information', text: 'Our account differs.' },
      },
      { as: 'liaison', method: 'POST', path: `${incident}/responses`, body: { stance: 'shrugs', text: 'x' } },
    ],
    submitPublicReport: [
      { as: 'public', method: 'POST', path: '/api/public/reports', body: publicReport },
      { as: 'public', method: 'POST', path: '/api/public/reports', body: publicReport },
      {
        as: 'public',
        method: 'POST',
        path: '/api/public/reports',
        body: { ...publicReport, idempotencyKey: 'contract-bot-1', website: 'spam' },
      },
      {
        as: 'public',
        method: 'POST',
        path: '/api/public/reports',
        body: { name: 'No comment', idempotencyKey: 'contract-public-2' },
      },
      ...Array.from({ length: 10 }, (_, i) => ({
        as: 'public' as const,
        method: 'POST' as const,
        path: '/api/public/reports',
        body: { ...publicReport, idempotencyKey: `contract-flood-${i}` },
      })),
    ],
    submitFieldReport: [
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/field-reports',
        body: {
          kind: 'shelling',
          date: DAY,
          description: 'Shelling heard to the east.',
          idempotencyKey: 'contract-field-1',
        },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/field-reports',
        body: {
          kind: 'shelling',
          date: DAY,
          description: 'Shelling heard to the east.',
          idempotencyKey: 'contract-field-1',
        },
      },
    ],
    getAgreementStatus: [
      { as: 'public', path: `/api/agreements/status?asOf=${DAY}` },
      { as: 'public', path: '/api/agreements/status?agreement=no-such-agreement' },
      { as: 'public', path: '/api/agreements/status?asOf=yesterday' },
    ],
    getMissionStatus: [
      { as: 'public', path: '/api/mission/status?asOf=2020-12-01' },
      { as: 'public', path: '/api/mission/status?mission=no-such-mission' },
    ],
    listMissionActivity: [{ as: 'public', path: '/api/mission/activity?from=2020-11-01' }],
    recordMissionActivity: [
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity',
        body: { day: '2021-06-01', patrols: 2 },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity',
        body: { day: '2021-06-01', patrols: 2 },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity',
        body: { day: '2021-06-02', patrols: 3, idempotencyKey: 'contract-day-1' },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity',
        body: { day: '2021-06-02', patrols: 3, idempotencyKey: 'contract-day-1' },
      },
    ],
    assessCommitment: [
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/assessments',
        body: {
          clause: '6b',
          asOf: DAY,
          status: 'in_progress',
          score: 1,
          evidence: [{ kind: 'note', title: reason }],
        },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/assessments',
        body: { clause: '6b', asOf: DAY, status: 'in_progress', score: 9, evidence: [] },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/assessments',
        body: {
          clause: '99',
          asOf: DAY,
          status: 'pending',
          score: 0,
          evidence: [{ kind: 'note', title: reason }],
        },
      },
      { as: 'monitor', method: 'POST', path: '/api/agreements/assessments', body: {} },
    ],
    amendDeadline: [
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/amendments',
        body: {
          clause: '6b',
          decidedOn: DAY,
          deadline: { date: '2020-12-10', timeZone: 'Europe/Moscow', inclusive: true },
          reason,
          evidence: [{ kind: 'note', title: reason }],
        },
      },
      { as: 'analyst', method: 'POST', path: '/api/agreements/amendments', body: { clause: '6b' } },
    ],
    linkIncidentToCommitment: [
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/links',
        body: { incidentId: s.published.id, clause: '6b', effect: 'disputed' },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/links',
        body: { incidentId: s.published.id, clause: '6b', effect: 'disputed' },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/links',
        body: { incidentId: 987654, clause: '6b', effect: 'violates' },
      },
    ],
    unlinkIncidentFromCommitment: [
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/unlink',
        body: { incidentId: s.published.id, clause: '6b', reason },
      },
      {
        as: 'analyst',
        method: 'POST',
        path: '/api/agreements/unlink',
        body: { incidentId: s.published.id, clause: '6b', reason },
      },
      { as: 'analyst', method: 'POST', path: '/api/agreements/unlink', body: { clause: '6b' } },
    ],
    prefillMissionActivity: [
      { as: 'public', path: '/api/mission/activity/prefill?day=2020-11-15' },
      { as: 'public', path: '/api/mission/activity/prefill' },
      { as: 'public', path: '/api/mission/activity/prefill?day=2020-11-15&mission=no-such-mission' },
    ],
    getMissionActivityDay: [
      { as: 'public', path: '/api/mission/activity/2020-11-15' },
      { as: 'public', path: '/api/mission/activity/1999-01-01' },
      { as: 'public', path: '/api/mission/activity/not-a-day' },
    ],
    correctMissionActivity: [
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity/2020-11-15/corrections',
        body: { patrols: 4, reason },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity/2020-11-15/corrections',
        body: { patrols: 4, reason },
      },
      {
        as: 'liaison',
        method: 'POST',
        path: '/api/mission/activity/2020-11-15/corrections',
        body: { patrols: 5, reason },
      },
      {
        as: 'monitor',
        method: 'POST',
        path: '/api/mission/activity/1999-01-01/corrections',
        body: { patrols: 5, reason },
      },
    ],
    listBulletinDays: [
      { as: 'public', path: '/api/bulletins' },
      { as: 'public', path: `/api/bulletins?before=${DAY}&limit=2` },
      { as: 'public', path: `/api/bulletins?after=${DAY}&limit=1` },
      { as: 'public', path: '/api/bulletins?limit=0' },
    ],
    getBulletin: [
      { as: 'public', path: `/api/bulletins/${DAY}` },
      { as: 'public', path: `/api/bulletins/${DAY}?format=md` },
      { as: 'public', path: `/api/bulletins/${DAY}?format=html` },
      { as: 'public', path: `/api/bulletins/${DAY}?format=pdf` },
      { as: 'public', path: '/api/bulletins/2020-13-01' },
    ],
    exportIncidents: [
      ...['acled', 'ucdp', 'hxl', 'geojson', 'json'].map((format) => ({
        as: 'public' as const,
        path: `/api/export?format=${format}`,
      })),
      { as: 'public', path: '/api/export' },
      { as: 'analyst', path: '/api/export?format=json&proofs=1' },
      { as: 'public', path: '/api/export?format=json&proofs=1' },
      { as: 'analyst', path: '/api/export?format=acled&proofs=1' },
    ],
    listFeeds: [
      { as: 'admin', path: '/api/feeds' },
      { as: 'analyst', path: '/api/feeds' },
    ],
    addFeed: [
      {
        as: 'admin',
        method: 'POST',
        path: '/api/feeds',
        body: { url: 'https://feeds.example.org/other.xml', every: '1h' },
      },
      {
        as: 'admin',
        method: 'POST',
        path: '/api/feeds',
        body: { url: 'https://feeds.example.org/other.xml' },
      },
    ],
    getFeed: [
      { as: 'admin', path: `/api/feeds/${s.feedId}` },
      { as: 'admin', path: '/api/feeds/987654' },
    ],
    pauseFeed: [{ as: 'admin', method: 'POST', path: `/api/feeds/${s.feedId}/pause` }],
    resumeFeed: [
      { as: 'admin', method: 'POST', path: `/api/feeds/${s.feedId}/resume` },
      { as: 'admin', method: 'POST', path: '/api/feeds/987654/resume' },
    ],
    ingestUrl: [
      { as: 'admin', method: 'POST', path: '/api/ingest', body: { url: article.url } },
      { as: 'admin', method: 'POST', path: '/api/ingest', body: { url: 'file:///etc/passwd' } },
      { as: 'admin', method: 'POST', path: '/api/ingest', body: { url: 'http://169.254.169.254/latest' } },
      { as: 'analyst', method: 'POST', path: '/api/ingest', body: { url: article.url } },
    ],
  };
}

/** A local page to ingest (its host allowed by the fetch policy for this test only). */
const article = { url: '', close: async () => {} };

type Json = Record<string, unknown>;
const at = (value: unknown, key: string): Json => ((value as Json | undefined)?.[key] ?? {}) as Json;
const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

interface Answer {
  readonly call: string;
  readonly status: number;
  readonly media: string;
  readonly body: string;
}

describeEachDatabase('the OpenAPI contract', (t) => {
  let scene: ContractScene;
  let document: Json;
  const answers = new Map<string, Answer[]>();
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    formats: { date: /^\d{4}-\d{2}-\d{2}$/, uri: /^[a-z][a-z0-9+.-]*:/i },
  });
  const ID = 'https://truce.invalid/openapi.json';

  beforeAll(async () => {
    const server = await startByteServer();
    server.routes.set(
      '/article.html',
      bytes(
        '<html><head><title>Road reopened</title></head><body><p>Engineers reopened the northern road on 20 November 2020 after clearing it.</p></body></html>',
        'text/html; charset=utf-8',
      ),
    );
    Object.assign(article, { url: `${server.base}/article.html`, close: () => server.close() });
    vi.stubEnv(ALLOW_HOSTS_SETTING, '127.0.0.1');
    scene = await buildContractScene(t.db, t.config);
    document = openApiDocument(scene.routes) as unknown as Json;
    ajv.addSchema({ ...document, $id: ID });
    const table = samples(scene);
    for (const route of scene.routes) {
      const out: Answer[] = [];
      for (const call of table[route.operationId] ?? []) {
        const response = await scene.send(call);
        out.push({
          call: `${call.method ?? 'GET'} ${call.path} as ${call.as}`,
          status: response.status,
          media: (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
          body: await response.text(),
        });
      }
      answers.set(route.operationId, out);
    }
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await article.close();
  });

  const operationOf = (route: RouteSpec): Json =>
    at(at(document.paths, route.path.replace(/:(\w+)/g, '{$1}')), route.method.toLowerCase());

  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string) => {
    const known = validators.get(ref);
    if (known) return known;
    const made = ajv.compile({ $ref: `${ID}#/${ref}` });
    validators.set(ref, made);
    return made;
  };

  /** The pointer of the schema documented for a status and media type, or why there is none. */
  function schemaPointer(route: RouteSpec, status: number, media: string): string | { missing: string } {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const responses = at(operationOf(route), 'responses');
    const response = responses[String(status)] as Json | undefined;
    if (!response) return { missing: `status ${status} is not documented` };
    const base =
      typeof response.$ref === 'string'
        ? pointer('components', 'responses', response.$ref.split('/').pop() ?? '')
        : pointer('paths', path, route.method.toLowerCase(), 'responses', String(status));
    const content =
      typeof response.$ref === 'string'
        ? at(at(at(document.components, 'responses'), response.$ref.split('/').pop() ?? ''), 'content')
        : at(response, 'content');
    if (!(media in content)) return { missing: `media ${media} is not documented for ${status}` };
    return `${base}/content/${pointer(media)}/schema`;
  }

  it('has a sample for every route, and the sample earns every route a documented success', () => {
    const table = samples(scene);
    const unsampled = scene.routes.filter((r) => !(r.operationId in table)).map((r) => r.operationId);
    expect(unsampled).toEqual([]);
    const withoutSuccess = scene.routes
      .filter((r) => !(answers.get(r.operationId) ?? []).some((a) => a.status < 300))
      .map((r) => `${r.operationId}: ${(answers.get(r.operationId) ?? []).map((a) => a.status).join(',')}`);
    expect(withoutSuccess).toEqual([]);
  });

  it('answers only statuses and media types the document lists, with bodies its schemas accept', () => {
    const problems: string[] = [];
    for (const route of scene.routes) {
      for (const answer of answers.get(route.operationId) ?? []) {
        const where = schemaPointer(route, answer.status, answer.media);
        if (typeof where !== 'string') {
          problems.push(`${answer.call}: ${where.missing}`);
          continue;
        }
        const isJson = answer.media.endsWith('json');
        const validate = validatorFor(where);
        const value: unknown = isJson ? JSON.parse(answer.body) : answer.body;
        if (!validate(value))
          problems.push(
            `${answer.call} → ${answer.status}: ${ajv.errorsText(validate.errors).slice(0, 400)}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers successes and the errors clients must handle: 400, 401, 403, 404, 409 and 429', () => {
    const seen = new Set([...answers.values()].flat().map((a) => a.status));
    for (const status of [200, 201, 400, 401, 403, 404, 409, 429]) expect(seen.has(status)).toBe(true);
  });

  it('finds an incident by its public id exactly as by its number', () => {
    const [byNumber, byPublicId] = answers.get('getIncident') ?? [];
    expect(byNumber?.status).toBe(200);
    expect(byPublicId?.status).toBe(200);
    expect(byPublicId?.body).toBe(byNumber?.body);
  });
});
