import { randomUUID } from 'node:crypto';
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { RecordWriter } from '../audit/audit-store.js';
import type { Gazetteer, GazetteerPlace } from '../gazetteer/gazetteer.js';
import { residualColumn } from '../platform/db/dialect.js';
import type { Database } from '../platform/db/schema.js';
import type { Event } from '../extract/schema.js';
import type { Theatre } from '../theatre/theatre.js';
import { claimOfEvent, claimPlace } from './claims.js';
import { foldClaims } from './merge-absorb.js';
import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';
import type { MergeClaimCache } from './merge-claim-cache.js';
import type { Claim } from './merge-features.js';
import {
  INCIDENT_KIND,
  PLACE_PRECISION,
  type DatePrecision,
  type IncidentKind,
} from '../vocabulary/index.js';
import { partiesByIncident } from './incident-party-store.js';

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface CandidateDeps {
  readonly gazetteer: Gazetteer;
  readonly theatre: Theatre;
  readonly config?: MergeConfig;
  /** Claims already worked out in this database (an ingest run's, a worker's); none: all read. */
  readonly claimCache?: MergeClaimCache;
}

/** Incidents spanning more days than this are found by their end date, the rest by their start. */
const LONG_SPAN_DAYS = 31;

/**
 * Incidents a claim could join, found by blocking on the date window (wide enough for a report
 * dated only by its publication; none for a report with no date at all) and the area around its
 * point (plus incidents placed only coarsely or not at all), never by comparing all pairs. Each
 * incident's claim is its reports' claims folded by `absorbClaim`, exactly as the batch clusterer
 * builds a cluster's, so ingest and bench:dedup decide alike.
 */
export async function candidateIncidents(
  trx: Transaction<Database>,
  deps: CandidateDeps,
  claim: Claim,
): Promise<{ id: number; claim: Claim }[]> {
  const config = deps.config ?? MERGE_CONFIG;
  const reach = Math.max(config.maxGapDays, config.undatedLookbackDays);
  let query = trx
    .selectFrom('incidents as i')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .select([
      'i.id',
      'i.kind',
      'i.date_start',
      'i.date_end',
      'i.lat',
      'i.lon',
      'i.geo_precision',
      'i.country',
      'i.created_at',
      'p.slug',
    ])
    .where('i.status', 'not in', ['merged', 'rejected']);
  // Only a point is searched around: an area's centre says nothing of where in it the event was,
  // so a report naming only a country or region looks at every incident of its dates.
  const point = claim.place;
  if (
    point?.lat != null &&
    point.lon != null &&
    point.precision !== null &&
    PLACE_PRECISION[point.precision].isPoint
  ) {
    const [lat, lon, box] = [point.lat, point.lon, config.blockBoxDegrees];
    query = query.where((eb) =>
      eb.or([
        eb('i.lat', 'is', null),
        eb('i.geo_precision', 'in', ['district', 'region', 'country']),
        eb.and([
          eb('i.lat', '>=', lat - box),
          eb('i.lat', '<=', lat + box),
          eb('i.lon', '>=', lon - box * 1.4),
          eb('i.lon', '<=', lon + box * 1.4),
        ]),
      ]),
    );
  }
  const residual = residualColumn(trx);
  // Newest first; as a residual on SQLite, which would otherwise walk the primary key backwards
  // to spare a sort, reading the whole table to find a few hundred rows.
  const newest = (q: typeof query) =>
    q.orderBy(residual('i.id'), 'desc').limit(config.maxCandidates).execute();
  // A dated claim's candidates come from three reads along indexes, never a walk of the whole
  // table from the newest incident (at 100,000 incidents that OR'd query cost 39 ms a report):
  // the undated incidents (on `date_start, id`); those of a span up to LONG_SPAN_DAYS overlapping
  // the window, by a bounded range of start dates (on the covering `incidents_merge_window`); the
  // longer ones by their end (on `date_end, date_start`; both migration 0026). The unary `+` of
  // `residualColumn` keeps SQLite on the index each range means. A claim with no date compares
  // with every incident.
  const opens = shiftDay(claim.dateStart, -reach);
  const closes = shiftDay(claim.dateEnd, reach);
  const longBefore = shiftDay(opens, -LONG_SPAN_DAYS);
  const reads =
    claim.dateBasis === 'unknown'
      ? [query]
      : [
          query.where('i.date_start', 'is', null),
          query
            .where('i.date_start', '>=', longBefore)
            .where('i.date_start', '<=', closes)
            .where(sql<SqlBool>`${residual('i.date_end')} >= ${opens}`),
          query
            .where('i.date_end', '>=', opens)
            .where(sql<SqlBool>`${residual('i.date_start')} < ${longBefore}`),
        ];
  const found = (await Promise.all(reads.map(newest))).flat();
  const rows = found.sort((a, b) => b.id - a.id).slice(0, config.maxCandidates);
  const ids = rows.map((r) => r.id);
  const folded = await foldedClaims(trx, deps, ids);
  // Killed and parties only stand in for an incident no extracted report backs.
  const bare = ids.filter((id) => !folded.has(id));
  const [killed, parties] = await Promise.all([killedByIncident(trx, bare), partiesByIncident(trx, bare)]);
  return rows.map((row) => ({
    id: row.id,
    claim: folded.get(row.id) ?? {
      kind: row.kind as IncidentKind,
      ...claimDates(row),
      place: claimPlace(deps.gazetteer, {
        id: row.slug,
        lat: row.lat,
        lon: row.lon,
        precision: row.geo_precision,
        country: row.country,
      }),
      parties: parties.get(row.id) ?? [],
      killed: killed.get(row.id) ?? null,
    },
  }));
}

