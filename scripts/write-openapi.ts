/**
 * Writes the OpenAPI document the server answers at `/api/openapi.json`, built from the app's
 * route list without starting a server (an in-memory SQLite database, never migrated or read).
 *
 *   node --import tsx scripts/write-openapi.ts test-output/openapi.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApp } from '../src/server/app.js';
import { parseDatabaseUrl } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/dialect.js';
import { createLogger } from '../src/platform/log.js';

const out = process.argv[2] ?? 'test-output/openapi.json';
const database = parseDatabaseUrl('sqlite::memory:', 'database');
const db = openDatabase(database);
const app = createApp({
  config: { database, host: '127.0.0.1', port: 0, logLevel: 'silent' },
  db,
  log: createLogger('silent'),
  close: () => db.destroy(),
});
const response = await app.request('/api/openapi.json');
if (response.status !== 200) throw new Error(`/api/openapi.json answered ${response.status}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(await response.json(), null, 2)}\n`);
await db.destroy();
console.log(`wrote ${out}`);
