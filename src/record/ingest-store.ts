import type { RecordWriter } from '../audit/audit-store.js';
import { audited } from '../audit/audit-store.js';
import { sha256Hex } from '../audit/chain.js';
import type { Extraction, Figure, Quote } from '../extract/schema.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { isUniqueViolation, type Db } from '../platform/db/dialect.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { canonicalUrl } from './canonical-url.js';
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
 * when two processes race.
 */
export async function ingestItem(
  deps: IngestDeps,
  item: IngestItem,
  options: { published?: string | null } = {},
): Promise<IngestOutcome> {
  const rawSha = sha256Hex(item.bytes);
  const existing = await deps.db
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
  let extraction: Extraction;
  try {
    extraction = deps.extract(
      item.contentType ? { bytes: item.bytes, contentType: item.contentType } : { bytes: item.bytes },
      options,
    );
  } catch (error) {
    return {
      status: 'failed',
      label: item.label,
      reason: `cannot extract: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  try {
    return await audited(deps.db, { actor: deps.actor, reason: `ingest ${item.label}` }, (writer) =>
      storeExtraction(deps, writer, { item, rawSha, extraction }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await deps.db
      .selectFrom('sources')
      .select('id')
      .where('raw_sha256', '=', rawSha)
      .executeTakeFirst();
    return {
      status: 'duplicate',
      label: item.label,
      sourceId: winner?.id ?? 0,
      reason: 'captured at the same time by another process',
    };
  }
}

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
      dating: { published: extraction.document.published, captured: item.retrievedAt, sourceId: source.id },
      insertSpan: (start, end) => insertSpan(context, start, end),
    },
    extraction.events,
  );
  let reports = extraction.events.length;
  for (const quote of extraction.quotes) reports += await storeQuote(context, quote);
  for (const figure of extraction.figures) reports += await storeFigure(context, figure);
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

async function storeQuote(ctx: StoreContext, quote: Quote): Promise<number> {
  const spanId = await insertSpan(ctx, quote.start, quote.end);
  const report = await ctx.writer.insert('reports', {
    source_id: ctx.sourceId,
    kind: 'statement',
    payload: JSON.stringify(quote),
    created_at: ctx.writer.at,
  });
  if (!quote.speaker) return 1;
  const actorId = await resolveSpeaker(ctx.writer, quote.speaker);
  await ctx.writer.insert('statements', {
    report_id: report.id,
    source_id: ctx.sourceId,
    speaker_name: quote.speaker,
    speaker_actor_id: actorId,
    said_on: ctx.published,
    direct: quote.direct ? 1 : 0,
    text: quote.text,
    span_id: spanId,
    asserts: null,
  });
  return 1;
}

async function storeFigure(ctx: StoreContext, figure: Figure): Promise<number> {
  const spanId = await insertSpan(ctx, figure.start, figure.end);
  await ctx.writer.insert('reports', {
    source_id: ctx.sourceId,
    kind: 'figure',
    payload: JSON.stringify({ ...figure, spanId }),
    created_at: ctx.writer.at,
  });
  return 1;
}
