import type { Command } from 'commander';
import { configFrom } from '../context.js';

interface ServeOptions {
  readonly port?: string;
  readonly host?: string;
  readonly basemap?: string;
  readonly processes?: string;
  readonly demo: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API and the web app; loads the demo into an empty database')
    .option('--port <port>', 'port to listen on (default: $TRUCE_PORT or 8787)')
    .option('--host <host>', 'address to bind (default: $TRUCE_HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo data into an empty database')
    .option('--basemap <file>', 'a PMTiles v3 vector basemap to serve and draw under the map')
    .option('--processes <n>', 'serve from N processes on one port (PostgreSQL only; default 1)')
    .action(async (options: ServeOptions, command: Command) => {
      const [{ serve }, { openRuntime }, { createApp }, { serveProcesses, servesHere, superviseServers }] =
        await Promise.all([
          import('@hono/node-server'),
          import('../../platform/runtime.js'),
          import('../../server/app.js'),
          import('../serve-processes.js'),
        ]);
      const { port, host, basemap } = options;
      const config = await configFrom(command, { port, host, basemap });
      const processes = serveProcesses(options.processes, config.database.kind);
      if (!servesHere(processes)) {
        const { createLogger } = await import('../../platform/log.js');
        superviseServers(processes, createLogger(config.logLevel));
        return;
      }
      const runtime = await openRuntime(config);
      if (options.demo) {
        const [{ isDatabaseEmpty, loadDemo }, { withLease }] = await Promise.all([
          import('../../demo/load-demo.js'),
          import('../../platform/lease-store.js'),
        ]);
        // Servers started at once on one empty database: one loads the demo, the others skip it.
        const lease = {
          name: 'demo-load',
          holder: `server:${process.pid}`,
          ttlMs: 600_000,
          clock: () => new Date(),
        };
        const loaded = await withLease(runtime.db, lease, async () => {
          if (!(await isDatabaseEmpty(runtime.db))) return;
          const outcome = await loadDemo(runtime.db, { actor: 'demo:npm-start' });
          runtime.log.info('demo data loaded into the empty database', { outcome: outcome.kind });
        });
        if (loaded.kind === 'held')
          runtime.log.info('another process is loading the demo', { by: loaded.by });
      }
      // Embedded mode polls feeds in this process; with PostgreSQL, `truce worker` processes do.
      const poller =
        config.database.kind === 'sqlite'
          ? await (await import('../../exchange/feeds/feed-poller.js')).startFeedPoller(runtime)
          : null;
      const { auditKeySettings, loadSignerIfPresent } = await import('../../audit/keys.js');
      const signer = loadSignerIfPresent(auditKeySettings(process.env));
      if (!signer)
        runtime.log.warn('no audit key: bulletins show the latest checkpoint, none is signed for them');
      const { checkpointMinutes, startCheckpointSchedule } =
        await import('../../audit/checkpoint-schedule.js');
      const schedule = signer
        ? startCheckpointSchedule(runtime.db, signer, {
            minutes: checkpointMinutes(process.env),
            clock: () => new Date(),
            onError: (error) => runtime.log.error('checkpoint signing failed', { error: String(error) }),
          })
        : null;
      const server = serve(
        { fetch: createApp(runtime, { signer }).fetch, port: config.port, hostname: config.host },
        (info) => {
          runtime.log.info('listening', {
            url: `http://${config.host}:${info.port}`,
            database: config.database.kind,
            ...(config.basemap ? { basemap: config.basemap.path } : {}),
          });
        },
      );
      const stop = () => {
        schedule?.stop();
        server.close(
          () =>
            void Promise.resolve(poller?.stop())
              .then(() => runtime.close())
              .then(() => process.exit(0)),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // A server process of `--processes N` stops with its primary, however the primary ended.
      if (processes > 1) process.once('disconnect', stop);
    });
}
