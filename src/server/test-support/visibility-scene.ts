import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { actorOf } from '../../audit/actor.js';
import { audited } from '../../audit/audit-store.js';
import { createLogger } from '../../platform/log.js';
import type { Db } from '../../platform/db/dialect.js';
import type { DatabaseConfig } from '../../platform/config.js';
import type { Runtime } from '../../platform/runtime.js';
import { syncIncidentParties } from '../../record/incident-party-store.js';
import { insertIncident } from '../../record/incident-store.js';
import { reviewIncident } from '../../record/review-store.js';
import { IncidentInput } from '../../record/schemas.js';
import { submitPublicReport } from '../../record/submission-store.js';
import { addUser, type User } from '../../record/user-store.js';
import { useTheatres } from '../../theatre/active.js';
import { createApp } from '../app.js';
import { createApiToken } from '../auth/session-store.js';
import type { AppEnv } from '../route.js';

/** The pack of the scene: one party whose code starts with another's ("SD" Sudan, "SDL"). */
export const SCENE_PACK = fileURLToPath(new URL('../fixtures/visibility-pack.json', import.meta.url));

/** Every record is dated this day, so the day's bulletin could show all of them. */
export const SCENE_DAY = '2024-05-14';

/** Actor names as reports write them, and the party each stands for. */
export const NAMING = {
  A: ['Sudanese Armed Forces', null], // SD
  B: ['South Sudanese army', null], // SS
  both: ['Sudanese Armed Forces', 'South Sudanese army'], // SD and SS
  none: ['unidentified gunmen', null],
  C: ['Delta League fighters', null], // SDL
} as const;
export type Naming = keyof typeof NAMING;
export const STATUSES = ['confirmed', 'candidate', 'rejected'] as const;
export type SceneStatus = (typeof STATUSES)[number];

export interface SceneRecord {
  readonly name: string;
  readonly status: SceneStatus;
  readonly naming: Naming;
  readonly incidentId: number;
  readonly sourceId: number;
  readonly publicId: string;
  /** A token written into the title, the source (title, URL, text) and a statement. */
  readonly marker: string;
}

export interface Scene {
  readonly app: Hono<AppEnv>;
  readonly records: readonly SceneRecord[];
  /** Bearer tokens by identity; the public has none. */
  readonly tokens: Readonly<Record<string, string | null>>;
  readonly staffNames: readonly string[];
  readonly reviewReason: string;
  readonly publicComment: string;
  readonly runtime: Runtime;
}

const IDENTITIES = {
  admin: { role: 'admin', party: null },
  analyst: { role: 'analyst', party: null },
  monitor: { role: 'monitor', party: null },
  'liaison-SD': { role: 'liaison', party: 'SD' },
  'liaison-SS': { role: 'liaison', party: 'SS' },
  'liaison-SDL': { role: 'liaison', party: 'SDL' },
} as const;

