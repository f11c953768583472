import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { audited, type RecordWriter } from '../audit/audit-store.js';
import { isUniqueViolation, type Db } from '../platform/db/dialect.js';
import { invalid } from '../platform/errors.js';
import type { IncidentStatus } from '../record/taxonomy.js';
import type { DateOrder } from './acled-dates.js';
import { incidentRowOf, type ImportedRow } from './acled-incident.js';
import { readAcledRow, REQUIRED_ACLED_COLUMNS } from './acled-row.js';
import { csvRecords } from './csv-records.js';
import { activeTheatre } from '../theatre/active.js';
import { incidentPartyCodes } from '../record/parties.js';

export type ImportOutcome =
  | { readonly status: 'imported' | 'duplicate'; readonly row: number; readonly eventId: string }
  | {
      /** The id appeared again later in the same file: the first row was read, these were not. */
      readonly status: 'repeated';
      readonly row: number;
      readonly eventId: string;
      readonly repeatedIn: readonly number[];
    }
  | {
      readonly status: 'failed';
      readonly row: number;
      readonly line: number;
      readonly column: string;
      readonly rule: string;
    };

export interface ImportSummary {
  readonly imported: number;
  readonly duplicate: number;
  /** Rows skipped because their id came earlier in the same file (each id reported once). */
  readonly repeated: number;
  readonly failed: number;
}

export interface ImportOptions {
  readonly actor: string;
  /** The status imported incidents take (ACLED's coding is an outside assessment; default candidate). */
  readonly status?: IncidentStatus;
  /** How to read an all-numeric date such as 03/04/2020; without it such a date is refused. */
  readonly dateOrder?: DateOrder;
  readonly onOutcome?: (outcome: ImportOutcome) => void;
  readonly clock?: () => Date;
}

const BATCH = 2000;
type Report = (outcome: ImportOutcome) => void;

/**
 * Reads an ACLED CSV (ACLED's current or pre-2023 columns, dates in any form `readAcledDate`
 * reads, `NA` as missing) and records each row as an incident with ACLED's own coding, its source
 * and report, through the audited write path, in batches. Idempotent: a row whose `event_id_cnty`
 * is already an incident's public id is a duplicate (the unique constraint decides, also between
 * racing importers). A bad row — a value, too few or too many cells, a quote that never closes —
 * is reported with its row, line, column and rule, and the others are still imported. An id
 * repeated inside the file is reported once, with the rows that repeat it.
 *
 * @example await importAcled(db, createReadStream('acled.csv'), { actor: 'analyst:amira' })
 */
export async function importAcled(db: Db, input: Readable, options: ImportOptions): Promise<ImportSummary> {
  const counts = { imported: 0, duplicate: 0, repeated: 0, failed: 0 };
  const report: Report = (outcome) => {
    counts[outcome.status] += outcome.status === 'repeated' ? outcome.repeatedIn.length : 1;
    options.onOutcome?.(outcome);
  };
  const seen = new Map<string, { row: number; repeatedIn: number[] }>();
  let header: readonly string[] | null = null;
  let batch: ImportedRow[] = [];
  let row = 0;
  for await (const record of csvRecords(input)) {
    if (header === null) {
      header = checkHeader(record);
      continue;
    }
    row += 1;
    const fail = (column: string, rule: string) =>
      report({ status: 'failed', row, line: record.line, column, rule });
    if ('error' in record) {
      fail('row', record.error);
      continue;
    }
    if (record.fields.length !== header.length) {
      fail('row', `has ${record.fields.length} cells; the header has ${header.length}`);
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = record.fields[i] ?? ''));
    const reading = readAcledRow(cells, options.dateOrder);
    if (!reading.ok) {
      fail(reading.column, reading.rule);
      continue;
    }
    const id = reading.value.event_id_cnty;
    const first = seen.get(id);
    if (first) {
      first.repeatedIn.push(row);
      continue;
    }
    seen.set(id, { row, repeatedIn: [] });
    batch.push({ row, line: record.line, input: reading.value, raw: cells });
    if (batch.length >= BATCH) {
      await writeBatch(db, batch, options, report);
      batch = [];
    }
  }
  if (batch.length > 0) await writeBatch(db, batch, options, report);
  for (const [eventId, { row: firstRow, repeatedIn }] of seen)
    if (repeatedIn.length > 0) report({ status: 'repeated', row: firstRow, eventId, repeatedIn });
  return counts;
}

function checkHeader(record: { readonly fields?: readonly string[]; readonly line: number }): string[] {
  if (!record.fields) throw invalid('header', 'must be one line of ACLED column names');
  const header = record.fields.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_ACLED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw invalid('header', `must name the ACLED columns; missing ${missing.join(', ')}`);
  return header;
}

