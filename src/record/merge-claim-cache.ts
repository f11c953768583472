import type { Claim } from './merge-features.js';

/** Reports' claims remembered, at most this many (then the longest unused go first). */
const MAX_REPORTS = 50_000;
/** Incidents' folded claims remembered, at most this many. */
const MAX_FOLDS = 20_000;

/**
 * What the merge has already worked out of one database's incidents, so that an ingest run does
 * not re-read and re-fold every candidate incident's reports for each new report: each event
 * report's claim (a report's payload and its source's dates never change once stored), and each
 * incident's folded claim with the exact list of links it was folded from (a join, merge, split
 * or unmerge by any process changes that list, and the fold is then made again).
 *
 * One cache serves one database (an ingest run, a worker). A transaction that rolls back may have
 * taught it rows that were never committed (whose ids a later row can take again), so whoever
 * rolls back calls `clear`.
 */
export class MergeClaimCache {
  readonly #reports = new Map<number, Claim | null>();
  readonly #folds = new Map<number, { readonly links: string; readonly claim: Claim | null }>();

  report(id: number): Claim | null | undefined {
    return this.#reports.get(id);
  }

  rememberReport(id: number, claim: Claim | null): void {
    remember(this.#reports, id, claim, MAX_REPORTS);
  }

  /** The incident's folded claim if it was folded from exactly `links`; undefined otherwise. */
  fold(incidentId: number, links: string): Claim | null | undefined {
    const known = this.#folds.get(incidentId);
    if (!known || known.links !== links) return undefined;
    this.#folds.delete(incidentId);
    this.#folds.set(incidentId, known);
    return known.claim;
  }

  rememberFold(incidentId: number, links: string, claim: Claim | null): void {
    remember(this.#folds, incidentId, { links, claim }, MAX_FOLDS);
  }

  clear(): void {
    this.#reports.clear();
    this.#folds.clear();
  }
}

function remember<V>(map: Map<number, V>, key: number, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size <= max) return;
  const oldest = map.keys().next();
  if (!oldest.done) map.delete(oldest.value);
}
