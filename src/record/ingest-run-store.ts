import { extract } from '../extract/extract.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import type { Db } from '../platform/db/dialect.js';
import { VERSION } from '../platform/version.js';
import { ingestItem, type IngestDeps, type IngestOutcome } from './ingest-store.js';
import { expandInputs, readInput } from './ingest-io.js';

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
  },
): Promise<IngestSummary> {
  const clock = options.clock ?? (() => new Date());
  const deps = ingestDeps(db, options.actor);
  const paths = await expandInputs(inputs);
  const outcomes: IngestOutcome[] = [];
  const counts = { new: 0, version: 0, duplicate: 0, failed: 0, reports: 0, opened: 0, joined: 0 };
  for (const [index, path] of paths.entries()) {
    const outcome = await ingestOne(deps, path, clock, options.published);
    outcomes.push(outcome);
    counts[outcome.status] += 1;
    if (outcome.status === 'new' || outcome.status === 'version') {
      counts.reports += outcome.reports;
      counts.opened += outcome.opened;
      counts.joined += outcome.joined;
    }
    options.onOutcome?.(outcome);
    options.onProgress?.(index + 1, paths.length);
  }
  return { outcomes, counts };
}

/** What ingesting needs in a running process: the real extractor and the gazetteer in force. */
export function ingestDeps(db: Db, actor: string): IngestDeps {
  return {
    db,
    gazetteer: defaultGazetteer(),
    extract,
    extractor: { name: 'truce-extract', version: VERSION },
    actor,
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
