import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordWriter } from '../audit/audit-store.js';
import { auditedIn } from '../audit/audit-store.js';
import { sha256Hex } from '../audit/chain.js';
import type { Extraction, Figure, Quote } from '../extract/schema.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { dialectOf, isUniqueViolation, type Db } from '../platform/db/dialect.js';
import type { Database } from '../platform/db/schema.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { canonicalUrl } from './canonical-url.js';
import { claimOfEvent } from './claims.js';
import type { MergeClaimCache } from './merge-claim-cache.js';
import { mergeLocks, type MergeLocks } from './merge-locks.js';
import { storeArticleEvents } from './ingest-event-store.js';
import { resolveSpeaker } from './statement-store.js';

/** One document to capture: its bytes and what is known of where it came from. */
export interface IngestItem {
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly url?: string | null;
  readonly contentType?: string | null;
  readonly publisher?: string | null;
  readonly retrievedAt: string;
}

export interface IngestDeps {
  readonly db: Db;
  readonly gazetteer: Gazetteer;
  readonly extract: (
    input: { bytes: Uint8Array; contentType?: string },
    options: { published?: string | null },
  ) => Extraction;
  readonly extractor: { readonly name: string; readonly version: string };
  readonly actor: string;
  /** Whose parties the actor names stand for; the theatre in force when absent. */
  readonly theatre?: Theatre;
  /** The merge's claims already worked out in `db` (see `MergeClaimCache`); none: all read. */
  readonly claimCache?: MergeClaimCache;
}

export type IngestOutcome =
  | {
      readonly status: 'new' | 'version';
      readonly label: string;
      readonly sourceId: number;
      readonly reports: number;
      readonly opened: number;
      readonly joined: number;
    }
  | {
      readonly status: 'duplicate';
      readonly label: string;
      readonly sourceId: number;
      readonly reason: string;
    }
  | { readonly status: 'failed'; readonly label: string; readonly reason: string };

/**
 * Captures one document: the source (raw and clean, hashed), its reports (events, statements,
 * figures, each with spans), and each event merged into an incident — all in one audited
 * transaction. The same content twice is a duplicate, enforced by the unique content hash even
 * when two processes race; on PostgreSQL the transaction first takes the merge locks of its
 * claims (`mergeLocks`), so two processes never both open an incident for one event.
 */
export async function ingestItem(
  deps: IngestDeps,
  item: IngestItem,
  options: { published?: string | null } = {},
): Promise<IngestOutcome> {
  const prepared = await prepare(deps.db, deps, item, options);
  if ('status' in prepared) return prepared;
  const locks = dialectOf(deps.db) === 'postgres' ? mergeLocks(claimsOf(deps, prepared)) : null;
  const canonical = item.url ? canonicalUrl(item.url) : null;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        if (locks) await takeMergeLocks(trx, locks);
        if (locks && canonical) await takeSourceLock(trx, canonical);
        return auditedIn(
          trx,
          { actor: deps.actor, reason: `ingest ${item.label}` },
          (writer) => storeExtraction(deps, writer, prepared),
          { lockHead: 'at-flush' },
        );
      });
    } catch (error) {
      deps.claimCache?.clear();
      if (!isUniqueViolation(error)) throw error;
      const outcome = await raced(deps.db, item.label, prepared.rawSha);
      // Another key than the content's (a place or speaker another process created meanwhile):
      // the next attempt finds that row.
      if (outcome.sourceId !== 0 || attempt >= MAX_ATTEMPTS) return outcome;
    }
  }
}

/** Attempts of one document's transaction when another process wins a unique key it needed. */
const MAX_ATTEMPTS = 3;

/**
 * `ingestItem` inside a transaction the caller holds and commits (a batch of documents on SQLite,
 * one commit for many): the document's writes in a savepoint, so a document that fails leaves
 * the others of the batch as they were.
 */
