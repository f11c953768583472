import { z } from 'zod';
import type { Db } from '../platform/db/dialect.js';
import { sql, type SqlBool } from 'kysely';
import {
  MARK_END,
  MARK_START,
  searchDialect,
  type SearchIndex,
  type Within,
} from '../platform/db/search-dialect.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { parseIncidentFilters } from './incident-filters.js';
import { filteredIncidents } from './incident-store.js';
import { IncidentQuery, QueryInteger, type ParsedIncidentQuery } from './schemas.js';
import { QUERY_MAX_CHARACTERS, parseSearchQuery, type SearchTerm } from './search-query.js';
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

/** A piece of a snippet: text, marked when it is a matched word. Rendered as text, never as markup. */
export interface SnippetPart {
  readonly text: string;
  readonly mark: boolean;
}

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

/** A snippet with marks as parts; a mark left open is closed at the end. */
export function snippetParts(snippet: string | null): SnippetPart[] {
  if (!snippet) return [];
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, mark });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      flush();
      mark = ch === MARK_START;
    } else text += ch;
  }
  flush();
  return parts;
}

const hasFilters = (f: ParsedIncidentQuery) =>
  Boolean(f.kind?.length || f.status?.length || f.from || f.to || f.bbox || f.place || f.party);

/**
 * Where hits may come from: incidents passing the filters and the caller's visibility (the
 * incident list's own query); sources those incidents rest on (the sources' visibility rule);
 * statements the caller may see (the statements list's rule) that belong to such an incident.
 * Staff without filters: anything, including what belongs to no incident yet.
 */
function scopes(db: Db, filters: ParsedIncidentQuery, visibility: Visibility) {
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
  // Filters: the allowed ids listed once (few, usually). Visibility alone: asked of each candidate
  // by its key (listing every published source would cost the whole record on every search).
  const within = (): Record<SearchType, Within> =>
    filtered
      ? { incident: { among: incidents() }, source: { among: sources() }, statement: { among: statements() } }
      : {
          incident: { each: (id) => sql<SqlBool>`exists ${incidents().where('incidents.id', '=', id)}` },
          source: { each: (id) => sql<SqlBool>`exists ${sources().where('vr.source_id', '=', id)}` },
          statement: { each: (id) => sql<SqlBool>`exists ${statements().where('s.id', '=', id)}` },
        };
  const open = visibility.kind === 'all' && !filtered;
  const allowed = open ? null : within();
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
 * Full-text search over incidents, sources and statements, best first: each hit with a snippet
 * (matched words marked), its score and the incident it belongs to, only what the caller may see
 * and what passes the filters.
 *
 * @example await search(db, parseSearchRequest(read), { kind: 'published' })
 */
export async function search(db: Db, request: SearchRequest, visibility: Visibility): Promise<SearchPage> {
  const dialect = searchDialect(db);
  const scope = scopes(db, request.filters, visibility);
  const wanted = request.offset + request.limit + 1;
  const ranked = await Promise.all(
    request.types.map(async (type) => {
      const rows = await dialect.run(
        db,
        dialect.ranked(INDEXES[type], request.terms, scope.within[type], wanted),
      );
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

type Scope = ReturnType<typeof scopes>;

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
  const dialect = searchDialect(db);
  const snippets = new Map<string, string | null>();
  await Promise.all(
    SEARCH_TYPES.map(async (type) => {
      const ids = idsOf(type);
      if (ids.length === 0) return;
      const { rows } = await dialect.snippets(INDEXES[type], request.terms, ids).execute(db);
      for (const r of rows) snippets.set(`${type}:${Number(r.id)}`, r.snippet);
    }),
  );
  const titles = new Map<string, string | null>();
  const owner = new Map<string, number>();
  const incidentIds = idsOf('incident');
  for (const id of incidentIds) owner.set(`incident:${id}`, id);
  const sourceIds = idsOf('source');
  if (sourceIds.length > 0) {
    const rows = await db
      .selectFrom('sources')
      .select(['id', 'title'])
      .where('id', 'in', sourceIds)
      .execute();
    for (const r of rows) titles.set(`source:${r.id}`, r.title);
    // The links of these sources, then the incidents among them the caller may see (the
    // incident list's query on a few ids; asked as one join, SQLite would walk every status first).
    const links = await db
      .selectFrom('reports as r')
      .innerJoin('incident_reports as l', 'l.report_id', 'r.id')
      .select(['r.source_id', 'l.incident_id'])
      .where('r.source_id', 'in', sourceIds)
      .execute();
    const seen = await visibleAmong(
      scope,
      links.map((l) => Number(l.incident_id)),
    );
    for (const l of links) {
      const key = `source:${Number(l.source_id)}`;
      const id = Number(l.incident_id);
      if (seen.has(id) && id < (owner.get(key) ?? Infinity)) owner.set(key, id);
    }
  }
  const statementIds = idsOf('statement');
  if (statementIds.length > 0) {
    const rows = await db
      .selectFrom('statements as s')
      .leftJoin('incident_reports as l', 'l.report_id', 's.report_id')
      .leftJoin('reports as r', 'r.source_id', 's.source_id')
      .leftJoin('incident_reports as ls', 'ls.report_id', 'r.id')
      .select(['s.id', 's.speaker_name', 'l.incident_id as direct', 'ls.incident_id as via_source'])
      .where('s.id', 'in', statementIds)
      .execute();
    const visibleIncidents = await visibleAmong(
      scope,
      rows.flatMap((r) => [r.direct, r.via_source]).filter((v): v is number => v !== null),
    );
    for (const r of rows) {
      titles.set(`statement:${r.id}`, r.speaker_name);
      const key = `statement:${r.id}`;
      for (const candidate of [r.direct, r.via_source]) {
        const id = candidate === null ? null : Number(candidate);
        if (id !== null && visibleIncidents.has(id) && id < (owner.get(key) ?? Infinity)) owner.set(key, id);
      }
    }
  }
  const owned = [...new Set(owner.values())];
  const incidents = new Map<number, SearchHitIncident>();
  if (owned.length > 0) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'public_id', 'title', 'kind', 'status', 'date_start'])
      .where('id', 'in', owned)
      .execute();
    for (const r of rows) {
      incidents.set(Number(r.id), {
        id: Number(r.id),
        publicId: r.public_id,
        title: r.title,
        kind: r.kind,
        status: r.status,
        dateStart: r.date_start ?? null,
      });
      titles.set(`incident:${r.id}`, r.title);
    }
  }
  return page.map((hit): SearchHit => {
    const key = `${hit.type}:${hit.id}`;
    const incidentId = owner.get(key);
    return {
      type: hit.type,
      id: hit.id,
      title: titles.get(key) ?? null,
      snippet: snippetParts(snippets.get(key) ?? null),
      score: hit.score,
      incident: incidentId === undefined ? null : (incidents.get(incidentId) ?? null),
    };
  });
}
