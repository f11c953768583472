import type { Db } from '../platform/db/dialect.js';
import { CASUALTY_CATEGORIES, type CasualtyCategory } from '../vocabulary/index.js';
import { combinedTotal, reconcileFigures, type CasualtyTotal } from './casualty.js';
import { claimedFiguresOf } from './casualty-store.js';
import type { Comparison } from './dedup.js';
import { presentIncident } from './incident-store.js';
import type { SuggestionStatus } from './merge-suggestion-store.js';
import { SUGGESTION_STATUSES } from './merge-suggestion-store.js';
import type { Incident } from './schemas.js';

/** One side of a suggested pair, as the analyst compares it: the incident, its figures, its sources. */
export interface SuggestionSide {
  readonly incident: Incident;
  readonly totals: readonly (CasualtyTotal & { readonly category: CasualtyCategory })[];
  readonly sources: readonly {
    readonly id: number;
    readonly title: string | null;
    readonly publisher: string | null;
    readonly url: string | null;
    readonly published: string | null;
  }[];
}

export interface DuplicateSuggestion {
  readonly id: number;
  readonly status: SuggestionStatus;
  readonly score: number;
  readonly explanation: Comparison;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
  /** The newer incident, the one a merge folds into the other. */
  readonly incident: SuggestionSide;
  readonly candidate: SuggestionSide;
}

const statusOf = (s: string): SuggestionStatus => SUGGESTION_STATUSES.find((x) => x === s) ?? 'open';

/**
 * The duplicates queue: suggestions of one status (open by default), highest score first, each
 * with both incidents side by side.
 *
 * @example (await listSuggestions(db, { status: 'open' })).items[0]?.explanation.reason
 */
export async function listSuggestions(
  db: Db,
  query: { status?: SuggestionStatus; limit?: number; offset?: number } = {},
): Promise<{ items: DuplicateSuggestion[]; total: number }> {
  const status = query.status ?? 'open';
  const rows = await db
    .selectFrom('duplicate_suggestions')
    .selectAll()
    .where('status', '=', status)
    .orderBy('score', 'desc')
    .orderBy('id')
    .limit(Math.min(Math.max(query.limit ?? 50, 1), 500))
    .offset(Math.max(query.offset ?? 0, 0))
    .execute();
  const counted = await db
    .selectFrom('duplicate_suggestions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', status)
    .executeTakeFirst();
  const sides = await sidesOf(db, [...new Set(rows.flatMap((r) => [r.incident_id, r.candidate_id]))]);
  const items = rows.flatMap((r) => {
    const [incident, candidate] = [sides.get(r.incident_id), sides.get(r.candidate_id)];
    if (!incident || !candidate) return [];
    return [
      {
        id: r.id,
        status: statusOf(r.status),
        score: r.score,
        explanation: JSON.parse(r.explanation) as Comparison,
        createdAt: r.created_at,
        decidedAt: r.decided_at,
        decidedBy: r.decided_by,
        reason: r.reason,
        incident,
        candidate,
      },
    ];
  });
  return { items, total: Number(counted?.n ?? 0) };
}

async function sidesOf(db: Db, ids: readonly number[]): Promise<Map<number, SuggestionSide>> {
  const out = new Map<number, SuggestionSide>();
  if (ids.length === 0) return out;
  const [incidents, figures, sources] = await Promise.all([
    db
      .selectFrom('incidents')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute(),
    claimedFiguresOf(db, ids),
    db
      .selectFrom('incident_reports as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .innerJoin('sources as s', 's.id', 'r.source_id')
      .select(['l.incident_id', 's.id', 's.title', 's.publisher', 's.url', 's.published_at'])
      .where('l.incident_id', 'in', [...ids])
      .orderBy('s.id')
      .execute(),
  ]);
  for (const row of incidents) {
    const reconciled = reconcileFigures(figures.get(row.id) ?? []);
    const seen = new Set<number>();
    out.set(row.id, {
      incident: presentIncident(row),
      totals: CASUALTY_CATEGORIES.flatMap((category) => {
        const total = combinedTotal(reconciled, category);
        return total ? [{ category, ...total }] : [];
      }),
      sources: sources
        .filter((s) => s.incident_id === row.id && !seen.has(s.id) && seen.add(s.id))
        .map((s) => ({
          id: s.id,
          title: s.title,
          publisher: s.publisher,
          url: s.url,
          published: s.published_at,
        })),
    });
  }
  return out;
}
