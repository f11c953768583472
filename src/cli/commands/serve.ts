import type { Command } from 'commander';
import { configFrom } from '../context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (and, later, the web app)')
    .option('--port <port>', 'port to listen on (default: $TRUCE_PORT or 8787)')
    .option('--host <host>', 'address to bind (default: $TRUCE_HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const [{ serve }, { openRuntime }, { createApp }] = await Promise.all([
        import('@hono/node-server'),
        import('../../platform/runtime.js'),
        import('../../server/app.js'),
      ]);
      const config = await configFrom(command, { port: options.port, host: options.host });
      const runtime = await openRuntime(config);
      const server = serve(
        { fetch: createApp(runtime).fetch, port: config.port, hostname: config.host },
        (info) => {
          runtime.log.info('listening', {
            url: `http://${config.host}:${info.port}`,
            database: config.database.kind,
          });
        },
      );
      const stop = () => server.close(() => void runtime.close().then(() => process.exit(0)));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