/**
 * An incident's dates as a claim's: an undated incident has basis `unknown`, its window the day
 * it was recorded standing in as `claimOfEvent`'s capture day does (compared with nothing).
 */
function claimDates(row: {
  date_start: string | null;
  date_end: string | null;
  created_at: string;
}): Pick<Claim, 'dateStart' | 'dateEnd' | 'dateBasis'> {
  if (row.date_start !== null && row.date_end !== null)
    return { dateStart: row.date_start, dateEnd: row.date_end };
  const day = row.created_at.slice(0, 10);
  return { dateStart: day, dateEnd: day, dateBasis: 'unknown' };
}

/** The claim of each incident that rests on extracted event reports: theirs, folded in link order. */
async function foldedClaims(
  trx: Transaction<Database>,
  deps: CandidateDeps,
  ids: readonly number[],
): Promise<Map<number, Claim>> {
  if (ids.length === 0) return new Map();
  const cache = deps.claimCache;
  if (!cache) return foldRows(deps, await eventReportRows(trx, { by: 'l.incident_id', ids }));
  // The links alone (a few integers each) say which folds still hold; only reports never seen
  // are read whole.
  const links = await trx
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .select(['l.incident_id', 'l.id', 'l.report_id'])
    .where('l.incident_id', 'in', ids)
    .where('r.kind', '=', 'event')
    .orderBy('l.id')
    .execute();
  const byIncident = new Map<number, number[]>();
  for (const link of links) {
    const list = byIncident.get(link.incident_id) ?? [];
    list.push(link.id, link.report_id);
    byIncident.set(link.incident_id, list);
  }
  const out = new Map<number, Claim>();
  const stale: { id: number; links: string; reports: number[] }[] = [];
  for (const [id, list] of byIncident) {
    const key = list.join(',');
    const known = cache.fold(id, key);
    if (known === undefined) stale.push({ id, links: key, reports: list.filter((_, i) => i % 2 === 1) });
    else if (known) out.set(id, known);
  }
  const unseen = [...new Set(stale.flatMap((s) => s.reports))].filter((r) => cache.report(r) === undefined);
  for (let at = 0; at < unseen.length; at += REPORTS_PER_READ) {
    const chunk = unseen.slice(at, at + REPORTS_PER_READ);
    for (const row of await eventReportRows(trx, { by: 'r.id', ids: chunk }))
      cache.rememberReport(row.report_id, claimOfRow(deps, row));
    for (const id of chunk) if (cache.report(id) === undefined) cache.rememberReport(id, null);
  }
  for (const { id, links: key, reports } of stale) {
    const claims = reports.map((r) => cache.report(r)).filter((c): c is Claim => c != null);
    const claim = foldClaims(claims);
    cache.rememberFold(id, key, claim);
    if (claim) out.set(id, claim);
  }
  return out;
}

/** Report ids per read of payloads (well under either database's bound parameters). */
const REPORTS_PER_READ = 1000;

type EventReportRow = {
  incident_id: number;
  report_id: number;
  payload: string;
  source_id: number;
  published_at: string | null;
  retrieved_at: string;
};

/** Event reports linked to incidents, with their sources' dates, in link order. */
async function eventReportRows(
  trx: Transaction<Database>,
  filter: { readonly by: 'l.incident_id' | 'r.id'; readonly ids: readonly number[] },
): Promise<EventReportRow[]> {
  return trx
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .innerJoin('sources as s', 's.id', 'r.source_id')
    .select([
      'l.incident_id',
      'r.id as report_id',
      'r.payload',
      's.id as source_id',
      's.published_at',
      's.retrieved_at',
    ])
    .where(filter.by, 'in', filter.ids)
    .where('r.kind', '=', 'event')
    .orderBy('l.id')
    .execute();
}

