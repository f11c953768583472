import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import { audited, type ChangeContext, type RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import type { Database, IncidentTable } from '../platform/db/schema.js';
import { invalid, notFound } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import {
  IncidentInput,
  ReportInput,
  type Incident,
  type ParsedIncidentInput,
  type ParsedIncidentQuery,
} from './schemas.js';
import {
  INCIDENT_KIND,
  daysSpanned,
  incidentKindOf,
  placePrecisionOf,
  toDatePrecision,
} from '../vocabulary/index.js';
import { activeTheatre } from '../theatre/active.js';
import { incidentPartyCodes } from './parties.js';
import { visibleIncident, type Visibility } from './visibility-store.js';

export { PUBLISHED_STATUSES, type Visibility } from './visibility.js';

/** Maps a database row to the domain's Incident (never return a row past a store). */
export function presentIncident(row: Selectable<IncidentTable>): Incident {
  return {
    id: Number(row.id),
    publicId: row.public_id,
    kind: incidentKindOf(row.kind),
    acled: { eventType: row.acled_event_type, subEventType: row.acled_sub_event_type },
    title: row.title,
    summary: row.summary,
    dateStart: row.date_start,
    dateEnd: row.date_end,
    datePrecision:
      row.date_start === null || row.date_end === null
        ? 'unknown'
        : toDatePrecision(row.date_precision, daysSpanned(row.date_start, row.date_end)),
    placeName: row.place_name,
    country: row.country,
    admin1: row.admin1,
    lat: row.lat,
    lon: row.lon,
    geoPrecision: placePrecisionOf(row.geo_precision),
    actor1: row.actor1,
    actor2: row.actor2,
    status: row.status as Incident['status'],
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Inserts an incident, its casualty figures and (optionally) the reports it rests on, in `writer`'s transaction. */
export async function insertIncident(
  writer: RecordWriter,
  input: ParsedIncidentInput,
  reports: readonly ReportInput[] = [],
): Promise<Incident> {
  const acled = INCIDENT_KIND[input.kind].acled;
  // No date is both dates null, and says nothing more precise than `unknown`.
  if ((input.dateStart === null) !== (input.dateEnd === null))
    throw invalid(
      input.dateStart === null ? 'dateStart' : 'dateEnd',
      'must be null exactly when the other date is',
    );
  const undated = input.dateStart === null;
  const row = await writer.insert('incidents', {
    public_id: randomUUID(),
    kind: input.kind,
    acled_event_type: acled.event_type,
    acled_sub_event_type: acled.sub_event_type,
    title: input.title,
    summary: input.summary,
    date_start: input.dateStart,
    date_end: input.dateEnd,
    date_precision: undated ? 'unknown' : input.datePrecision,
    place_name: input.placeName,
    country: input.country,
    admin1: input.admin1,
    lat: input.lat,
    lon: input.lon,
    geo_precision: input.geoPrecision,
    actor1: input.actor1,
    actor2: input.actor2,
    status: input.status,
    version: 1,
    created_at: writer.at,
    updated_at: writer.at,
  });
  await insertCasualtyFigures(writer, row.id, input.casualties);
  const eventPayloads: string[] = [];
  for (const report of reports) {
    const parsed = parseInput(ReportInput, report, 'report');
    if (parsed.kind === 'event') eventPayloads.push(JSON.stringify(parsed.payload));
    const stored = await writer.insert('reports', {
      kind: parsed.kind,
      event_kind: parsed.eventKind,
      date_start: parsed.dateStart,
      date_end: parsed.dateEnd,
      date_precision: parsed.datePrecision,
      lat: parsed.lat,
      lon: parsed.lon,
      payload: JSON.stringify(parsed.payload),
      created_at: writer.at,
    });
    await writer.insert('incident_reports', {
      incident_id: row.id,
      report_id: stored.id,
      linked_at: writer.at,
    });
  }
  // A new incident: its parties follow from what is in hand (syncIncidentParties reads them back).
  for (const party of incidentPartyCodes(activeTheatre(), [input.actor1, input.actor2], eventPayloads))
    await writer.insert('incident_parties', { incident_id: row.id, party });
  return presentIncident(row);
}

/** Records figures on an incident itself (not on one of its reports), in `writer`'s transaction. */
export async function insertCasualtyFigures(
  writer: RecordWriter,
  incidentId: number,
  figures: ParsedIncidentInput['casualties'],
): Promise<void> {
  for (const figure of figures) {
    await writer.insert('casualty_figures', {
      incident_id: incidentId,
      category: figure.category,
      population: figure.population,
      low: figure.low,
      best: figure.best,
      high: figure.high,
      qualifier: figure.qualifier,
      claimant: figure.claimant,
      as_of: figure.asOf,
      cumulative: figure.cumulative ? 1 : 0,
    });
  }
}

/** Records a new incident: parsed, written and audited in one transaction. */
export async function createIncident(
  db: Db,
  context: ChangeContext,
  input: IncidentInput,
  reports: readonly ReportInput[] = [],
): Promise<Incident> {
  const parsed = parseInput(IncidentInput, input, 'incident');
  return audited(db, context, (writer) => insertIncident(writer, parsed, reports));
}

export async function getIncident(db: Db, id: number): Promise<Incident> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('incident', id);
  return presentIncident(row);
}

/**
 * The internal number of the incident a public id (the UUID exports carry) names, or null.
 *
 * @example await incidentIdByPublicId(db, incident.publicId) // 42
 */
export async function incidentIdByPublicId(db: Db, publicId: string): Promise<number | null> {
  const row = await db
    .selectFrom('incidents')
    .select('id')
    .where('public_id', '=', publicId)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/**
 * The incidents matching a query's filters and the caller's visibility, as a query to select
 * from. Date filters select incidents whose range overlaps [from, to]; the box selects points
 * inside it.
 */
export function filteredIncidents(db: Db, q: ParsedIncidentQuery, visibility: Visibility = { kind: 'all' }) {
  let base = db.selectFrom('incidents');
  if (visibility.kind !== 'all')
    base = base.where(visibleIncident(visibility, { id: 'incidents.id', status: 'incidents.status' }));
  if (q.kind?.length) base = base.where('kind', 'in', q.kind);
  if (q.status?.length) base = base.where('status', 'in', q.status);
  if (q.from) base = base.where('date_end', '>=', q.from);
  if (q.to) base = base.where('date_start', '<=', q.to);
  if (q.undated) base = base.where('date_start', q.undated === '1' ? 'is' : 'is not', null);
  if (q.located) base = base.where((eb) => locatedCondition(eb, q.located === 'yes'));
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    base = base.where('lon', '>=', w).where('lon', '<=', e).where('lat', '>=', s).where('lat', '<=', n);
  }
  const { place, party } = q;
  if (place) base = base.where((eb) => placeCondition(eb, place));
  if (party) base = base.where((eb) => partyCondition(eb, party));
  return base;
}

type IncidentExpressions = ExpressionBuilder<Database, 'incidents'>;

/**
 * Incidents with coordinates (`yes`) or without (`no`): the map draws the first and counts the
 * second apart. A point needs both numbers.
 */
export function locatedCondition(eb: IncidentExpressions, located: boolean) {
  return located
    ? eb.and([eb('lat', 'is not', null), eb('lon', 'is not', null)])
    : eb.or([eb('lat', 'is', null), eb('lon', 'is', null)]);
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally (escape character `\`). */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A place in any party's spelling: the incident's place name or any name of its place. */
export function placeCondition(eb: IncidentExpressions, place: string) {
  const key = containsPattern(place);
  return eb.or([
    sql<SqlBool>`lower(place_name) like ${key} escape '\\'`,
    eb(
      'place_id',
      'in',
      eb
        .selectFrom('place_names')
        .select('place_id')
        .where(sql<SqlBool>`name_key like ${key} escape '\\'`),
    ),
  ]);
}

/**
 * Incidents naming a party, by its code (`incident_parties`); names resolve to codes when filters
 * are parsed. Asked of each incident the other filters leave (one lookup in the unique index on
 * incident and party): as `id in (…)`, SQLite listed every incident naming the party on every
 * query (100,000 for a party every incident names: 80 ms).
 */
export function partyCondition(eb: IncidentExpressions, party: string) {
  return eb.exists(
    eb
      .selectFrom('incident_parties as ip')
      .select('ip.incident_id')
      .whereRef('ip.incident_id', '=', 'incidents.id')
      .where('ip.party', '=', party),
  );
}

/**
 * A query asking only for undated incidents (`undated=1`) and for a date range at once asks for
 * nothing: refused, naming the field.
 *
 * @example checkUndated({ undated: '1', from: '2020-10-01' }) // throws: undated: …
 */
export function checkUndated<Q extends Pick<ParsedIncidentQuery, 'undated' | 'from' | 'to'>>(q: Q): Q {
  if (q.undated === '1' && (q.from !== undefined || q.to !== undefined))
    throw invalid('undated', 'undated=1 lists incidents with no date; it cannot go with from or to');
  return q;
}

/**
 * A query asking only for incidents with no coordinates (`located=no`) inside a box asks for
 * nothing: refused, naming the field.
 *
 * @example checkLocated({ located: 'no', bbox: [44, 39, 48, 41] }) // throws: located: …
 */
export function checkLocated<Q extends Pick<ParsedIncidentQuery, 'located' | 'bbox'>>(q: Q): Q {
  if (q.located === 'no' && q.bbox !== undefined)
    throw invalid('located', 'located=no lists incidents with no coordinates; it cannot go with bbox');
  return q;
}
