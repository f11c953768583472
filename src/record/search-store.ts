import { z } from 'zod';
import type { Db } from '../platform/db/dialect.js';
import { sql, type SqlBool } from 'kysely';
import { searchDialect, type SearchIndex, type Within } from '../platform/db/search-dialect.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { parseIncidentFilters } from './incident-filters.js';
import { filteredIncidents } from './incident-store.js';
import { IncidentQuery, QueryInteger, type ParsedIncidentQuery } from './schemas.js';
import { QUERY_MAX_CHARACTERS, parseSearchQuery, type SearchTerm } from './search-query.js';
import { snippetOf, type SnippetPart } from './search-snippet.js';
import { matchingStatements } from './statement-store.js';
import { visibleSourceIds, type Visibility } from './visibility-store.js';

/** What a hit can be: an incident, a source (the text reports are drawn from), a statement. */
export const SEARCH_TYPES = ['incident', 'source', 'statement'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_MAX_OFFSET = 900;

/**
 * The search's query: the words (`q`), which types of hit, the incident list's filters (a hit
 * counts when the incident it belongs to passes them), one page.
 */
export const SearchQuery = IncidentQuery.omit({ sort: true, limit: true, offset: true }).extend({
  q: z.string().min(1).max(QUERY_MAX_CHARACTERS),
  type: z.array(z.enum(SEARCH_TYPES)).optional(),
  limit: QueryInteger(1, SEARCH_MAX_LIMIT, 20),
  offset: QueryInteger(0, SEARCH_MAX_OFFSET, 0),
});

export interface SearchRequest {
  readonly q: string;
  readonly terms: readonly SearchTerm[];
  readonly types: readonly SearchType[];
  readonly filters: ParsedIncidentQuery;
  readonly limit: number;
  readonly offset: number;
}

const PageOnly = SearchQuery.pick({ limit: true, offset: true, type: true });

/**
 * Reads a search from raw strings (a URL query or CLI flags): the filters as the incident list
 * reads them, the words as `parseSearchQuery` does, each error naming its field.
 *
 * @example parseSearchRequest((n) => url.searchParams.getAll(n)) // ?q=shelling&kind=shelling&from=2020-10-01
 */
export function parseSearchRequest(read: (name: string) => readonly string[] | undefined): SearchRequest {
  const q = read('q')?.[0] ?? '';
  if (q.trim() === '') throw invalid('q', 'must not be empty: type a word to find');
  const terms = parseSearchQuery(q);
  const type = read('type')
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const page = parseInput(
    PageOnly,
    { limit: read('limit')?.[0], offset: read('offset')?.[0], type: type?.length ? type : undefined },
    'query',
  );
  const filters = parseIncidentFilters((name) =>
    name === 'limit' || name === 'offset' ? undefined : read(name),
  );
  return { q, terms, types: page.type ?? SEARCH_TYPES, filters, limit: page.limit, offset: page.offset };
}

export type { SnippetPart } from './search-snippet.js';

export interface SearchHitIncident {
  readonly id: number;
  readonly publicId: string;
  readonly title: string;
  readonly kind: string;
  readonly status: string;
  readonly dateStart: string | null;
}

export interface SearchHit {
  readonly type: SearchType;
  readonly id: number;
  /** The incident's or source's title, the statement's speaker. */
  readonly title: string | null;
  readonly snippet: readonly SnippetPart[];
  /** Relevance, higher is better; comparable within one answer only. */
  readonly score: number;
  /** The incident the hit belongs to (a source or statement of none: null, seen by staff only). */
  readonly incident: SearchHitIncident | null;
}

export interface SearchPage {
  readonly q: string;
  readonly items: readonly SearchHit[];
  readonly limit: number;
  readonly offset: number;
  /** Whether a next page holds more hits. */
  readonly more: boolean;
}

const INDEXES: Readonly<Record<SearchType, SearchIndex>> = {
  incident: {
    table: 'incidents',
    index: 'search_incidents',
    columns: ['title', 'summary', 'place_name', 'actor1', 'actor2'],
  },
  source: { table: 'sources', index: 'search_sources', columns: ['title', 'clean_text'] },
  statement: { table: 'statements', index: 'search_statements', columns: ['speaker_name', 'text'] },
};

const hasFilters = (f: ParsedIncidentQuery) =>
  Boolean(f.kind?.length || f.status?.length || f.from || f.to || f.bbox || f.place || f.party);

/**
 * Filters leaving at most this many incidents are listed first, with their sources and statements,
 * and each engine asks its matches among those lists; broader filters are asked as subqueries.
 */
export const LISTED_INCIDENTS_MAX = 2000;

/**
 * Where hits may come from: incidents passing the filters and the caller's visibility (the
 * incident list's own query); sources those incidents rest on (the sources' visibility rule);
 * statements the caller may see (the statements list's rule) that belong to such an incident.
 * Staff without filters: anything, including what belongs to no incident yet.
 */
async function scopes(db: Db, filters: ParsedIncidentQuery, visibility: Visibility) {
  const filtered = hasFilters(filters);
  const incidents = () => filteredIncidents(db, filters, visibility).select('incidents.id');
  const sources = () => {
    const visible = visibleSourceIds(db, visibility);
    return filtered ? visible.where('vi.id', 'in', incidents()) : visible;
  };
  const statements = () => {
    const visible = matchingStatements(db, {}, visibility).select('s.id');
    if (!filtered) return visible;
    return visible.where((eb) =>
      eb.or([
        eb('s.source_id', 'in', sources()),
        eb(
          's.report_id',
          'in',
          eb.selectFrom('incident_reports').select('report_id').where('incident_id', 'in', incidents()),
        ),
      ]),
    );
  };
  // Filters: the allowed ids listed once (few, usually), by value when few enough. Visibility
  // alone: asked of each candidate by its key (listing every published source would cost the
  // whole record on every search), or read where the engine keeps it (`published`).
  const published = visibility.kind === 'published' ? 'only' : visibility.kind === 'party' ? 'or' : undefined;
  const within = async (): Promise<Record<SearchType, Within>> =>
    filtered
      ? ((await listed(db, filters, visibility)) ?? {
          incident: { among: incidents() },
          source: { among: sources() },
          statement: { among: statements() },
        })
      : {
          incident: {
            each: (id) => sql<SqlBool>`exists ${incidents().where('incidents.id', '=', id)}`,
            published,
          },
          source: {
            each: (id) => sql<SqlBool>`exists ${sources().where('vr.source_id', '=', id)}`,
            published,
          },
          statement: { each: (id) => sql<SqlBool>`exists ${statements().where('s.id', '=', id)}`, published },
        };
  const open = visibility.kind === 'all' && !filtered;
  const allowed = open ? null : await within();
  return {
    within: {
      incident: allowed?.incident ?? null,
      source: allowed?.source ?? null,
      statement: allowed?.statement ?? null,
    },
    incidents,
    sources,
  };
}

/**
 * The same scope as lists of ids, when the filters leave at most LISTED_INCIDENTS_MAX incidents
 * (else null): the incidents; the sources they rest on (visible, as their incident is); the
 * statements the caller may see drawn from those sources or given in those incidents' reports.
 */
async function listed(
  db: Db,
  filters: ParsedIncidentQuery,
  visibility: Visibility,
): Promise<Record<SearchType, Within> | null> {
  const dialect = searchDialect(db);
  const rows = await filteredIncidents(db, filters, visibility)
    .select('incidents.id')
    .limit(LISTED_INCIDENTS_MAX + 1)
    .execute();
  if (rows.length > LISTED_INCIDENTS_MAX) return null;
  const ids = rows.map((r) => Number(r.id));
  if (ids.length === 0) return { incident: { ids: [] }, source: { ids: [] }, statement: { ids: [] } };
  const links = await db
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .select(['l.report_id', 'r.source_id'])
    .where('l.incident_id', 'in', dialect.idList(ids))
    .execute();
  const sources = [...new Set(links.flatMap((l) => (l.source_id === null ? [] : [Number(l.source_id)])))];
  const reports = [...new Set(links.map((l) => Number(l.report_id)))];
  // Each link asked on its own (an `or` of the two would read every statement), then the
  // statements list's visibility asked of the few found.
  const linked = await Promise.all([
    sources.length === 0
      ? []
      : db.selectFrom('statements').select('id').where('source_id', 'in', dialect.idList(sources)).execute(),
    db.selectFrom('statements').select('id').where('report_id', 'in', dialect.idList(reports)).execute(),
  ]);
  const candidates = [...new Set(linked.flat().map((r) => Number(r.id)))];
  const statements =
    candidates.length === 0 || visibility.kind === 'all'
      ? candidates
      : (
          await matchingStatements(db, {}, visibility)
            .select('s.id')
            .where('s.id', 'in', dialect.idList(candidates))
            .execute()
        ).map((r) => Number(r.id));
  return {
    incident: { ids },
    source: { ids: sources },
    statement: { ids: statements },
  };
}

/**
 * Full-text search over incidents, sources and statements, best first: each hit with a snippet
 * (matched words marked), its score and the incident it belongs to, only what the caller may see
 * and what passes the filters.
 *
 * @example await search(db, parseSearchRequest(read), { kind: 'published' })
 */
export async function search(db: Db, request: SearchRequest, visibility: Visibility): Promise<SearchPage> {
  const dialect = searchDialect(db);
  const scope = await scopes(db, request.filters, visibility);
  const wanted = request.offset + request.limit + 1;
  const ranked = await Promise.all(
    request.types.map(async (type) => {
      const within = scope.within[type];
      if (within && 'ids' in within && within.ids.length === 0) return [];
      const rows = await dialect.run(db, dialect.ranked(INDEXES[type], request.terms, within, wanted));
      return rows.map((r) => ({ type, id: Number(r.id), score: Number(r.score) }));
    }),
  );
  const order = (t: SearchType) => SEARCH_TYPES.indexOf(t);
  const merged = ranked
    .flat()
    .sort((a, b) => b.score - a.score || order(a.type) - order(b.type) || b.id - a.id);
  const page = merged.slice(request.offset, request.offset + request.limit);
  const items = await describeHits(db, request, scope, page);
  return {
    q: request.q,
    items,
    limit: request.limit,
    offset: request.offset,
    more: merged.length > request.offset + request.limit,
  };
}

type Scope = Awaited<ReturnType<typeof scopes>>;

/** Which of these incidents pass the filters and the caller's visibility. */
async function visibleAmong(scope: Scope, ids: readonly number[]): Promise<Set<number>> {
  const unique = [...new Set(ids.map(Number))];
  if (unique.length === 0) return new Set();
  const rows = await scope.incidents().where('incidents.id', 'in', unique).execute();
  return new Set(rows.map((r) => Number(r.id)));
}
type Ranked = { type: SearchType; id: number; score: number };

async function describeHits(db: Db, request: SearchRequest, scope: Scope, page: readonly Ranked[]) {
  const idsOf = (type: SearchType) => page.filter((h) => h.type === type).map((h) => h.id);
  // First, at once: the indexed text of the hits shown (the first column is the title, the rest
  // the snippet's text, cut here the same way on every engine) and the incidents each source or
  // statement is linked to.
  const texts = new Map<string, string>();
  const titles = new Map<string, string | null>();
  const linked = new Map<string, number[]>();
  const link = (key: string, id: number | string | null) => {
    if (id !== null) linked.set(key, [...(linked.get(key) ?? []), Number(id)]);
  };
  const sourceIds = idsOf('source');
  const statementIds = idsOf('statement');
  await Promise.all([
    ...SEARCH_TYPES.map(async (type) => {
      const ids = idsOf(type);
      if (ids.length === 0) return;
      const { table, columns } = INDEXES[type];
      const rows = await db
        .selectFrom(table)
        .select((eb) => [
          eb.ref('id').as('id'),
          ...columns.map((c) => sql<string | null>`${sql.ref(c)}`.as(c)),
        ])
        .where('id', 'in', ids)
        .execute();
      for (const row of rows as Record<string, unknown>[]) {
        const key = `${type}:${Number(row.id)}`;
        const values = columns.map((c) => row[c]);
        titles.set(key, typeof values[0] === 'string' ? values[0] : null);
        texts.set(key, values.filter((v): v is string => typeof v === 'string' && v !== '').join(' — '));
      }
    }),
    (async () => {
      if (sourceIds.length === 0) return;
      const rows = await db
        .selectFrom('reports as r')
        .innerJoin('incident_reports as l', 'l.report_id', 'r.id')
        .select(['r.source_id', 'l.incident_id'])
        .where('r.source_id', 'in', sourceIds)
        .execute();
      for (const r of rows) link(`source:${Number(r.source_id)}`, r.incident_id);
    })(),
    (async () => {
      if (statementIds.length === 0) return;
      const rows = await db
        .selectFrom('statements as s')
        .leftJoin('incident_reports as l', 'l.report_id', 's.report_id')
        .leftJoin('reports as r', 'r.source_id', 's.source_id')
        .leftJoin('incident_reports as ls', 'ls.report_id', 'r.id')
        .select(['s.id', 'l.incident_id as direct', 'ls.incident_id as via_source'])
        .where('s.id', 'in', statementIds)
        .execute();
      for (const r of rows) {
        link(`statement:${r.id}`, r.direct);
        link(`statement:${r.id}`, r.via_source);
      }
    })(),
  ]);
  // Then which of those incidents the caller may see and that pass the filters (the incident
  // list's query on a few ids; asked as one join, SQLite would walk every status first): a source
  // or statement belongs to the first of them.
  const seen = await visibleAmong(scope, [...linked.values()].flat());
  const owner = new Map<string, number>();
  for (const id of idsOf('incident')) owner.set(`incident:${id}`, id);
  for (const [key, ids] of linked) {
    const visible = ids.filter((id) => seen.has(id));
    if (visible.length > 0) owner.set(key, Math.min(...visible));
  }
  const owned = [...new Set(owner.values())];
  const incidents = new Map<number, SearchHitIncident>();
  if (owned.length > 0) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'public_id', 'title', 'kind', 'status', 'date_start'])
      .where('id', 'in', owned)
      .execute();
    for (const r of rows)
      incidents.set(Number(r.id), {
        id: Number(r.id),
        publicId: r.public_id,
        title: r.title,
        kind: r.kind,
        status: r.status,
        dateStart: r.date_start ?? null,
      });
  }
  return page.map((hit): SearchHit => {
    const key = `${hit.type}:${hit.id}`;
    const incidentId = owner.get(key);
    return {
      type: hit.type,
      id: hit.id,
      title: titles.get(key) ?? null,
      snippet: snippetOf(texts.get(key) ?? null, request.terms),
      score: hit.score,
      incident: incidentId === undefined ? null : (incidents.get(incidentId) ?? null),
    };
  });
}
