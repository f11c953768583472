import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import { invalid } from '../platform/errors.js';
import type { Comparison } from './dedup.js';
import { filteredIncidents, presentIncident } from './incident-store.js';
import { reviewActions, type ReviewAction } from './review.js';
import { decodeCursor, encodeCursor } from './keyset.js';
import { excerptAround, LAST_KEY, type Excerpt, type ReviewQueueSort } from './review-queue.js';
import type { Incident, ParsedIncidentQuery } from './schemas.js';
import type { Role } from './taxonomy.js';

export interface ReviewQueueQuery {
  /** The incident filters (`parseIncidentFilters`); their `sort`, `limit` and `offset` are not used. */
  readonly filters: ParsedIncidentQuery;
  readonly sort: ReviewQueueSort;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** Who reads the queue: the actions each card offers are theirs. */
  readonly role: Role;
}

export interface ReviewCardReport {
  readonly id: number;
  readonly eventKind: string | null;
  readonly source: {
    readonly id: number;
    readonly outlet: string | null;
    readonly title: string | null;
    readonly url: string | null;
    readonly published: string | null;
  } | null;
  /** The part of the source's text the card shows, null when the report has no source. */
  readonly excerpt: Excerpt | null;
  /** Evidence spans, in the source text's offsets (subtract `excerpt.start` to highlight). */
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}

export interface SuggestedDuplicate {
  /** The suggestion (decided through `/api/duplicates/:id`). */
  readonly id: number;
  readonly score: number;
  readonly reason: string;
  readonly incident: Pick<Incident, 'id' | 'title' | 'status' | 'kind' | 'dateStart' | 'placeName'>;
}

export interface ReviewCard {
  readonly incident: Incident;
  /** The best open duplicate suggestion's score, null when none is open. */
  readonly score: number | null;
  readonly reportCount: number;
  /** The first reports (at most `REPORTS_PER_CARD`), each with its source and evidence. */
  readonly reports: readonly ReviewCardReport[];
  readonly suggestions: readonly SuggestedDuplicate[];
  readonly actions: readonly ReviewAction[];
}

export interface ReviewQueuePage {
  readonly items: readonly ReviewCard[];
  readonly total: number;
  readonly limit: number;
  readonly sort: ReviewQueueSort;
  readonly order: 'asc' | 'desc';
  /** The cursor of the next page, null on the last one. */
  readonly nextCursor: string | null;
}

const REPORTS_PER_CARD = 3;
const SUGGESTIONS_PER_CARD = 5;
const QUEUE_STATUSES = ['candidate', 'under_review'] as const;

/** The expression a queue order sorts by; undated incidents and ones with no suggestion last. */
function sortKey(sort: ReviewQueueSort, order: 'asc' | 'desc'): RawBuilder<string | number> {
  if (sort === 'arrival') return sql<string>`incidents.created_at`;
  if (sort === 'date') return sql<string>`coalesce(incidents.date_start, ${LAST_KEY.date[order]})`;
  return sql<number>`coalesce((select max(ds.score) from duplicate_suggestions ds
    where ds.status = 'open' and (ds.incident_id = incidents.id or ds.candidate_id = incidents.id)),
    ${LAST_KEY.score[order]})`;
}

/**
 * One page of the review queue (candidates and incidents under review unless the filters name
 * statuses), read by keyset from a cursor, never by offset; with the total matching, and for
 * each card its report texts, sources, evidence and open duplicate suggestions.
 *
 * @example (await listReviewQueue(db, { filters, sort: 'arrival', order: 'asc', limit: 50, role: 'analyst' })).nextCursor
 */
export async function listReviewQueue(db: Db, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  const { sort, order } = query;
  const status = query.filters.status?.length ? query.filters.status : [...QUEUE_STATUSES];
  const base = filteredIncidents(db, { ...query.filters, status });
  const key = sortKey(sort, order);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 'cursor', `${sort}:${order}`);
  if (after && typeof after.key !== (sort === 'score' ? 'number' : 'string'))
    throw invalid('cursor', 'is not a cursor this list gave; start from the first page');
  const direction = order === 'asc' ? sql`>` : sql`<`;
  const [rows, count] = await Promise.all([
    base
      .selectAll('incidents')
      .select(key.as('sort_key'))
      .$if(after !== null, (q) =>
        q.where(
          sql<boolean>`(${key} ${direction} ${after?.key} or (${key} = ${after?.key} and incidents.id ${direction} ${after?.id}))`,
        ),
      )
      .orderBy(key, order)
      .orderBy('incidents.id', order)
      .limit(query.limit + 1)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await cardsOf(db, page.map(presentIncident), query.role),
    total: Number(count.n),
    limit: query.limit,
    sort,
    order,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ order: `${sort}:${order}`, run: 0, key: keyOf(last.sort_key), id: last.id })
        : null,
  };
}

