import { z } from 'zod';
import type { Db } from '../platform/db/dialect.js';
import { conservativeCount, reconcileFigures } from '../record/casualty.js';
import { claimedFiguresOf } from '../record/casualty-store.js';
import { incidentKindOf } from '../vocabulary/index.js';
import { shownUrl, type Visibility } from '../record/visibility.js';
import { visibleIncident } from '../record/visibility-store.js';
import { agreementStatus } from './agreement-status.js';
import { findAgreement, getAgreement } from './agreement-store.js';
import { latestCheckpoint, signCheckpoint } from '../audit/checkpoint-store.js';
import type { Signer } from '../audit/keys.js';
import { cosignaturesOf, withCosignatures } from '../audit/witness-store.js';
import type {
  BulletinCheckpoint,
  BulletinIncident,
  BulletinInputs,
  BulletinStatement,
  SourceRef,
} from './bulletin.js';
import { loadCommitmentFacts } from './commitment-store.js';
import { asOfDate } from './deadline.js';
import { missionStatus } from './mission.js';
import { loadMissionFacts } from './mission-store.js';
import { matchingStatements } from '../record/statement-store.js';

/** Gathers what the day's bulletin reports, from the record as it stands now. */

const SourceCitation = z.object({
  publisher: z.string().nullable().default(null),
  title: z.string().min(1),
  url: z.string().nullable().default(null),
  published: z.string().nullable().default(null),
});
const Payload = z.object({ sources: z.array(SourceCitation).default([]) }).loose();

interface ReportRow {
  readonly payload: string;
  readonly publisher: string | null;
  readonly source_title: string | null;
  readonly url: string | null;
  readonly published_at: string | null;
}

/** A bulletin is a publication: whoever asks, it holds what the public may see. */
const BULLETIN_VISIBILITY: Visibility = { kind: 'published' };

function sourcesOf(reports: readonly ReportRow[]): SourceRef[] {
  return reports.flatMap((r): SourceRef[] => {
    const url = shownUrl(r.url, BULLETIN_VISIBILITY);
    const title = r.source_title ?? url;
    const captured: SourceRef[] = title
      ? [{ publisher: r.publisher, title, url, published: r.published_at?.slice(0, 10) ?? null }]
      : [];
    const parsed = Payload.safeParse(JSON.parse(r.payload));
    return [...captured, ...(parsed.success ? parsed.data.sources : [])];
  });
}

function reportsQuery(db: Db) {
  return db
    .selectFrom('reports as r')
    .leftJoin('sources as s', 's.id', 'r.source_id')
    .select(['r.id', 'r.payload', 's.publisher', 's.title as source_title', 's.url', 's.published_at']);
}

