import { extract } from '../extract/extract.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import { VERSION } from '../platform/version.js';
import type { ControlledTransaction } from 'kysely';
import { dialectOf, type Db } from '../platform/db/dialect.js';
import { lockHead } from '../audit/audit-store.js';
import type { Database } from '../platform/db/schema.js';
import { MergeClaimCache } from './merge-claim-cache.js';
import { ingestItem, ingestItemIn, type IngestDeps, type IngestOutcome } from './ingest-store.js';
import { expandInputs, readInput, type InputOutcome } from './ingest-io.js';

export interface IngestSummary {
  readonly outcomes: readonly IngestOutcome[];
  readonly counts: {
    new: number;
    version: number;
    duplicate: number;
    failed: number;
    reports: number;
    opened: number;
    joined: number;
  };
}

/**
 * Ingests every input in order; one bad item is reported and the batch goes on.
 *
 * @example await runIngest(db, ['articles/'], { published: null, actor: 'user:amira' })
 */
export async function runIngest(
  db: Db,
  inputs: readonly string[],
  options: {
    published: string | null;
    actor: string;
    clock?: () => Date;
    onProgress?: ((done: number, total: number) => void) | undefined;
    onOutcome?: ((outcome: IngestOutcome) => void) | undefined;
    /** Called as each input's work is done, before its batch commits (for timing). */
    onStored?: (() => void) | undefined;
  },
): Promise<IngestSummary> {
  const clock = options.clock ?? (() => new Date());
  const deps = ingestDeps(db, options.actor);
  const paths = await expandInputs(inputs);
  const outcomes: IngestOutcome[] = [];
  const counts = { new: 0, version: 0, duplicate: 0, failed: 0, reports: 0, opened: 0, joined: 0 };
  const report = (outcome: IngestOutcome) => {
    outcomes.push(outcome);
    counts[outcome.status] += 1;
    if (outcome.status === 'new' || outcome.status === 'version') {
      counts.reports += outcome.reports;
      counts.opened += outcome.opened;
      counts.joined += outcome.joined;
    }
    options.onOutcome?.(outcome);
    options.onProgress?.(outcomes.length, paths.length);
  };
  if (dialectOf(db) === 'sqlite') {
    await ingestInBatches(deps, paths, {
      clock,
      published: options.published,
      report,
      onStored: options.onStored,
    });
  } else {
    for (const path of paths) {
      report(await ingestOne(deps, path, clock, options.published));
      options.onStored?.();
    }
  }
  return { outcomes, counts };
}

/** On SQLite, documents share a commit: at most this many, or as many as this many ms allow. */
const BATCH_ITEMS = 64;
const BATCH_MS = 1000;

/**
 * SQLite ingests in batches: one transaction (one synchronous commit, the cost that dominated a
 * document's ingest) for up to `BATCH_ITEMS` documents, each in its own savepoint. Outcomes are
 * reported once their batch is committed; a batch whose commit fails reports its documents failed.
 */
async function ingestInBatches(
  deps: IngestDeps,
  paths: readonly string[],
  run: {
    clock: () => Date;
    published: string | null;
    report: (outcome: IngestOutcome) => void;
    onStored?: (() => void) | undefined;
  },
): Promise<void> {
  let trx: ControlledTransaction<Database> | null = null;
  let pending: IngestOutcome[] = [];
  let began = 0;
  const flush = async () => {
    const [open, done] = [trx, pending];
    [trx, pending] = [null, []];
    if (open) {
      try {
        await open.commit().execute();
      } catch (error) {
        deps.claimCache?.clear();
        await open
          .rollback()
          .execute()
          .catch(() => {});
        const reason = `not committed: ${error instanceof Error ? error.message : String(error)}`;
        for (const [i, o] of done.entries())
          if (o.status === 'new' || o.status === 'version')
            done[i] = { status: 'failed', label: o.label, reason };
      }
    }
    for (const o of done) run.report(o);
  };
  // The next document is read while this one is extracted and stored.
  let next = paths[0] === undefined ? null : readInput(paths[0], run.clock);
  for (const [index, path] of paths.entries()) {
    const input = await (next as Promise<InputOutcome>);
    const following = paths[index + 1];
    next = following === undefined ? null : readInput(following, run.clock);
    if (!input.ok) pending.push({ status: 'failed', label: input.label, reason: input.reason });
    else {
      if (!trx) {
        [trx, began] = [await deps.db.startTransaction().execute(), Date.now()];
        // Write first: a deferred transaction that read before writing could not take the write
        // lock once another process has committed (SQLITE_BUSY at once, not after busy_timeout).
        await lockHead(trx);
      }
      try {
        pending.push(await ingestItemIn(trx, deps, input.item, { published: run.published }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        pending.push({ status: 'failed', label: path, reason });
        await flush();
      }
    }
    run.onStored?.();
    if (pending.length >= BATCH_ITEMS || (trx && Date.now() - began >= BATCH_MS)) await flush();
  }
  await flush();
}

/** What ingesting needs in a running process: the real extractor and the gazetteer in force. */
export function ingestDeps(db: Db, actor: string): IngestDeps {
  return {
    db,
    gazetteer: defaultGazetteer(),
    extract,
    extractor: { name: 'truce-extract', version: VERSION },
    actor,
    claimCache: new MergeClaimCache(),
  };
}

/** Reads one input and ingests it; a failure to read or store is an outcome, never a throw. */
export async function ingestOne(
  deps: IngestDeps,
  path: string,
  clock: () => Date,
  published: string | null,
): Promise<IngestOutcome> {
  const input = await readInput(path, clock);
  if (!input.ok) return { status: 'failed', label: input.label, reason: input.reason };
  try {
    return await ingestItem(deps, input.item, { published });
  } catch (error) {
    return { status: 'failed', label: path, reason: error instanceof Error ? error.message : String(error) };
  }
}
