/** The shapes of `GET /api/search` (see src/record/search-store.ts and src/server/search.routes.ts). */
export interface SnippetPart {
  readonly text: string;
  readonly mark: boolean;
}

export interface SearchHit {
  readonly type: 'incident' | 'source' | 'statement';
  readonly id: number;
  readonly title: string | null;
  readonly snippet: readonly SnippetPart[];
  readonly score: number;
  readonly incident: {
    readonly id: number;
    readonly publicId: string;
    readonly title: string;
    readonly kind: string;
    readonly status: string;
    readonly dateStart: string | null;
  } | null;
}

export interface SearchPage {
  readonly q: string;
  readonly items: readonly SearchHit[];
  readonly limit: number;
  readonly offset: number;
  readonly more: boolean;
}
