import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { audited, type RecordWriter } from '../audit/audit-store.js';
import { isUniqueViolation, type Db } from '../platform/db/dialect.js';
import { invalid } from '../platform/errors.js';
import type { IncidentStatus } from '../record/taxonomy.js';
import { AcledRowInput, REQUIRED_ACLED_COLUMNS } from './acled-row.js';
import { incidentRowOf, type ImportedRow } from './acled-incident.js';
import { syncIncidentParties } from '../record/incident-party-store.js';

export type ImportOutcome =
  | { readonly status: 'imported' | 'duplicate'; readonly row: number; readonly eventId: string }
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
  readonly failed: number;
}

export interface ImportOptions {
  readonly actor: string;
  /** The status imported incidents take (ACLED's coding is an outside assessment; default candidate). */
  readonly status?: IncidentStatus;
  readonly onOutcome?: (outcome: ImportOutcome) => void;
  readonly clock?: () => Date;
}

const BATCH = 200;

/**
 * Reads an ACLED CSV and records each row as an incident with its source and report, through the
 * audited write path, in batches. Idempotent: a row whose `event_id_cnty` is already an incident's
 * public id is a duplicate (the unique constraint decides, also between racing importers). A bad
 * row is reported with its row, line, column and rule, and the others are still imported.
 *
 * @example await importAcled(db, createReadStream('acled.csv'), { actor: 'analyst:amira' })
 */
export async function importAcled(db: Db, input: Readable, options: ImportOptions): Promise<ImportSummary> {
  const counts = { imported: 0, duplicate: 0, failed: 0 };
  const report = (outcome: ImportOutcome) => {
    counts[outcome.status] += 1;
    options.onOutcome?.(outcome);
  };
  const parser = input.pipe(
    parse({ columns: checkHeader, bom: true, skip_empty_lines: true, info: true, relax_quotes: false }),
  );
  let batch: ImportedRow[] = [];
  let row = 0;
  for await (const record of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    row += 1;
    const parsed = AcledRowInput.safeParse(record.record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      report({
        status: 'failed',
        row,
        line: record.info.lines,
        column: issue?.path.map(String).join('.') || 'row',
        rule: issue?.message ?? 'is invalid',
      });
      continue;
    }
    batch.push({ row, input: parsed.data, raw: record.record });
    if (batch.length >= BATCH) {
      await writeBatch(db, batch, options, report);
      batch = [];
    }
  }
  if (batch.length > 0) await writeBatch(db, batch, options, report);
  return counts;
}

function checkHeader(header: string[]): string[] {
  const missing = REQUIRED_ACLED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw invalid('header', `must name the ACLED columns; missing ${missing.join(', ')}`);
  return header;
}

type Report = (outcome: ImportOutcome) => void;

async function writeBatch(db: Db, rows: readonly ImportedRow[], options: ImportOptions, report: Report) {
  const ids = [...new Set(rows.map((r) => r.input.event_id_cnty))];
  const known = new Set(
    (await db.selectFrom('incidents').select('public_id').where('public_id', 'in', ids).execute()).map(
      (r) => r.public_id,
    ),
  );
  const fresh: ImportedRow[] = [];
  for (const r of rows) {
    if (known.has(r.input.event_id_cnty)) report(duplicate(r));
    else {
      known.add(r.input.event_id_cnty);
      fresh.push(r);
    }
  }
  try {
    await audited(db, contextOf(options), async (w) => {
      for (const r of fresh) await insertRow(w, r, options);
    });
    for (const r of fresh) report({ status: 'imported', row: r.row, eventId: r.input.event_id_cnty });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another importer took some of these ids meanwhile: go row by row, letting the constraint decide.
    for (const r of fresh) await writeOne(db, r, options, report);
  }
}

async function writeOne(db: Db, r: ImportedRow, options: ImportOptions, report: Report) {
  try {
    await audited(db, contextOf(options), (w) => insertRow(w, r, options));
    report({ status: 'imported', row: r.row, eventId: r.input.event_id_cnty });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    report(duplicate(r));
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

/** The incident, the ACLED record as its source, one report and its fatality figure. */
async function insertRow(w: RecordWriter, r: ImportedRow, options: ImportOptions): Promise<void> {
  const raw = new TextEncoder().encode(JSON.stringify(r.raw));
  const clean = r.input.notes;
  const incident = await w.insert('incidents', incidentRowOf(r, { at: w.at, status: options.status }));
  const source = await w.insert('sources', {
    publisher: r.input.source || null,
    title: `ACLED event ${r.input.event_id_cnty}`,
    retrieved_at: w.at,
    content_type: 'application/json',
    raw,
    raw_sha256: sha256(raw),
    clean_text: clean,
    clean_sha256: sha256(new TextEncoder().encode(clean)),
    extractor: 'truce-import-acled',
    extractor_version: '1',
    version: 1,
  });
  const reportRow = await w.insert('reports', {
    source_id: source.id,
    kind: 'event',
    event_kind: incident.kind,
    date_start: incident.date_start,
    date_end: incident.date_end,
    date_precision: incident.date_precision,
    lat: incident.lat,
    lon: incident.lon,
    payload: JSON.stringify({ format: 'acled', row: r.raw }),
    created_at: w.at,
  });
  await w.insert('incident_reports', { incident_id: incident.id, report_id: reportRow.id, linked_at: w.at });
  await syncIncidentParties(w, incident.id);
  const fatalities = Number(r.input.fatalities);
  if (fatalities > 0) {
    await w.insert('casualty_figures', {
      report_id: reportRow.id,
      category: 'killed',
      population: 'unknown',
      low: fatalities,
      best: fatalities,
      high: fatalities,
      qualifier: 'exact',
      claimant: r.input.source || 'ACLED',
      as_of: incident.date_end,
      cumulative: 0,
    });
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
