import { createHash } from 'node:crypto';
import type { EntryContent } from './verify-core.js';

/**
 * The audit chain, as pure functions: canonical JSON, the entry hash, and the check of one link.
 * `hash = SHA-256(prev_hash ‖ canonical JSON of the entry)`; the first entry's prev_hash is 64 zeros.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One audit entry's content: defined once, in the isomorphic verifier the web app shares. */
export type AuditEntry = EntryContent;

export interface ChainedEntry extends AuditEntry {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so equal values always give
 * equal text. Non-finite numbers are refused rather than silently turned into null.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot canonicalise ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  // Built by appending rather than map/join: audit images of wide rows are hashed on every write.
  let out = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const k = keys[i] as string;
    if (i > 0) out += ',';
    out += `${JSON.stringify(k)}:${canonicalJson(value[k] ?? null)}`;
  }
  return `${out}}`;
}

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

/** The hash of an entry given the hash of the one before it. */
export function hashEntry(prevHash: string, entry: AuditEntry): string {
  return sha256Hex(prevHash + entryJson(entry));
}

/** A text field as canonicalJson writes it (a missing one is null); undefined when it is not text. */
const textJson = (value: unknown): string | undefined =>
  value === null || value === undefined
    ? 'null'
    : typeof value === 'string'
      ? JSON.stringify(value)
      : undefined;

/**
 * The canonical JSON of an entry's hashed fields. The usual entry (text fields, a finite seq) is
 * written out in sorted key order directly; anything else (an entry read from an untrusted
 * export) goes through canonicalJson, which gives the same text for the usual entry too.
 */
function entryJson(entry: AuditEntry): string {
  const fields = [
    ['action', entry.action],
    ['actor', entry.actor],
    ['after', entry.after],
    ['at', entry.at],
    ['before', entry.before],
    ['entity_id', entry.entityId],
    ['entity_type', entry.entityType],
    ['reason', entry.reason],
  ] as const;
  if (typeof entry.seq === 'number' && Number.isFinite(entry.seq)) {
    let out = '{';
    for (const [key, value] of fields) {
      const json = textJson(value);
      if (json === undefined) break;
      out += `"${key}":${json},`;
      if (key === 'reason') return `${out}"seq":${JSON.stringify(entry.seq)}}`;
    }
  }
  const body: Json = {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
  };
  return canonicalJson(body);
}

/** Links an entry onto the chain whose head is `prev`. */
export function chainEntry(
  prev: { seq: number; hash: string },
  entry: Omit<AuditEntry, 'seq'>,
): ChainedEntry {
  const full: AuditEntry = { ...entry, seq: prev.seq + 1 };
  return { ...full, prevHash: prev.hash, hash: hashEntry(prev.hash, full) };
}

export type LinkProblem = 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch';

/** Checks one stored entry against the head before it; null when it holds. */
export function checkLink(prev: { seq: number; hash: string }, entry: ChainedEntry): LinkProblem | null {
  if (entry.seq !== prev.seq + 1) return 'sequence_gap';
  if (entry.prevHash !== prev.hash) return 'prev_hash_mismatch';
  if (hashEntry(prev.hash, entry) !== entry.hash) return 'hash_mismatch';
  return null;
}

/** Columns whose value enters the chain as a digest rather than in full (large or secret). */
const DIGESTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  sources: ['raw', 'clean_text'],
  users: ['password_hash'],
  public_submissions: ['reporter_name', 'reporter_contact'],
  attachments: ['bytes'],
  sessions: ['id_hash', 'csrf_token'],
  api_tokens: ['token_hash'],
};

/**
 * Tables whose rows are audited for some columns only: the rest is operational state (a feed's
 * poll times, validators and counters) that workers write outside the chain on every poll.
 */
const AUDITED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  feeds: ['id', 'url', 'interval_seconds', 'added_by', 'added_at', 'enabled'],
};

/**
 * The audited image of a database row: plain JSON values, with large or secret columns replaced
 * by `sha256:<hex>` so the chain can be published without leaking them.
 */
export function auditImage(table: string, row: Readonly<Record<string, unknown>>): string {
  const digested = DIGESTED_COLUMNS[table] ?? [];
  const only = AUDITED_COLUMNS[table];
  // The canonical JSON of the image written directly: its values are plain (no nesting), so this
  // is canonicalJson of the image object, in sorted key order, without building the object.
  let out = '{';
  for (const { column, quoted } of sortedColumns(table, row)) {
    if (only && !only.includes(column)) continue;
    const value = row[column];
    // Nulls are left out, so a migration that adds a nullable column does not change old images.
    if (value === null || value === undefined) continue;
    const json = digested.includes(column) ? `sha256:${digestValue(value)}` : toJson(value);
    out += `${out.length > 1 ? ',' : ''}${quoted}:${canonicalJson(json)}`;
  }
  return `${out}}`;
}

/** The last column list seen per table, sorted and quoted: a table's rows mostly come with the same columns. */
const columnOrders = new Map<string, { keys: string[]; sorted: { column: string; quoted: string }[] }>();

function sortedColumns(table: string, row: Readonly<Record<string, unknown>>) {
  const keys = Object.keys(row);
  const known = columnOrders.get(table);
  if (known && known.keys.length === keys.length && known.keys.every((k, i) => k === keys[i]))
    return known.sorted;
  const sorted = [...keys].sort().map((column) => ({ column, quoted: JSON.stringify(column) }));
  columnOrders.set(table, { keys, sorted });
  return sorted;
}

function digestValue(value: unknown): string {
  if (value instanceof Uint8Array) return sha256Hex(value);
  return sha256Hex(String(value));
}

function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `sha256:${sha256Hex(value)}`;
  return String(value);
}
