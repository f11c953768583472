/** The shapes of `GET /api/search`: the server's own (types only: nothing of it is bundled). */
export type { SearchHit, SearchPage, SnippetPart } from '../../../src/record/search-store.js';
