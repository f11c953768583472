import PgBoss from 'pg-boss';
import { JOB_SCHEMA } from '../exchange/feeds/feed-worker.js';
import type { DatabaseConfig } from '../platform/config.js';
import { TruceError } from '../platform/errors.js';
import type { Runtime } from '../platform/runtime.js';
import { expandInputs, readInput } from './ingest-io.js';
import { countUnfinishedJobs } from './ingest-queue-store.js';
import { ingestItem, type IngestOutcome } from './ingest-store.js';
import { ingestDeps } from './ingest-run-store.js';

/** The pg-boss queue of documents to ingest, one job per file or URL. */
export const INGEST_QUEUE = 'truce-ingest';
/** Jobs queued per statement, and taken per fetch by a worker. */
const INSERT_PAGE = 1000;
const FETCH_BATCH = 16;

export interface IngestJob {
  readonly input: string;
  readonly published: string | null;
  readonly actor: string;
}

function requirePostgres(database: DatabaseConfig, what: string): string {
  if (database.kind !== 'postgres')
    throw new TruceError(
      'invalid',
      `${what} needs PostgreSQL; on SQLite run \`truce ingest\` in one process`,
      {
        field: '--db',
        rule: 'must be postgres://… for the ingest queue',
      },
    );
  return database.url;
}

async function openQueue(url: string, onError: (error: unknown) => void): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 4 });
  boss.on('error', onError);
  await boss.start();
  // A job whose ingest threw (a lost connection, a deadlock) is retried; one already captured by
  // then comes back a duplicate, so a retry never stores an article twice.
  await boss.createQueue(INGEST_QUEUE, {
    name: INGEST_QUEUE,
    policy: 'standard',
    retryLimit: 3,
    retryDelay: 2,
  });
  return boss;
}

/**
 * Queues every input (folders walked, as `truce ingest` walks them) for the ingest workers.
 *
 * @example await enqueueIngest(runtime, ['articles/'], { published: null, actor: 'user:amira' }) // 1200
 */
export async function enqueueIngest(
  runtime: Runtime,
  inputs: readonly string[],
  options: { published: string | null; actor: string },
): Promise<number> {
  const url = requirePostgres(runtime.config.database, 'truce ingest --queue');
  const paths = await expandInputs(inputs);
  const boss = await openQueue(url, (error) =>
    runtime.log.error('job queue error', { error: String(error) }),
  );
  try {
    for (let i = 0; i < paths.length; i += INSERT_PAGE) {
      const jobs = paths.slice(i, i + INSERT_PAGE).map((input) => ({
        name: INGEST_QUEUE,
        data: { input, published: options.published, actor: options.actor } satisfies IngestJob,
      }));
      await boss.insert(jobs);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return paths.length;
}

/** Jobs of the ingest queue not yet done (queued, waiting for a retry, or being worked). */
export async function pendingIngestJobs(runtime: Runtime): Promise<number> {
  requirePostgres(runtime.config.database, 'the ingest queue');
  return countUnfinishedJobs(runtime.db, JOB_SCHEMA, INGEST_QUEUE);
}

export interface IngestWorker {
  stop(): Promise<void>;
}

/**
 * Server mode: takes documents from the shared ingest queue and ingests each through the same
 * path as `truce ingest` (extraction, merge, audit). Run several on one database: pg-boss hands
 * each job to one worker, the unique content hash settles a document queued twice, and the merge
 * locks of `ingestItem` keep two workers from opening one incident twice.
 *
 * @example const worker = await startIngestWorker(runtime); process.once('SIGTERM', () => worker.stop())
 */
export async function startIngestWorker(
  runtime: Runtime,
  options: { readonly pollingIntervalSeconds?: number; readonly onOutcome?: (o: IngestOutcome) => void } = {},
): Promise<IngestWorker> {
  const url = requirePostgres(runtime.config.database, 'truce worker');
  const boss = await openQueue(url, (error) =>
    runtime.log.error('job queue error', { error: String(error) }),
  );
  const worker = `worker:${process.pid}`;
  const depsByActor = new Map<string, ReturnType<typeof ingestDeps>>();
  await boss.work<IngestJob>(
    INGEST_QUEUE,
    { batchSize: FETCH_BATCH, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
    async (jobs) => {
      for (const job of jobs) {
        const { input, published, actor } = job.data;
        let deps = depsByActor.get(actor);
        if (!deps) depsByActor.set(actor, (deps = ingestDeps(runtime.db, actor)));
        const read = await readInput(input, () => new Date());
        const outcome: IngestOutcome = read.ok
          ? await ingestItem(deps, read.item, { published })
          : { status: 'failed', label: read.label, reason: read.reason };
        options.onOutcome?.(outcome);
        if (outcome.status === 'failed')
          runtime.log.warn('ingest failed', { input, reason: outcome.reason, worker });
        else runtime.log.debug('ingested', { input, status: outcome.status, worker });
      }
    },
  );
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
