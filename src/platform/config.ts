import { resolve } from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import { invalid } from './errors.js';

/**
 * Everything Truce reads from the environment and the command line, parsed once at start-up.
 *
 * @example
 *   const config = loadConfig({ db: 'sqlite:./data/truce.db' }, process.env);
 */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly url: string }
  | { readonly kind: 'postgres'; readonly url: string };

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly database: DatabaseConfig;
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  /**
   * Addresses of reverse proxies whose `X-Forwarded-For` is believed (`TRUCE_TRUST_PROXY`,
   * comma-separated IPs). Empty: the client is the connection's peer.
   */
  readonly trustProxy?: readonly string[];
}

export interface ConfigOverrides {
  readonly db?: string | undefined;
  readonly port?: string | number | undefined;
  readonly host?: string | undefined;
  readonly logLevel?: string | undefined;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/truce.db';
const DB_RULE =
  'must be sqlite:PATH (e.g. sqlite:./data/truce.db, or sqlite::memory:) or postgres://USER@HOST:PORT/DB';

/** Parses a database URL (`sqlite:PATH` or `postgres://…`); `setting` names where it came from. */
export function parseDatabaseUrl(url: string, setting = '--db / TRUCE_DATABASE_URL'): DatabaseConfig {
  const value = url.trim();
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path.length === 0) throw invalid(setting, `${DB_RULE}; the sqlite path is empty`);
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path), url: value };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw invalid(setting, `${DB_RULE}; "${value}" is not a valid URL`);
    }
    return { kind: 'postgres', url: value };
  }
  throw invalid(setting, `${DB_RULE}; got "${value}"`);
}

const Port = z.coerce.number().int().min(1).max(65535);
const Level = z.enum(LOG_LEVELS);

/** Builds the configuration from CLI options (which win) and the environment. */
export function loadConfig(overrides: ConfigOverrides, env: NodeJS.ProcessEnv): Config {
  const database = parseDatabaseUrl(overrides.db ?? env.TRUCE_DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const portInput = overrides.port ?? env.TRUCE_PORT ?? env.PORT ?? 8787;
  const port = Port.safeParse(portInput);
  if (!port.success)
    throw invalid('--port / TRUCE_PORT', `must be an integer from 1 to 65535; got "${portInput}"`);
  const levelInput = overrides.logLevel ?? env.TRUCE_LOG_LEVEL ?? 'info';
  const logLevel = Level.safeParse(levelInput);
  if (!logLevel.success) {
    throw invalid(
      '--log-level / TRUCE_LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}; got "${levelInput}"`,
    );
  }
  const host = overrides.host ?? env.TRUCE_HOST ?? '127.0.0.1';
  const trustProxy = parseTrustProxy(env.TRUCE_TRUST_PROXY ?? '');
  return { database, host, port: port.data, logLevel: logLevel.data, trustProxy };
}

/**
 * The trusted proxies: comma-separated IP addresses (IPv4 or IPv6).
 *
 * @example parseTrustProxy('10.0.0.5, ::1') // ['10.0.0.5', '::1']
 */
export function parseTrustProxy(value: string): string[] {
  const addresses = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = addresses.find((a) => isIP(a) === 0);
  if (bad) throw invalid('TRUCE_TRUST_PROXY', `must be comma-separated IP addresses; got "${bad}"`);
  return addresses;
}