/** The title of an incident a member of the public reported: their words stay out of bulletins. */
const neutralTitle = (kind: string, place: string | null) => {
  const label = kind.replaceAll('_', ' ');
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}${place ? ` — ${place}` : ''}`;
};

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The day's incidents: those dated on it, or (`undated`) those recorded on it (UTC) that no report
 * dates, which belong to no day.
 */
async function incidentsOn(db: Db, date: string, which: 'dated' | 'undated'): Promise<BulletinIncident[]> {
  let query = db
    .selectFrom('incidents')
    .selectAll()
    .where(visibleIncident(BULLETIN_VISIBILITY, { id: 'incidents.id', status: 'incidents.status' }));
  query =
    which === 'dated'
      ? query.where('date_start', '<=', date).where('date_end', '>=', date)
      : query
          .where('date_start', 'is', null)
          .where('created_at', '>=', date)
          .where('created_at', '<', nextDay(date));
  const incidents = await query.orderBy('id').execute();
  const ids = incidents.map((i) => Number(i.id));
  if (ids.length === 0) return [];
  const [figures, links, fromPublic] = await Promise.all([
    claimedFiguresOf(db, ids),
    reportsQuery(db)
      .innerJoin('incident_reports as ir', 'ir.report_id', 'r.id')
      .select('ir.incident_id')
      .where('ir.incident_id', 'in', ids)
      .execute(),
    db
      .selectFrom('public_submissions')
      .select('incident_id')
      .where('incident_id', 'in', ids)
      .where('channel', '=', 'public')
      .execute(),
  ]);
  const reportedByPublic = new Set(fromPublic.map((p) => Number(p.incident_id)));
  return incidents.map((i) => {
    const mine = reconcileFigures(figures.get(Number(i.id)) ?? []);
    return {
      id: Number(i.id),
      publicId: i.public_id,
      kind: incidentKindOf(i.kind),
      title: reportedByPublic.has(Number(i.id)) ? neutralTitle(i.kind, i.place_name) : i.title,
      status: i.status,
      area: i.admin1,
      placeName: i.place_name,
      actor1: i.actor1,
      actor2: i.actor2,
      killed: conservativeCount(mine, 'killed'),
      injured: conservativeCount(mine, 'injured'),
      sources: sourcesOf(links.filter((l) => Number(l.incident_id) === Number(i.id))),
    };
  });
}

async function statementsOn(db: Db, date: string): Promise<BulletinStatement[]> {
  const rows = await matchingStatements(db, { from: date, to: date }, BULLETIN_VISIBILITY)
    .selectAll('s')
    .orderBy('s.id')
    .execute();
  const reportIds = rows.flatMap((s) => (s.report_id === null ? [] : [Number(s.report_id)]));
  const reports = reportIds.length ? await reportsQuery(db).where('r.id', 'in', reportIds).execute() : [];
  return rows.map((s) => ({
    speaker: s.speaker_name,
    office: s.office,
    text: s.text,
    direct: s.direct === 1,
    sources: sourcesOf(reports.filter((r) => Number(r.id) === Number(s.report_id))),
  }));
}

async function missionPart(db: Db, date: string, slug?: string) {
  const any = await db.selectFrom('missions').select('id').executeTakeFirst();
  if (!any && !slug) return { mission: null, activity: null, totals: null, postsOpen: null, agreement: null };
  const facts = await loadMissionFacts(db, slug);
  const status = missionStatus(facts, date);
  return {
    mission: { name: facts.name, slug: facts.slug },
    activity: status.today,
    totals: status.totals,
    postsOpen: status.posts.open,
    agreement: facts.agreement,
  };
}

/**
 * The checkpoint a bulletin is made at: with the center's signer, one signed now (the same tree
 * signed again is not stored twice, so asking for bulletins adds at most one checkpoint per change
 * of the log); without, the latest one signed. The cosignatures are those known now.
 */
export async function bulletinCheckpoint(
  db: Db,
  signer: Signer | null,
  clock: () => Date,
): Promise<BulletinCheckpoint | null> {
  const checkpoint = signer ? await signCheckpoint(db, signer, clock) : await latestCheckpoint(db);
  if (!checkpoint) return null;
  const cosignatures = (await cosignaturesOf(db, [checkpoint.id])).get(checkpoint.id) ?? [];
  const { note } = withCosignatures(checkpoint, cosignatures);
  const [origin = '', , root = ''] = checkpoint.note.split('\n');
  return {
    origin,
    size: checkpoint.size,
    root,
    note,
    cosignedBy: cosignatures.map((c) => ({ witness: c.witness, time: c.time })),
  };
}

/**
 * Everything for `buildBulletin` on one day — only what the public may see, since a bulletin is
 * published: incidents dated that day with casualties and sources,
 * the mission's activity, the agreement's commitments as of the day, statements, the audit head,
 * and the checkpoint (signed now when `signer` is given).
 *
 * @example buildBulletin(await loadBulletinInputs(db, { date: '2020-11-20' }))
 */
export async function loadBulletinInputs(
  db: Db,
  options: {
    date: string;
    mission?: string;
    agreement?: string;
    signer?: Signer | null;
    clock?: () => Date;
  },
): Promise<BulletinInputs> {
  const { date } = options;
  const mission = await missionPart(db, date, options.mission);
  const slug = options.agreement ?? mission.agreement ?? undefined;
  const agreement = slug ? await getAgreement(db, slug) : await findFirstAgreement(db);
  const commitments = agreement
    ? agreementStatus(agreement, await loadCommitmentFacts(db, agreement), asOfDate(date)).commitments.map(
        ({ history: _history, ...compliance }) => compliance,
      )
    : [];
  const [incidents, undated, statements, head] = await Promise.all([
    incidentsOn(db, date, 'dated'),
    incidentsOn(db, date, 'undated'),
    statementsOn(db, date),
    db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
  ]);
  const checkpoint = await bulletinCheckpoint(
    db,
    options.signer ?? null,
    options.clock ?? (() => new Date()),
  );
  return {
    date,
    mission: mission.mission,
    agreement: agreement ? { title: agreement.title, slug: agreement.slug } : null,
    incidents,
    undated,
    activity: mission.activity,
    totals: mission.totals,
    postsOpen: mission.postsOpen,
    commitments,
    statements,
    auditHead: { seq: Number(head.seq), hash: head.hash },
    checkpoint,
  };
}

async function findFirstAgreement(db: Db) {
  const first = await db.selectFrom('agreements').select('slug').orderBy('id').executeTakeFirst();
  return first ? findAgreement(db, first.slug) : null;
}