function claimOfRow(deps: CandidateDeps, row: EventReportRow): Claim | null {
  const event = storedEvent(row.payload);
  if (!event) return null;
  const dating = { published: row.published_at, captured: row.retrieved_at, sourceId: row.source_id };
  return claimOfEvent(deps.gazetteer, event, dating, deps.theatre);
}

function foldRows(deps: CandidateDeps, rows: readonly EventReportRow[]): Map<number, Claim> {
  const claims = new Map<number, Claim[]>();
  for (const row of rows) {
    const claim = claimOfRow(deps, row);
    if (!claim) continue;
    const list = claims.get(row.incident_id) ?? [];
    list.push(claim);
    claims.set(row.incident_id, list);
  }
  const out = new Map<number, Claim>();
  for (const [id, list] of claims) {
    const claim = foldClaims(list);
    if (claim) out.set(id, claim);
  }
  return out;
}

/** The event a report stored (ingest writes it whole into the payload), or null for another shape. */
function storedEvent(payload: string): Event | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null && 'kind' in value && 'evidence' in value
      ? (value as Event)
      : null;
  } catch {
    return null;
  }
}

async function killedByIncident(trx: Transaction<Database>, ids: readonly number[]) {
  const out = new Map<number, { low: number; high: number }>();
  if (ids.length === 0) return out;
  const rows = await trx
    .selectFrom('casualty_figures as c')
    .innerJoin('incident_reports as l', 'l.report_id', 'c.report_id')
    .select(['l.incident_id', (eb) => eb.fn.min('c.low').as('low'), (eb) => eb.fn.max('c.high').as('high')])
    .where('l.incident_id', 'in', ids)
    .where('c.category', '=', 'killed')
    .groupBy('l.incident_id')
    .execute();
  for (const r of rows) out.set(r.incident_id, { low: Number(r.low ?? 0), high: Number(r.high ?? 0) });
  return out;
}

/** The places row for a gazetteer place, created (with all its names) the first time it is used. */
export async function ensurePlace(writer: RecordWriter, place: GazetteerPlace): Promise<number> {
  const found = await writer.trx
    .selectFrom('places')
    .select('id')
    .where('slug', '=', place.id)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await writer.insert('places', {
    slug: place.id,
    kind: place.kind,
    country: place.country,
    lat: place.lat,
    lon: place.lon,
  });
  const users = (name: string) =>
    Object.entries(place.usage ?? {})
      .filter(([, names]) => names.includes(name))
      .map(([who]) => who)
      .join(',') || null;
  for (const name of new Set(place.names)) {
    await writer.insert('place_names', {
      place_id: row.id,
      name,
      name_key: name.toLowerCase(),
      used_by: users(name),
    });
  }
  return row.id;
}

export interface NewIncidentFromReport {
  readonly claim: Claim;
  readonly title: string;
  readonly placeId: number | null;
  readonly placeName: string | null;
  readonly country: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly datePrecision: DatePrecision;
}

/**
 * The dates an incident stores for a claim: none when nothing dates the event (basis `unknown`),
 * never the capture day the claim carries for comparison.
 */
export const storedDates = (claim: Claim): { date_start: string | null; date_end: string | null } =>
  claim.dateBasis === 'unknown'
    ? { date_start: null, date_end: null }
    : { date_start: claim.dateStart, date_end: claim.dateEnd };

/** Opens a new candidate incident for a report that matched none. */
export async function openIncident(writer: RecordWriter, input: NewIncidentFromReport): Promise<number> {
  const acled = INCIDENT_KIND[input.claim.kind].acled;
  const row = await writer.insert('incidents', {
    public_id: randomUUID(),
    kind: input.claim.kind,
    acled_event_type: acled.event_type,
    acled_sub_event_type: acled.sub_event_type,
    title: input.title,
    ...storedDates(input.claim),
    date_precision: input.datePrecision,
    place_id: input.placeId,
    place_name: input.placeName,
    country: input.country,
    lat: input.claim.place?.lat ?? null,
    lon: input.claim.place?.lon ?? null,
    geo_precision: input.claim.place?.precision ?? null,
    actor1: input.actor1,
    actor2: input.actor2,
    status: 'candidate',
    version: 1,
    created_at: writer.at,
    updated_at: writer.at,
  });
  return row.id;
}

/** Links a report to an incident, keeping the explanation of the decision (its score, its words). */
export async function linkReport(
  writer: RecordWriter,
  link: {
    incidentId: number;
    reportId: number;
    explanation: { readonly score?: number; readonly reason: string } | null;
    originIncidentId?: number | null;
  },
): Promise<void> {
  await writer.insert('incident_reports', {
    incident_id: link.incidentId,
    report_id: link.reportId,
    score: link.explanation?.score ?? null,
    explanation: link.explanation ? JSON.stringify(link.explanation) : null,
    linked_at: writer.at,
    origin_incident_id: link.originIncidentId ?? null,
  });
}
