import { createAgreement, findAgreement } from '../agreement/agreement-store.js';
import type { Evidence } from '../agreement/commitment.js';
import { amendDeadline, linkIncident, recordAssessment } from '../agreement/commitment-store.js';
import { createMission, recordActivity } from '../agreement/mission-store.js';
import { audited, type ChangeContext } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { conflict } from '../platform/errors.js';
import { createIncident } from '../record/incident-store.js';
import { DEMO_ACTIVITY } from './nk-2020-activity.js';
import { DEMO_AGREEMENT, DEMO_AGREEMENT_SLUG } from './nk-2020-agreement.js';
import {
  DEMO_AMENDMENTS,
  DEMO_ASSESSMENTS,
  DEMO_STATEMENTS,
  type DemoStatement,
} from './nk-2020-assessments.js';
import { DEMO_EVENTS } from './nk-2020-events-later.js';
import { DEMO_MISSION, DEMO_MISSION_SLUG } from './nk-2020-mission.js';
import { citation } from './sources.js';

export interface DemoOptions {
  /** Who the audit log names as the author of the demo data. */
  readonly actor?: string;
  readonly clock?: () => Date;
}

export type DemoOutcome =
  | { readonly kind: 'already_loaded'; readonly agreement: string }
  | {
      readonly kind: 'loaded';
      readonly agreement: string;
      readonly mission: string;
      readonly counts: {
        readonly commitments: number;
        readonly incidents: number;
        readonly assessments: number;
        readonly statements: number;
        readonly activityDays: number;
        readonly posts: number;
      };
    };

/**
 * True when the record holds nothing yet (no agreement, mission, incident or source), so `npm start`
 * can load the demo without mixing it into real data.
 *
 * @example if (await isDatabaseEmpty(db)) await loadDemo(db, {})
 */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const tables = ['agreements', 'missions', 'incidents', 'sources'] as const;
  for (const table of tables) {
    if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return false;
  }
  return true;
}

/**
 * Loads the demo — the 10 November 2020 statement, the peacekeeping mission, five weeks of
 * activity, incidents and statements — every write through the audit chain. Running it again
 * changes nothing (checked by the agreement's slug).
 *
 * @example const outcome = await loadDemo(db, { actor: 'demo' }) // { kind: 'loaded', … } then { kind: 'already_loaded', … }
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoOutcome> {
  if (await findAgreement(db, DEMO_AGREEMENT_SLUG)) {
    await checkComplete(db);
    return { kind: 'already_loaded', agreement: DEMO_AGREEMENT_SLUG };
  }
  const context: ChangeContext = {
    actor: options.actor ?? 'demo:loader',
    reason: 'demo data',
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const { commitments } = await createAgreement(db, context, DEMO_AGREEMENT);
  await createMission(db, context, DEMO_MISSION);
  const incidents = await loadEvents(db, context);
  for (const amendment of DEMO_AMENDMENTS) await amendDeadline(db, context, DEMO_AGREEMENT_SLUG, amendment);
  for (const a of DEMO_ASSESSMENTS) {
    const cited = a.incidents.map((key) => incidentEvidence(incidents, key));
    await recordAssessment(db, context, DEMO_AGREEMENT_SLUG, { ...a, evidence: [...a.sources, ...cited] });
  }
  for (const statement of DEMO_STATEMENTS) await insertStatement(db, context, statement);
  for (const day of DEMO_ACTIVITY) await recordActivity(db, context, DEMO_MISSION_SLUG, day);
  return {
    kind: 'loaded',
    agreement: DEMO_AGREEMENT_SLUG,
    mission: DEMO_MISSION_SLUG,
    counts: {
      commitments: commitments.length,
      incidents: incidents.size,
      assessments: DEMO_ASSESSMENTS.length,
      statements: DEMO_STATEMENTS.length,
      activityDays: DEMO_ACTIVITY.length,
      posts: DEMO_MISSION.posts?.length ?? 0,
    },
  };
}

/** The loader writes in several transactions; a run cut short is reported, not mistaken for a full load. */
async function checkComplete(db: Db): Promise<void> {
  const last = DEMO_ACTIVITY.at(-1)?.day ?? '';
  const row = await db
    .selectFrom('mission_activity as a')
    .innerJoin('missions as m', 'm.id', 'a.mission_id')
    .select('a.id')
    .where('m.slug', '=', DEMO_MISSION_SLUG)
    .where('a.day', '=', last)
    .executeTakeFirst();
  if (!row)
    throw conflict('the demo was only partly loaded in this database; load it into a fresh one', {
      field: 'agreement',
      rule: 'demo loads are all or nothing',
    });
}

type IncidentIndex = Map<string, { id: number; title: string }>;

async function loadEvents(db: Db, context: ChangeContext): Promise<IncidentIndex> {
  const index: IncidentIndex = new Map();
  for (const event of DEMO_EVENTS) {
    const report = {
      kind: 'event' as const,
      eventKind: event.incident.kind,
      dateStart: event.incident.dateStart,
      dateEnd: event.incident.dateEnd,
      payload: { sources: event.sources.map(citation) },
    };
    const incident = await createIncident(db, context, event.incident, [report]);
    index.set(event.key, { id: incident.id, title: incident.title });
    for (const link of event.links) {
      await linkIncident(db, context, DEMO_AGREEMENT_SLUG, { incidentId: incident.id, ...link });
    }
  }
  return index;
}

function incidentEvidence(incidents: IncidentIndex, key: string): Evidence {
  const incident = incidents.get(key);
  if (!incident) throw new Error(`demo data cites unknown incident "${key}"`);
  return {
    kind: 'incident',
    title: incident.title,
    publisher: null,
    url: null,
    published: null,
    incidentId: incident.id,
  };
}

async function insertStatement(db: Db, context: ChangeContext, s: DemoStatement): Promise<void> {
  await audited(db, context, async (writer) => {
    const report = await writer.insert('reports', {
      kind: 'statement',
      date_start: s.saidOn,
      date_end: s.saidOn,
      date_precision: 'day',
      payload: JSON.stringify({ sources: [citation(s.source)] }),
      created_at: writer.at,
    });
    await writer.insert('statements', {
      report_id: report.id,
      speaker_name: s.speaker,
      office: s.office,
      said_on: s.saidOn,
      direct: 0,
      text: s.text,
    });
  });
}
