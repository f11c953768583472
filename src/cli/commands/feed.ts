import type { Command } from 'commander';
import { parseFormat, withRuntime } from '../context.js';
import { actorOfText } from '../../audit/actor.js';

export function registerFeed(program: Command): void {
  const feed = program.command('feed').description('news feeds (RSS, Atom) polled on a schedule');
  feed
    .command('add')
    .description('register a feed by URL, polled every interval')
    .argument('<url>', 'the feed URL (http or https)')
    .option('--every <interval>', 'polling interval: 90s, 15m, 2h, 1d', '15m')
    .option('--as <user>', 'who registers it', 'system:feeds')
    .option('--format <format>', 'text or json', 'text')
    .action(
      async (url: string, options: { every: string; as: string; format?: string }, command: Command) => {
        const format = parseFormat(options.format, ['text', 'json']);
        const [{ parseInterval }, { addFeed }] = await Promise.all([
          import('../../exchange/feeds/interval.js'),
          import('../../exchange/feeds/feed-store.js'),
        ]);
        const intervalSeconds = parseInterval(options.every);
        const added = await withRuntime(command, (rt) =>
          addFeed(rt.db, { url, intervalSeconds, actor: actorOfText(options.as), now: new Date() }),
        );
        if (format === 'json') process.stdout.write(`${JSON.stringify(added, null, 2)}\n`);
        else process.stdout.write(`feed ${added.id} ${added.url} every ${added.every}\n`);
      },
    );
  feed
    .command('list')
    .description('feeds with their status: last poll, errors, next poll, entries ingested')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { format?: string }, command: Command) => {
      const format = parseFormat(options.format, ['table', 'json']);
      const { listFeeds } = await import('../../exchange/feeds/feed-store.js');
      const feeds = await withRuntime(command, (rt) => listFeeds(rt.db));
      if (format === 'json') return void process.stdout.write(`${JSON.stringify(feeds, null, 2)}\n`);
      for (const f of feeds) {
        process.stdout.write(
          `${String(f.id).padStart(4)}  ${f.every.padEnd(5)} ${(f.lastStatus ?? 'never').padEnd(12)} ${String(f.itemsIngested).padStart(6)} ingested ${String(f.entriesFailed).padStart(5)} failed  next ${f.nextPollAt}  ${f.url}${f.lastError ? `  — ${f.lastError}` : ''}\n`,
        );
        for (const e of f.failures)
          process.stdout.write(
            `        failed ${e.url ?? e.key}: ${e.reason} (${e.attempts} ${e.attempts === 1 ? 'try' : 'tries'}; ${e.retryAt ? `again ${e.retryAt}` : 'not again'})\n`,
          );
        if (f.entriesFailed > f.failures.length)
          process.stdout.write(`        … and ${f.entriesFailed - f.failures.length} more failed entries\n`);
      }
      process.stdout.write(`${feeds.length} feeds\n`);
    });
  feed
    .command('poll')
    .description('poll every due feed once, now')
    .option('--max <n>', 'poll at most this many due feeds (default: every due feed)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format?: string; max?: string }, command: Command) => {
      const format = parseFormat(options.format, ['text', 'json']);
      const max = options.max === undefined ? undefined : Number(options.max);
      if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
        const { invalid } = await import('../../platform/errors.js');
        throw invalid('--max', `must be a whole number of at least 1; got "${options.max}"`);
      }
      const [{ feedPollDeps }, { pollDueFeeds }, { countDueFeeds }] = await Promise.all([
        import('../../exchange/feeds/feed-deps.js'),
        import('../../exchange/feeds/feed-poller.js'),
        import('../../exchange/feeds/feed-store.js'),
      ]);
      const { summaries, left } = await withRuntime(command, async (rt) => {
        const deps = await feedPollDeps(rt.db, `cli:${process.pid}`);
        const polled = await pollDueFeeds(deps, max === undefined ? {} : { max });
        return { summaries: polled, left: await countDueFeeds(rt.db, deps.clock()) };
      });
      if (format === 'json') process.stdout.write(`${JSON.stringify({ feeds: summaries, left }, null, 2)}\n`);
      else {
        for (const s of summaries) {
          const text = s.fromEntryText > 0 ? ` (${s.fromEntryText} from the entry's own text)` : '';
          process.stdout.write(
            `feed ${s.feedId}: ${s.status}, ${s.entries} entries, ${s.ingested} ingested${text}, ${s.skipped} already seen, ${s.failed} failed${s.retried > 0 ? ` (${s.retried} retried)` : ''}${s.error ? ` — ${s.error}` : ''}\n`,
          );
          for (const f of s.failures) process.stdout.write(`  failed ${f.entry}: ${f.reason}\n`);
        }
        process.stdout.write(`${summaries.length} feeds polled${left > 0 ? `; ${left} still due` : ''}\n`);
      }
      if (summaries.some((s) => s.status === 'error' || s.failed > 0)) process.exitCode = 1;
    });
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'server mode: poll feeds and ingest queued documents from the PostgreSQL job queues until stopped (run several)',
    )
    .option('--tick <seconds>', 'how often to queue due feeds', '30')
    .option('--queues <list>', 'which queues to work: feeds, ingest or both', 'feeds,ingest')
    .action(async (options: { tick: string; queues: string }, command: Command) => {
      const tickSeconds = Number(options.tick);
      const { invalid } = await import('../../platform/errors.js');
      if (!Number.isInteger(tickSeconds) || tickSeconds < 1 || tickSeconds > 3600)
        throw invalid('--tick', 'must be a whole number of seconds from 1 to 3600');
      const queues = new Set(options.queues.split(',').map((q) => q.trim()));
      if (queues.size === 0 || [...queues].some((q) => q !== 'feeds' && q !== 'ingest'))
        throw invalid(
          '--queues',
          `must list feeds, ingest or both, comma-separated; got "${options.queues}"`,
        );
      const [{ openRuntime }, { configFrom }, { startFeedWorker }, { startIngestWorker }] = await Promise.all(
        [
          import('../../platform/runtime.js'),
          import('../context.js'),
          import('../../exchange/feeds/feed-worker.js'),
          import('../../record/ingest-worker.js'),
        ],
      );
      const runtime = await openRuntime(await configFrom(command));
      const workers = await Promise.all([
        queues.has('feeds') ? startFeedWorker(runtime, { tickSeconds }) : null,
        queues.has('ingest') ? startIngestWorker(runtime) : null,
      ]).catch(async (error: unknown) => {
        await runtime.close();
        throw error;
      });
      runtime.log.info('worker started', { pid: process.pid, queues: [...queues] });
      const stop = () => void Promise.all(workers.map((w) => w?.stop())).then(() => runtime.close());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
