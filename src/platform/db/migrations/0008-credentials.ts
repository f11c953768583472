import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.js';

/**
 * Credentials enter the audit chain. Sessions get an integer id (the chain names rows by id) and
 * API tokens their scopes; both tables are rebuilt, so upgrading signs everyone out and voids the
 * tokens made before (they were written outside the chain, and `audit verify` would flag them).
 * Rate-limit windows move into the database, so several API processes share one limit. Feeds
 * (their URL, interval and author) enter the chain from now on: one registered before this
 * migration shows as `row_unaudited` in `truce audit verify` until it is registered again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
  await addIdColumn(db, db.schema.createTable('sessions'))
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.dropTable('api_tokens').execute();
  await addIdColumn(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}
