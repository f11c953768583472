import { z } from 'zod';
import type { Runtime } from '../platform/runtime.js';
import { SEARCH_TYPES, SearchQuery, parseSearchRequest, search } from '../record/search-store.js';
import { json, queryReader, type RouteSpec } from './route.js';
import { visibilityOf } from './visibility.js';

const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const SnippetPart = z
  .object({ text: z.string(), mark: z.boolean().describe('A matched word: show it highlighted') })
  .meta({ id: 'SnippetPart' });

export const SearchHit = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.number().int(),
    title: Nullable(z.string()).describe("The incident's or source's title, the statement's speaker"),
    snippet: z.array(SnippetPart).describe('The text around the matches, in parts; render each as text'),
    score: z.number().describe('Relevance, higher is better; comparable within one answer'),
    incident: Nullable(
      z.object({
        id: z.number().int(),
        publicId: z.string(),
        title: z.string(),
        kind: z.string(),
        status: z.string(),
        dateStart: Nullable(z.string()),
      }),
    ).describe('The incident the hit belongs to; null for a source or statement of none (staff only)'),
  })
  .meta({ id: 'SearchHit' });

export const SearchPage = z
  .object({
    q: z.string(),
    items: z.array(SearchHit),
    limit: z.number().int(),
    offset: z.number().int(),
    more: z.boolean().describe('Whether the next page holds more hits'),
  })
  .meta({ id: 'SearchPage' });

/** Full-text search: only what the caller may see, with the incident list's filters. */
export function searchRoutes(runtime: Runtime): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/search',
      operationId: 'search',
      summary: 'Search incidents, sources and statements: words, "a phrase", prefix*, -excluded',
      allow: 'anyone',
      query: SearchQuery,
      responses: { 200: json('Hits, best first, with highlighted snippets', SearchPage) },
      handler: async (c) => {
        const request = parseSearchRequest(queryReader(c));
        return c.json(await search(runtime.db, request, visibilityOf(c)));
      },
    },
  ];
}
