import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { RecordWriter } from '../audit/audit-store.js';
import type { Gazetteer, GazetteerPlace } from '../gazetteer/gazetteer.js';
import type { Database } from '../platform/db/schema.js';
import { claimPlace } from './claims.js';
import type { Comparison } from './dedup.js';
import type { Claim } from './merge-features.js';
import { INCIDENT_KIND, type DatePrecision, type IncidentKind } from '../vocabulary/index.js';
import { partiesByIncident } from './incident-party-store.js';

/** Reports this many days either side of an incident's window may still join it. */
const DATE_SLACK_DAYS = 2;
/** Half-size of the box searched around a point, in degrees (≈ 55 km of latitude). */
const BOX_DEGREES = 0.5;
const MAX_CANDIDATES = 500;

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Incidents a claim could join, found by blocking on the date window and the area around its
 * point (plus incidents placed only coarsely or not at all), never by comparing all pairs.
 */
export async function candidateIncidents(
  trx: Transaction<Database>,
  gazetteer: Gazetteer,
  claim: Claim,
): Promise<{ id: number; claim: Claim }[]> {
  let query = trx
    .selectFrom('incidents as i')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .select(['i.id', 'i.kind', 'i.date_start', 'i.date_end', 'i.lat', 'i.lon', 'i.geo_precision', 'p.slug'])
    .where('i.status', 'not in', ['merged', 'rejected'])
    .where('i.date_start', '<=', shiftDay(claim.dateEnd, DATE_SLACK_DAYS))
    .where('i.date_end', '>=', shiftDay(claim.dateStart, -DATE_SLACK_DAYS));
  const point = claim.place;
  if (point?.lat != null && point.lon != null) {
    const [lat, lon] = [point.lat, point.lon];
    query = query.where((eb) =>
      eb.or([
        eb('i.lat', 'is', null),
        eb('i.geo_precision', 'in', ['district', 'region', 'country']),
        eb.and([
          eb('i.lat', '>=', lat - BOX_DEGREES),
          eb('i.lat', '<=', lat + BOX_DEGREES),
          eb('i.lon', '>=', lon - BOX_DEGREES * 1.4),
          eb('i.lon', '<=', lon + BOX_DEGREES * 1.4),
        ]),
      ]),
    );
  }
  const rows = await query.orderBy('i.id', 'desc').limit(MAX_CANDIDATES).execute();
  const ids = rows.map((r) => r.id);
  const [killed, parties] = await Promise.all([killedByIncident(trx, ids), partiesByIncident(trx, ids)]);
  return rows.map((row) => ({
    id: row.id,
    claim: {
      kind: row.kind as IncidentKind,
      dateStart: row.date_start,
      dateEnd: row.date_end,
      place: claimPlace(gazetteer, {
        id: row.slug,
        lat: row.lat,
        lon: row.lon,
        precision: row.geo_precision,
      }),
      parties: parties.get(row.id) ?? [],
      killed: killed.get(row.id) ?? null,
    },
  }));
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

/** Opens a new candidate incident for a report that matched none. */
export async function openIncident(writer: RecordWriter, input: NewIncidentFromReport): Promise<number> {
  const acled = INCIDENT_KIND[input.claim.kind].acled;
  const row = await writer.insert('incidents', {
    public_id: randomUUID(),
    kind: input.claim.kind,
    acled_event_type: acled.event_type,
    acled_sub_event_type: acled.sub_event_type,
    title: input.title,
    date_start: input.claim.dateStart,
    date_end: input.claim.dateEnd,
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

/** Links a report to an incident, keeping the comparison that decided it. */
export async function linkReport(
  writer: RecordWriter,
  link: {
    incidentId: number;
    reportId: number;
    comparison: Comparison | null;
    originIncidentId?: number | null;
  },
): Promise<void> {
  await writer.insert('incident_reports', {
    incident_id: link.incidentId,
    report_id: link.reportId,
    score: link.comparison?.score ?? null,
    explanation: link.comparison ? JSON.stringify(link.comparison) : null,
    linked_at: writer.at,
    origin_incident_id: link.originIncidentId ?? null,
  });
}
