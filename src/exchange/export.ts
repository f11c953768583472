import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Db } from '../platform/db/dialect.js';
import { ACLED_COLUMNS, toAcledRow } from './acled.js';
import { safeRow } from './csv-safety.js';
import { streamIncidents, type ExportIncident, type StreamOptions } from './export-incidents.js';
import { filteredIncidents } from './export-filters.js';
import { GEOJSON_CLOSE, GEOJSON_OPEN, toFeature } from './geojson.js';
import { HXL_COLUMNS, HXL_HASHTAG_ROW, toHxlRow } from './hxl.js';
import { JSON_CLOSE, JSON_OPEN, toJsonIncident } from './json-export.js';
import { toUcdpRow, UCDP_COLUMNS } from './ucdp.js';

export const EXPORT_FORMATS = ['acled', 'ucdp', 'geojson', 'hxl', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions extends StreamOptions {
  readonly format: ExportFormat;
  /** Start CSVs with a UTF-8 byte-order mark (Excel needs one to read UTF-8); off by default. */
  readonly bom?: boolean;
}

export interface ExportBody {
  readonly contentType: string;
  readonly filename: string;
  readonly body: Readable;
  /** How many incidents the filters held that the format left out, and why (null: none). */
  readonly leftOut: () => Promise<LeftOut | null>;
}

export interface LeftOut {
  readonly count: number;
  readonly reason: string;
}

/**
 * Formats whose codebooks code every event to a day: ACLED's `event_date` is required (ACLED
 * codes an event only once its date is known at least to the month, `time_precision` 3, and its
 * readers — Truce's importer too — refuse a blank one) and UCDP GED's `date_start`, `date_end`
 * and `year` are always filled. An incident no report dates is left out of these, and counted;
 * HXL writes its `#date+occurred` blank, GeoJSON and JSON give null dates.
 */
export const DATED_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['acled', 'ucdp']);

const UNDATED_REASON: Readonly<Partial<Record<ExportFormat, string>>> = {
  acled: 'no report dates them, and ACLED requires event_date',
  ucdp: 'no report dates them, and UCDP GED requires date_start and date_end',
};

const CONTENT_TYPE: Readonly<Record<ExportFormat, string>> = {
  acled: 'text/csv; charset=utf-8; header=present',
  ucdp: 'text/csv; charset=utf-8; header=present',
  hxl: 'text/csv; charset=utf-8; header=present',
  geojson: 'application/geo+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const EXTENSION: Readonly<Record<ExportFormat, string>> = {
  acled: 'acled.csv',
  ucdp: 'ucdp.csv',
  hxl: 'hxl.csv',
  geojson: 'geojson',
  json: 'json',
};

/**
 * An export as a byte stream, read from the database page by page as the consumer reads it, so
 * memory stays flat at any size. CSVs are RFC 4180 (CRLF, quoted where needed) in UTF-8 with a
 * header row.
 *
 * @example exportIncidents(db, { format: 'acled', filters: {}, statuses: ['confirmed'] }).body.pipe(process.stdout)
 */
export function exportIncidents(db: Db, options: ExportOptions): ExportBody {
  const datedOnly = DATED_FORMATS.has(options.format);
  const items = streamIncidents(db, { ...options, datedOnly });
  return {
    contentType: CONTENT_TYPE[options.format],
    filename: `truce-incidents.${EXTENSION[options.format]}`,
    body: bodyOf(items, options),
    leftOut: async () => {
      if (!datedOnly) return null;
      const row = await filteredIncidents(db, options.filters, options.statuses)
        .where('date_start', 'is', null)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      const count = Number(row.n);
      return count === 0 ? null : { count, reason: UNDATED_REASON[options.format] ?? 'no report dates them' };
    },
  };
}

function bodyOf(items: AsyncGenerator<ExportIncident>, options: ExportOptions): Readable {
  const bom = options.bom ?? false;
  switch (options.format) {
    case 'acled':
      return csvOf(
        mapItems(items, (i) => safeRow(toAcledRow(i))),
        [...ACLED_COLUMNS],
        bom,
      );
    case 'ucdp':
      return csvOf(
        mapItems(items, (i) => safeRow(toUcdpRow(i))),
        [...UCDP_COLUMNS],
        bom,
      );
    case 'hxl':
      return csvOf(
        prepend(
          HXL_HASHTAG_ROW,
          mapItems(items, (i) => safeRow(toHxlRow(i))),
        ),
        HXL_COLUMNS.map(([name]) => name),
        bom,
      );
    case 'geojson':
      return Readable.from(jsonArray(items, { open: GEOJSON_OPEN, close: GEOJSON_CLOSE, map: toFeature }));
    case 'json':
      return Readable.from(jsonArray(items, { open: JSON_OPEN, close: JSON_CLOSE, map: toJsonIncident }));
  }
}

async function* mapItems<T>(items: AsyncIterable<ExportIncident>, map: (i: ExportIncident) => T) {
  for await (const item of items) yield map(item);
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>) {
  yield first;
  yield* rest;
}

function csvOf(rows: AsyncIterable<object>, columns: string[], bom: boolean): Readable {
  const out = stringify({ header: true, columns, bom, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
  // Errors reach the consumer through `out`, which pipeline destroys with them.
  pipeline(Readable.from(rows), out).catch(() => undefined);
  return out;
}

async function* jsonArray<T>(
  items: AsyncIterable<ExportIncident>,
  shape: { open: string; close: string; map: (i: ExportIncident) => T },
): AsyncGenerator<string> {
  yield shape.open;
  let first = true;
  for await (const item of items) {
    yield `${first ? '' : ',\n'}${JSON.stringify(shape.map(item))}`;
    first = false;
  }
  yield shape.close;
}
