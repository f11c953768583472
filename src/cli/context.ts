import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigOverrides } from '../platform/config.js';
import { invalid } from '../platform/errors.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';

/** The configuration from the global flags and the environment. */
export function configFrom(command: Command, extra: Omit<ConfigOverrides, 'db' | 'logLevel'> = {}): Config {
  const globals = command.optsWithGlobals<{ db?: string; logLevel?: string }>();
  return loadConfig({ db: globals.db, logLevel: globals.logLevel, ...extra }, process.env);
}

/** Runs `work` with an open runtime and always closes it. */
export async function withRuntime<T>(command: Command, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(configFrom(command));
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
