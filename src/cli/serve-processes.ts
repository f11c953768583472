import cluster, { type Worker } from 'node:cluster';
import { invalid } from '../platform/errors.js';
import type { Logger } from '../platform/log.js';

/** A worker that dies this often in this window is not restarted again: the fault is not passing. */
const RESTARTS_ALLOWED = 5;
const RESTART_WINDOW_MS = 60_000;

/**
 * Reads `--processes`: a whole number from 1 to 64; more than one needs PostgreSQL (an embedded
 * SQLite file is one process's database: a second writer would wait on its lock).
 *
 * @example serveProcesses('2', 'postgres') // 2
 */
export function serveProcesses(text: string | undefined, database: 'sqlite' | 'postgres'): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw invalid('processes', 'must be a whole number from 1 to 64');
  if (n > 1 && database !== 'postgres')
    throw invalid(
      'processes',
      'more than 1 needs PostgreSQL (TRUCE_DATABASE_URL=postgres://…); SQLite is one process’s',
    );
  return n;
}

/** True in a process that should serve requests (a forked worker, or the only process). */
export const servesHere = (processes: number): boolean => processes === 1 || cluster.isWorker;

/**
 * The primary of `truce serve --processes N`: forks N server processes that share one listening
 * port (Node's cluster hands each new connection to the next process), replaces one that dies
 * unasked (at most 5 times a minute), and on SIGINT/SIGTERM stops them all, then itself.
 */
export function superviseServers(processes: number, log: Logger): void {
  let stopping = false;
  const deaths: number[] = [];
  const fork = () => cluster.fork();
  for (let i = 0; i < processes; i += 1) fork();
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && (deaths[0] as number) < now - RESTART_WINDOW_MS) deaths.shift();
    log.warn('a server process ended; starting another', { pid: worker.process.pid, code, signal });
    if (deaths.length > RESTARTS_ALLOWED) {
      log.error('server processes keep ending; giving up', { restarts: deaths.length });
      stopAll(1);
      return;
    }
    fork();
  });
  const stopAll = (code: number) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(code);
    for (const w of workers) w.process.kill('SIGTERM');
    if (code !== 0) setTimeout(() => process.exit(code), 10_000).unref();
  };
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  log.info('serving from several processes on one port', { processes, primary: process.pid });
}
