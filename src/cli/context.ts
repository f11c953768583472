import type { Command } from 'commander';
import type { Config, ConfigOverrides } from '../platform/config.js';
import { invalid } from '../platform/errors.js';
import type { Runtime } from '../platform/runtime.js';

// Heavy modules (database drivers, zod schemas) load only when a command runs, so `truce --help`
// and `truce extract` start fast.

/** The configuration from the global flags and the environment. */
export async function configFrom(
  command: Command,
  extra: Omit<ConfigOverrides, 'db' | 'logLevel'> = {},
): Promise<Config> {
  const { loadConfig } = await import('../platform/config.js');
  const globals = command.optsWithGlobals<{ db?: string; logLevel?: string }>();
  return loadConfig({ db: globals.db, logLevel: globals.logLevel, ...extra }, process.env);
}

/** Runs `work` with an open runtime and always closes it. */
export async function withRuntime<T>(command: Command, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const { openRuntime } = await import('../platform/runtime.js');
  const runtime = await openRuntime(await configFrom(command));
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export type OutputFormat = 'json' | 'text' | 'table';

export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const format = value ?? allowed[0];
  const found = allowed.find((f) => f === format);
  if (!found) throw invalid('--format', `must be one of ${allowed.join(', ')}; got "${format}"`);
  return found;
}
