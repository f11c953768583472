import type { Db } from '../../platform/db/dialect.js';
import type { PollDeps } from './feed-poll.js';

/**
 * The polling dependencies of a running process: the real extractor and gazetteer, loaded on
 * first use so commands that never poll do not pay for them.
 *
 * @example const deps = await feedPollDeps(runtime.db, `worker:${process.pid}`)
 */
export async function feedPollDeps(
  db: Db,
  worker: string,
  clock: () => Date = () => new Date(),
): Promise<PollDeps> {
  const [{ extract }, { defaultGazetteer }, { VERSION }] = await Promise.all([
    import('../../extract/extract.js'),
    import('../../gazetteer/load.js'),
    import('../../platform/version.js'),
  ]);
  return {
    db,
    worker,
    clock,
    ingest: {
      gazetteer: defaultGazetteer(),
      extract,
      extractor: { name: 'truce-extract', version: VERSION },
    },
  };
}
