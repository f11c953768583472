import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../platform/config.js';
import { databaseError, openDatabase } from '../platform/db/dialect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { TruceError } from '../platform/errors.js';
import { createLogger } from '../platform/log.js';
import type { Runtime } from '../platform/runtime.js';
import { createApp } from './app.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-dberr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database failures the operator can act on', () => {
  it('answers 503 naming a full disk, not 500 and "cannot rollback", and logs the cause', async () => {
    const config = parseDatabaseUrl(`sqlite:${join(dir, 'full.db')}`);
    const db = openDatabase(config);
    await migrateToLatest(db);
    // The database may not grow by one more page: the next write that needs one is SQLITE_FULL.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 1}`).execute(db);
    const logged: string[] = [];
    const log = createLogger('silent');
    const runtime: Runtime = {
      config: { database: config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
      db,
      log: { ...log, error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`) },
      close: async () => {},
    };
    const response = await createApp(runtime).request('/api/public/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        comment: 'A long account. '.repeat(600),
        name: 'R',
        idempotencyKey: 'disk-full-0001',
      }),
    });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(503);
    expect(body.error).toMatchObject({ code: 'unavailable' });
    expect(body.error.message).toMatch(/disk is full/);
    expect(logged.join('\n')).toMatch(/disk is full/);
    expect(logged.join('\n')).not.toMatch(/cannot rollback/);
    await db.destroy();
  });

  it('maps a write to a read-only database to unavailable', async () => {
    const config = parseDatabaseUrl(`sqlite:${join(dir, 'ro.db')}`);
    const db = openDatabase(config);
    await migrateToLatest(db);
    await sql`pragma query_only = 1`.execute(db);
    const error = await sql`insert into rate_limits (key, window_ends_at, count) values ('k', 'x', 1)`
      .execute(db)
      .catch((e: unknown) => e);
    const mapped = databaseError(error);
    expect(mapped).toBeInstanceOf(TruceError);
    expect(mapped).toMatchObject({ code: 'unavailable' });
    await db.destroy();
  });
});

describeEachDatabase('text the database cannot store', (t) => {
  it('is an invalid input naming the rule, not an internal error, should it get past the boundary', async () => {
    const error =
      await sql`insert into rate_limits (key, window_ends_at, count) values (${'a\u0000b'}, 'x', 1)`
        .execute(t.db)
        .then(() => null)
        .catch((e: unknown) => e);
    // SQLite stores NUL; PostgreSQL refuses it, and the refusal is a 400, not a 500.
    if (t.name === 'postgres') expect(databaseError(error)).toMatchObject({ code: 'invalid' });
    else expect(error).toBeNull();
  });
});