async function writeBatch(db: Db, rows: readonly ImportedRow[], options: ImportOptions, report: Report) {
  const ids = rows.map((r) => r.input.event_id_cnty);
  const known = new Set(
    (await db.selectFrom('incidents').select('public_id').where('public_id', 'in', ids).execute()).map(
      (r) => r.public_id,
    ),
  );
  const fresh: ImportedRow[] = [];
  for (const r of rows) {
    if (known.has(r.input.event_id_cnty)) report(duplicate(r));
    else fresh.push(r);
  }
  if (fresh.length === 0) return;
  try {
    await audited(db, contextOf(options), (w) => insertRows(w, fresh, options));
    for (const r of fresh) report({ status: 'imported', row: r.row, eventId: r.input.event_id_cnty });
  } catch (error) {
    // Another importer took some of these ids meanwhile, or one row cannot be stored: go row by
    // row, letting the constraint decide and naming a row the database refuses.
    let refusedInARow = 0;
    for (const r of fresh) {
      const stored = await writeOne(db, r, options, report);
      refusedInARow = stored ? 0 : refusedInARow + 1;
      // Row after row refused is the database failing, not the rows: stop and say so.
      if (refusedInARow >= MAX_REFUSED_IN_A_ROW) throw error;
    }
  }
}

const MAX_REFUSED_IN_A_ROW = 10;

/** Writes one row; false when the database refused it (reported as failed). */
async function writeOne(db: Db, r: ImportedRow, options: ImportOptions, report: Report): Promise<boolean> {
  try {
    await audited(db, contextOf(options), (w) => insertRows(w, [r], options));
    report({ status: 'imported', row: r.row, eventId: r.input.event_id_cnty });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) {
      report(duplicate(r));
      return true;
    }
    const message = error instanceof Error ? error.message : String(error);
    report({
      status: 'failed',
      row: r.row,
      line: r.line,
      column: 'row',
      rule: `cannot be stored: ${message}`,
    });
    return false;
  }
}

const duplicate = (r: ImportedRow): ImportOutcome => ({
  status: 'duplicate',
  row: r.row,
  eventId: r.input.event_id_cnty,
});

const contextOf = (options: ImportOptions) => ({
  actor: options.actor,
  reason: 'import ACLED',
  ...(options.clock ? { clock: options.clock } : {}),
});

/**
 * The incidents with ACLED's coding, each ACLED record as its source, one report each and its
 * fatality figure: one multi-row insert per table for the whole batch.
 */
async function insertRows(
  w: RecordWriter,
  rows: readonly ImportedRow[],
  options: ImportOptions,
): Promise<void> {
  const incidents = await w.insertMany(
    'incidents',
    rows.map((r) => incidentRowOf(r, { at: w.at, status: options.status })),
  );
  const sources = await w.insertMany(
    'sources',
    rows.map((r) => sourceRowOf(r, w.at)),
  );
  const reports = await w.insertMany(
    'reports',
    rows.map((r, i) => {
      const incident = incidents[i];
      return {
        source_id: idAt(sources, i),
        kind: 'event',
        event_kind: incident?.kind ?? null,
        date_start: incident?.date_start ?? null,
        date_end: incident?.date_end ?? null,
        date_precision: incident?.date_precision ?? null,
        lat: incident?.lat ?? null,
        lon: incident?.lon ?? null,
        payload: JSON.stringify({ format: 'acled', eventId: r.input.event_id_cnty }),
        created_at: w.at,
      };
    }),
  );
  await w.insertMany(
    'incident_reports',
    rows.map((_, i) => ({ incident_id: idAt(incidents, i), report_id: idAt(reports, i), linked_at: w.at })),
  );
  // New incidents: their parties are those of their two actors (the report holds no actors).
  const theatre = activeTheatre();
  const parties = incidents.flatMap((incident) =>
    incidentPartyCodes(theatre, [incident.actor1, incident.actor2], []).map((party) => ({
      incident_id: Number(incident.id),
      party,
    })),
  );
  if (parties.length > 0) await w.insertMany('incident_parties', parties);
  const figures = rows.flatMap((r, i) => {
    const fatalities = Number(r.input.fatalities || '0');
    if (fatalities <= 0) return [];
    return [
      {
        report_id: idAt(reports, i),
        category: 'killed',
        population: 'unknown',
        low: fatalities,
        best: fatalities,
        high: fatalities,
        qualifier: 'exact',
        claimant: r.input.source || 'ACLED',
        as_of: incidents[i]?.date_end ?? null,
        cumulative: 0,
      },
    ];
  });
  if (figures.length > 0) await w.insertMany('casualty_figures', figures);
}

function idAt(rows: readonly { id: number }[], i: number): number {
  const row = rows[i];
  if (!row) throw new Error(`no inserted row ${i}`);
  return Number(row.id);
}

/** The ACLED row as it was read (its cells, `NA` and all) is the source; its notes the clean text. */
function sourceRowOf(r: ImportedRow, at: string) {
  const raw = new TextEncoder().encode(JSON.stringify(r.raw));
  const clean = r.input.notes;
  return {
    publisher: r.input.source || null,
    title: `ACLED event ${r.input.event_id_cnty}`,
    retrieved_at: at,
    content_type: 'application/json',
    raw,
    raw_sha256: sha256(raw),
    clean_text: clean,
    clean_sha256: sha256(new TextEncoder().encode(clean)),
    extractor: 'truce-import-acled',
    extractor_version: '2',
    version: 1,
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