export async function ingestItemIn(
  trx: Transaction<Database>,
  deps: IngestDeps,
  item: IngestItem,
  options: { published?: string | null } = {},
): Promise<IngestOutcome> {
  const prepared = await prepare(trx, deps, item, options);
  if ('status' in prepared) return prepared;
  await sql`savepoint truce_ingest`.execute(trx);
  try {
    const outcome = await auditedIn(trx, { actor: deps.actor, reason: `ingest ${item.label}` }, (writer) =>
      storeExtraction(deps, writer, prepared),
    );
    await sql`release savepoint truce_ingest`.execute(trx);
    return outcome;
  } catch (error) {
    deps.claimCache?.clear();
    await sql`rollback to savepoint truce_ingest`.execute(trx);
    await sql`release savepoint truce_ingest`.execute(trx);
    if (!isUniqueViolation(error)) throw error;
    return raced(trx, item.label, prepared.rawSha);
  }
}

/** Hashes and extracts a document, or says why it is not stored (already captured, not extractable). */
async function prepare(
  reader: Kysely<Database>,
  deps: IngestDeps,
  item: IngestItem,
  options: { published?: string | null },
): Promise<Captured | IngestOutcome> {
  const rawSha = sha256Hex(item.bytes);
  const existing = await reader
    .selectFrom('sources')
    .select('id')
    .where('raw_sha256', '=', rawSha)
    .executeTakeFirst();
  if (existing)
    return {
      status: 'duplicate',
      label: item.label,
      sourceId: existing.id,
      reason: 'same content already captured',
    };
  try {
    const extraction = deps.extract(
      item.contentType ? { bytes: item.bytes, contentType: item.contentType } : { bytes: item.bytes },
      options,
    );
    return { item, rawSha, extraction };
  } catch (error) {
    return {
      status: 'failed',
      label: item.label,
      reason: `cannot extract: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

async function raced(
  reader: Kysely<Database>,
  label: string,
  rawSha: string,
): Promise<Extract<IngestOutcome, { status: 'duplicate' }>> {
  const winner = await reader
    .selectFrom('sources')
    .select('id')
    .where('raw_sha256', '=', rawSha)
    .executeTakeFirst();
  return {
    status: 'duplicate',
    label,
    sourceId: winner?.id ?? 0,
    reason: 'captured at the same time by another process',
  };
}

/** The claims the document's events make, as `storeArticleEvents` will compare them. */
function claimsOf(deps: IngestDeps, captured: Captured) {
  const dating = { published: captured.extraction.document.published, captured: captured.item.retrievedAt };
  const theatre = deps.theatre ?? activeTheatre();
  return captured.extraction.events.map((e) => claimOfEvent(deps.gazetteer, e, dating, theatre));
}

/** Takes the merge locks (PostgreSQL advisory locks held to commit) in one statement, in key order. */
export async function takeMergeLocks(trx: Transaction<Database>, locks: MergeLocks): Promise<void> {
  if (locks.keys.length === 0) return;
  await sql`select count(*) from (
    select case when x then pg_advisory_xact_lock(${MERGE_LOCK_CLASS}, k)
                else pg_advisory_xact_lock_shared(${MERGE_LOCK_CLASS}, k) end
    from unnest(${locks.keys}::int4[], ${locks.exclusive}::bool[]) as t(k, x)) taken`.execute(trx);
}

/** The advisory lock space of the merge locks (the first of pg_advisory_xact_lock's two keys). */
const MERGE_LOCK_CLASS = 0x7275;

/**
 * Serialises two versions of one address, which number themselves from the latest stored (the
 * chain head's lock, taken only at the flush, no longer does).
 */
async function takeSourceLock(trx: Transaction<Database>, canonical: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${SOURCE_LOCK_CLASS}, hashtext(${canonical}))`.execute(trx);
}

/** The advisory lock space of source addresses. */
const SOURCE_LOCK_CLASS = 0x7276;

interface Captured {
  readonly item: IngestItem;
  readonly rawSha: string;
  readonly extraction: Extraction;
}

async function storeExtraction(
  deps: IngestDeps,
  writer: RecordWriter,
  captured: Captured,
): Promise<IngestOutcome> {
  const { item, extraction } = captured;
  const canonical = item.url ? canonicalUrl(item.url) : null;
  const previous = canonical
    ? await writer.trx
        .selectFrom('sources')
        .select(['id', 'version'])
        .where('canonical_url', '=', canonical)
        .orderBy('version', 'desc')
        .executeTakeFirst()
    : undefined;
  const source = await writer.insert('sources', {
    url: item.url ?? null,
    canonical_url: canonical,
    publisher: item.publisher ?? (canonical ? new URL(canonical).hostname : null),
    title: extraction.document.title,
    published_at: extraction.document.published,
    retrieved_at: item.retrievedAt,
    language: extraction.document.language,
    content_type: item.contentType ?? (extraction.document.isHtml ? 'text/html' : 'text/plain'),
    raw: item.bytes,
    raw_sha256: captured.rawSha,
    clean_text: extraction.document.text,
    clean_sha256: extraction.document.sha256,
    extractor: deps.extractor.name,
    extractor_version: deps.extractor.version,
    version: previous ? previous.version + 1 : 1,
    previous_version_id: previous?.id ?? null,
  });
  const context = {
    deps,
    writer,
    sourceId: source.id,
    textSha: extraction.document.sha256,
    published: extraction.document.published ?? item.retrievedAt.slice(0, 10),
  };
  const { opened, joined } = await storeArticleEvents(
    {
      writer,
      gazetteer: deps.gazetteer,
      theatre: deps.theatre ?? activeTheatre(),
      ...(deps.claimCache ? { claimCache: deps.claimCache } : {}),
      dating: { published: extraction.document.published, captured: item.retrievedAt, sourceId: source.id },
      insertSpan: (start, end) => insertSpan(context, start, end),
    },
    extraction.events,
  );
  const reports = extraction.events.length + (await storeQuotesAndFigures(context, extraction));
  return {
    status: previous ? 'version' : 'new',
    label: item.label,
    sourceId: source.id,
    reports,
    opened,
    joined,
  };
}

interface StoreContext {
  readonly deps: IngestDeps;
  readonly writer: RecordWriter;
  readonly sourceId: number;
  readonly textSha: string;
  readonly published: string;
}

async function insertSpan(ctx: StoreContext, start: number, end: number): Promise<number> {
  const span = await ctx.writer.insert('spans', {
    source_id: ctx.sourceId,
    text_sha256: ctx.textSha,
    start,
    end,
  });
  return span.id;
}

/**
 * The article's quotes (as statements, the speaker resolved to an actor) and figures, each with
 * its span: a few multi-row inserts for all of them rather than a few statements for each.
 */
async function storeQuotesAndFigures(
  ctx: StoreContext,
  extraction: Pick<Extraction, 'quotes' | 'figures'>,
): Promise<number> {
  const told: ({ quote: Quote } | { figure: Figure })[] = [
    ...extraction.quotes.map((quote) => ({ quote })),
    ...extraction.figures.map((figure) => ({ figure })),
  ];
  if (told.length === 0) return 0;
  const { writer } = ctx;
  const spans = await writer.insertMany(
    'spans',
    told.map((t) => {
      const { start, end } = 'quote' in t ? t.quote : t.figure;
      return { source_id: ctx.sourceId, text_sha256: ctx.textSha, start, end };
    }),
  );
  const spanId = (i: number) => (spans[i] as { id: number }).id;
  const reports = await writer.insertMany(
    'reports',
    told.map((t, i) => ({
      source_id: ctx.sourceId,
      kind: 'quote' in t ? 'statement' : 'figure',
      payload: JSON.stringify('quote' in t ? t.quote : { ...t.figure, spanId: spanId(i) }),
      created_at: writer.at,
    })),
  );
  const speakers = new Map<string, number>();
  const statements = [];
  for (const [i, t] of told.entries()) {
    if (!('quote' in t) || !t.quote.speaker) continue;
    const { quote } = t;
    const speaker = quote.speaker as string;
    let actorId = speakers.get(speaker);
    if (actorId === undefined) speakers.set(speaker, (actorId = await resolveSpeaker(writer, speaker)));
    statements.push({
      report_id: (reports[i] as { id: number }).id,
      source_id: ctx.sourceId,
      speaker_name: speaker,
      speaker_actor_id: actorId,
      said_on: ctx.published,
      direct: quote.direct ? 1 : 0,
      text: quote.text,
      span_id: spanId(i),
      asserts: null,
    });
  }
  if (statements.length > 0) await writer.insertMany('statements', statements);
  return told.length;
}