/** A record: the incident, a source it rests on (with a report and a statement), all audited. */
async function seedRecord(db: Db, user: User, status: SceneStatus, naming: Naming, n: number) {
  const marker = `qx${n}${status}${naming}zz`;
  const [actor1, actor2] = NAMING[naming];
  const url = n % 2 === 0 ? `file:///srv/truce/inbox/${marker}.txt` : `https://news.example.org/${marker}`;
  return audited(db, { actor: actorOf(user), reason: 'scene' }, async (writer) => {
    const incident = await insertIncident(
      writer,
      IncidentInput.parse({
        kind: 'armed_clash',
        title: `Clash ${marker}`,
        dateStart: SCENE_DAY,
        dateEnd: SCENE_DAY,
        datePrecision: 'day',
        placeName: 'Kadugli',
        country: 'SD',
        lat: 11.01,
        lon: 29.72,
        geoPrecision: 'near',
        actor1,
        actor2,
        status: 'candidate',
      }),
    );
    const text = `Residents described an exchange of fire; ${marker} said the fighting lasted an hour.`;
    const source = await writer.insert('sources', {
      url,
      canonical_url: url,
      publisher: 'news.example.org',
      title: `Report ${marker}`,
      published_at: SCENE_DAY,
      retrieved_at: `${SCENE_DAY}T12:00:00.000Z`,
      language: 'en',
      content_type: 'text/plain',
      raw: new TextEncoder().encode(text),
      raw_sha256: `raw-${marker}`,
      clean_text: text,
      clean_sha256: `clean-${marker}`,
      extractor: 'scene',
      extractor_version: '1',
      version: 1,
      previous_version_id: null,
    });
    const report = await writer.insert('reports', {
      source_id: source.id,
      kind: 'event',
      event_kind: 'armed_clash',
      date_start: SCENE_DAY,
      date_end: SCENE_DAY,
      date_precision: 'day',
      payload: JSON.stringify({ actor1, actor2 }),
      created_at: writer.at,
    });
    await writer.insert('incident_reports', {
      incident_id: incident.id,
      report_id: report.id,
      linked_at: writer.at,
    });
    await writer.insert('statements', {
      report_id: report.id,
      source_id: source.id,
      speaker_name: `Speaker ${marker}`,
      said_on: SCENE_DAY,
      direct: 1,
      text: `We saw it, ${marker}.`,
    });
    await syncIncidentParties(writer, incident.id);
    return { incidentId: incident.id, sourceId: source.id, publicId: incident.publicId, marker };
  });
}

async function moveTo(db: Db, analyst: User, id: number, status: SceneStatus, reason: string) {
  if (status === 'candidate') return;
  await reviewIncident(db, analyst, {
    id,
    status: status === 'confirmed' ? 'under_review' : 'rejected',
    reason,
  });
  if (status === 'confirmed') await reviewIncident(db, analyst, { id, status: 'confirmed', reason });
}

/**
 * The scene every visibility test reads: accounts of every role and three liaisons, and one
 * record per status and naming, each with a source, a report and a statement, plus a public
 * report the center confirmed.
 */
export async function buildScene(db: Db, config: DatabaseConfig): Promise<Scene> {
  useTheatres([SCENE_PACK]);
  const runtime: Runtime = {
    config: { database: config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
    db,
    log: createLogger('silent'),
    close: async () => {},
  };
  const clock = () => new Date(`${SCENE_DAY}T18:00:00.000Z`);
  const tokens: Record<string, string | null> = { public: null };
  const users: Record<string, User> = {};
  for (const [name, spec] of Object.entries(IDENTITIES)) {
    const user = await addUser(db, { actor: 'system:scene' }, { username: `scene-${name}`, ...spec });
    users[name] = user;
    tokens[name] = await createApiToken(db, user.id, 'scene', new Date());
  }
  const analyst = users.analyst as User;
  const reviewReason = 'internal note qxREASONzz';
  const records: SceneRecord[] = [];
  let n = 0;
  for (const status of STATUSES)
    for (const naming of Object.keys(NAMING) as Naming[]) {
      n += 1;
      const seeded = await seedRecord(db, analyst, status, naming, n);
      await moveTo(db, analyst, seeded.incidentId, status, reviewReason);
      records.push({ name: `${status}/${naming}`, status, naming, ...seeded });
    }
  const publicComment = 'my neighbour qxCOMMENTzz saw trucks';
  const submitted = await submitPublicReport(
    db,
    {
      comment: publicComment,
      name: 'A resident',
      date: SCENE_DAY,
      placeName: 'Kadugli',
      idempotencyKey: 'scene-public-1',
    },
    clock,
  );
  if (submitted.status === 'created')
    await moveTo(db, analyst, submitted.incidentId, 'confirmed', reviewReason);
  return {
    app: createApp(runtime, { clock }),
    records,
    tokens,
    staffNames: Object.values(users)
      .filter((u) => u.role !== 'liaison')
      .map((u) => u.username),
    reviewReason,
    publicComment,
    runtime,
  };
}

/** GET as an identity; the body as text. */
export async function getAs(scene: Scene, identity: string, path: string) {
  const token = scene.tokens[identity];
  const response = await scene.app.request(
    path,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: response.status, body: await response.text() };
}
