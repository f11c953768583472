import { createAgreement, findAgreement } from '../agreement/agreement-store.js';
import type { Evidence } from '../agreement/commitment.js';
import { amendDeadline, linkIncident, recordAssessment } from '../agreement/commitment-store.js';
import { createMission, recordActivity } from '../agreement/mission-store.js';
import { audited, type ChangeContext } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { conflict, invalid } from '../platform/errors.js';
import { createIncident } from '../record/incident-store.js';
import { assessIncident, ingestArticles } from './ingest-articles.js';
import type { DemoStatement } from './nk-2020-assessments.js';
import type { DemoScript } from './script.js';
import { DEFAULT_DEMO_THEATRE, demoScript } from './scripts.js';
import { citation } from './sources.js';
import { theatreAgreements } from './theatre-data.js';

export interface DemoOptions {
  /** Who the audit log names as the author of the demo data. */
  readonly actor?: string;
  readonly clock?: () => Date;
  /** The theatre pack (shipped name or file) whose agreement and mission to load; default Karabakh. */
  readonly theatre?: string;
}

export type DemoOutcome =
  | { readonly kind: 'already_loaded'; readonly theatre: string; readonly agreement: string }
  | {
      readonly kind: 'loaded';
      readonly theatre: string;
      readonly agreement: string;
      readonly mission: string | null;
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
 * Loads a theatre's demo — the pack's agreements and missions, then the demo record written for
 * it (incidents, amendments, assessments, statements, daily activity) — every write through the
 * audit chain. By default the Karabakh demo: the 10 November 2020 statement, the peacekeeping
 * mission and five weeks of record. Running it again changes nothing (checked by the agreement's slug).
 *
 * @example const outcome = await loadDemo(db, { actor: 'demo', theatre: 'donbas-2015' }) // { kind: 'loaded', … } then { kind: 'already_loaded', … }
 */
export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<DemoOutcome> {
  const data = theatreAgreements(options.theatre ?? DEFAULT_DEMO_THEATRE);
  const script = demoScript(data.theatre);
  const [first, ...others] = data.agreements;
  if (!first) throw invalid('theatre', `${data.theatre}: the pack holds no agreement`);
  const mission = data.missions[0] ?? null;
  if (await findAgreement(db, first.slug)) {
    await checkComplete(db, script, mission?.slug ?? null);
    return { kind: 'already_loaded', theatre: data.theatre, agreement: first.slug };
  }
  const context: ChangeContext = {
    actor: options.actor ?? 'demo:loader',
    reason: 'demo data',
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const { commitments } = await createAgreement(db, context, first);
  for (const other of others) await createAgreement(db, context, other);
  for (const m of data.missions) await createMission(db, context, m);
  const incidents = await loadRecord(db, context, script, { agreement: first.slug, mission: mission?.slug });
  return {
    kind: 'loaded',
    theatre: data.theatre,
    agreement: first.slug,
    mission: mission?.slug ?? null,
    counts: {
      commitments: commitments.length,
      incidents,
      assessments: script.assessments.length,
      statements: script.statements.length,
      activityDays: script.activity.length,
      posts: mission?.posts?.length ?? 0,
    },
  };
}

async function loadRecord(
  db: Db,
  context: ChangeContext,
  script: DemoScript,
  slugs: { agreement: string; mission: string | undefined },
): Promise<number> {
  const incidents = await loadEvents(db, context, script, slugs.agreement);
  for (const amendment of script.amendments) await amendDeadline(db, context, slugs.agreement, amendment);
  for (const a of script.assessments) {
    const cited = a.incidents.map((key) => incidentEvidence(incidents, key));
    await recordAssessment(db, context, slugs.agreement, { ...a, evidence: [...a.sources, ...cited] });
  }
  for (const statement of script.statements) await insertStatement(db, context, statement);
  if (script.activity.length > 0 && !slugs.mission)
    throw invalid('theatre', 'the demo records mission activity but the pack holds no mission');
  for (const day of script.activity) await recordActivity(db, context, slugs.mission ?? '', day);
  return incidents.size;
}

/** The loader writes in several transactions; a run cut short is reported, not mistaken for a full load. */
async function checkComplete(db: Db, script: DemoScript, mission: string | null): Promise<void> {
  const last = script.activity.at(-1)?.day;
  if (!last || !mission) return;
  const row = await db
    .selectFrom('mission_activity as a')
    .innerJoin('missions as m', 'm.id', 'a.mission_id')
    .select('a.id')
    .where('m.slug', '=', mission)
    .where('a.day', '=', last)
    .executeTakeFirst();
  if (!row)
    throw conflict('the demo was only partly loaded in this database; load it into a fresh one', {
      field: 'agreement',
      rule: 'demo loads are all or nothing',
    });
}

type IncidentIndex = Map<string, { id: number; title: string }>;

async function loadEvents(
  db: Db,
  context: ChangeContext,
  script: DemoScript,
  agreement: string,
): Promise<IncidentIndex> {
  const index: IncidentIndex = new Map();
  for (const event of script.events) {
    const report = {
      kind: 'event' as const,
      eventKind: event.incident.kind,
      dateStart: event.incident.dateStart,
      dateEnd: event.incident.dateEnd,
      payload: { sources: event.sources.map(citation) },
    };
    const articles = script.articles.filter((a) => a.event === event.key);
    const id =
      articles.length > 0
        ? await assessIncident(db, context, await ingestArticles(db, context, articles), event)
        : (await createIncident(db, context, event.incident, [report])).id;
    index.set(event.key, { id, title: event.incident.title });
    for (const link of event.links) {
      await linkIncident(db, context, agreement, { incidentId: id, ...link });
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