const keyOf = (value: unknown): string | number => (typeof value === 'number' ? value : String(value));

/** The cards of a page of incidents, in the page's order. */
async function cardsOf(db: Db, incidents: readonly Incident[], role: Role): Promise<ReviewCard[]> {
  const ids = incidents.map((i) => i.id);
  if (ids.length === 0) return [];
  const links = await db
    .selectFrom('incident_reports')
    .select(['incident_id', 'report_id', 'origin_incident_id'])
    .where('incident_id', 'in', ids)
    .orderBy('report_id')
    .execute();
  const shown = ids.flatMap((id) =>
    links
      .filter((l) => l.incident_id === id)
      .slice(0, REPORTS_PER_CARD)
      .map((l) => l.report_id),
  );
  const [reports, suggestions] = await Promise.all([reportsOf(db, shown), suggestionsOf(db, ids)]);
  return incidents.map((incident) => {
    const own = links.filter((l) => l.incident_id === incident.id);
    const mergedFrom = [...new Set(own.flatMap((l) => (l.origin_incident_id ? [l.origin_incident_id] : [])))];
    return {
      incident,
      score: suggestions.get(incident.id)?.[0]?.score ?? null,
      reportCount: own.length,
      reports: own.slice(0, REPORTS_PER_CARD).flatMap((l) => reports.get(l.report_id) ?? []),
      suggestions: suggestions.get(incident.id) ?? [],
      actions: reviewActions({ status: incident.status, reportCount: own.length, mergedFrom }, role),
    };
  });
}

async function reportsOf(db: Db, ids: readonly number[]): Promise<Map<number, ReviewCardReport>> {
  const out = new Map<number, ReviewCardReport>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('reports as r')
    .leftJoin('sources as s', 's.id', 'r.source_id')
    .select([
      'r.id',
      'r.event_kind',
      'r.payload',
      's.id as source_id',
      's.publisher',
      's.title',
      's.url',
      's.published_at',
      's.clean_text',
    ])
    .where('r.id', 'in', [...ids])
    .execute();
  const spanIds = new Map(rows.map((r) => [r.id, spanIdsOf(r.payload)]));
  const allSpans = [...new Set([...spanIds.values()].flat())];
  const spans =
    allSpans.length === 0
      ? []
      : await db.selectFrom('spans').select(['id', 'start', 'end']).where('id', 'in', allSpans).execute();
  for (const r of rows) {
    const own = spans
      .filter((s) => spanIds.get(r.id)?.includes(s.id))
      .map((s) => ({ start: s.start, end: s.end }))
      .sort((a, b) => a.start - b.start);
    out.set(r.id, {
      id: r.id,
      eventKind: r.event_kind,
      source:
        r.source_id === null
          ? null
          : { id: r.source_id, outlet: r.publisher, title: r.title, url: r.url, published: r.published_at },
      excerpt: r.clean_text === null ? null : excerptAround(r.clean_text, own),
      spans: own,
    });
  }
  return out;
}

function spanIdsOf(payload: string): number[] {
  const parsed = JSON.parse(payload) as { spanIds?: unknown; spanId?: unknown };
  const ids = Array.isArray(parsed.spanIds) ? parsed.spanIds : [parsed.spanId];
  return ids.filter((id): id is number => Number.isSafeInteger(id));
}

/** Each incident's open suggestions, best first, naming the other incident of the pair. */
async function suggestionsOf(db: Db, ids: readonly number[]): Promise<Map<number, SuggestedDuplicate[]>> {
  const rows = await db
    .selectFrom('duplicate_suggestions')
    .select(['id', 'incident_id', 'candidate_id', 'score', 'explanation'])
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('incident_id', 'in', [...ids]), eb('candidate_id', 'in', [...ids])]))
    .orderBy('score', 'desc')
    .orderBy('id')
    .execute();
  const others = [...new Set(rows.flatMap((r) => [r.incident_id, r.candidate_id]))];
  const incidents =
    others.length === 0
      ? []
      : await db.selectFrom('incidents').selectAll().where('id', 'in', others).execute();
  const byId = new Map(incidents.map((row) => [row.id, presentIncident(row)]));
  const out = new Map<number, SuggestedDuplicate[]>();
  for (const row of rows) {
    for (const [mine, theirs] of [
      [row.incident_id, row.candidate_id],
      [row.candidate_id, row.incident_id],
    ] as const) {
      const other = byId.get(theirs);
      const list = out.get(mine) ?? [];
      if (!ids.includes(mine) || !other || list.length >= SUGGESTIONS_PER_CARD) continue;
      const { id, title, status, kind, dateStart, placeName } = other;
      const reason = (JSON.parse(row.explanation) as Partial<Comparison>).reason ?? '';
      list.push({
        id: row.id,
        score: row.score,
        reason,
        incident: { id, title, status, kind, dateStart, placeName },
      });
      out.set(mine, list);
    }
  }
  return out;
}
