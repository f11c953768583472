import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { importAcled, type ImportSummary } from './acled-import.js';
import { exportIncidents } from './export.js';

// Five ACLED extracts as public repositories publish them, kept outside the repository (shared
// test material; see its README). Skipped where that folder is not present.
const DIR = fileURLToPath(new URL('../../../shared/exchange/acled-real/', import.meta.url));
const FILES = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.csv'))
      .sort()
  : [];
const ROWS_PER_FILE: Readonly<Record<string, number>> = {
  'afg-koban.csv': 496,
  'benin-merfeld.csv': 811,
  'bfa-mess.csv': 2980,
  'bgd-johnson.csv': 5658,
  'isr-panlilio.csv': 5071,
};
const LONG = 600_000;

describeEachDatabase('the five real ACLED files', (t) => {
  const runIf = FILES.length === 5 ? it : it.skip;
  const importAll = async () => {
    const out: Record<string, ImportSummary & { failures: string[] }> = {};
    for (const file of FILES) {
      const failures: string[] = [];
      const summary = await importAcled(t.db, createReadStream(`${DIR}${file}`), {
        actor: 'analyst:real-files',
        onOutcome: (o) => {
          if (o.status === 'failed') failures.push(`row ${o.row}: ${o.column} ${o.rule}`);
        },
      });
      out[file] = { ...summary, failures };
    }
    return out;
  };
  const auditCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  runIf(
    'imports every file with no abort: each row in, repeated in the file, or named with its reason',
    async () => {
      const first = await importAll();
      for (const file of FILES) {
        const s = first[file];
        expect(s && s.imported + s.repeated + s.failed + s.duplicate).toBe(ROWS_PER_FILE[file]);
        expect(s?.failures).toHaveLength(s?.failed ?? -1);
      }
      expect(first['bgd-johnson.csv']?.repeated).toBe(1652);
      // The last row of this file is cut off after its actor columns; one more has no id.
      expect(first['isr-panlilio.csv']?.failures).toEqual([
        'row 242: event_id_cnty must not be empty',
        'row 5071: geo_precision must be 1, 2 or 3',
      ]);
      const imported = Object.values(first).reduce((n, s) => n + s.imported, 0);
      expect(imported).toBeGreaterThan(13_000);
    },
    LONG,
  );

  runIf(
    'changes nothing when the same files are imported again',
    async () => {
      const before = await auditCount();
      const again = await importAll();
      for (const s of Object.values(again)) expect(s.imported).toBe(0);
      expect(await auditCount()).toBe(before);
    },
    LONG,
  );

  runIf(
    'exports ACLED’s own fields of every imported row unchanged, column by column',
    async () => {
      const input = new Map<string, Record<string, string>>();
      for (const file of FILES) {
        const rows = parse(readFileSync(`${DIR}${file}`), {
          columns: true,
          bom: true,
          relax_column_count: true,
        });
        for (const row of rows as Record<string, string>[])
          if (!input.has(row.event_id_cnty ?? '')) input.set(row.event_id_cnty ?? '', row);
      }
      const { body } = exportIncidents(t.db, { format: 'acled', filters: {}, statuses: ['candidate'] });
      const text = (await Readable.from(body).toArray()).map(String).join('');
      const out = parse(text, { columns: true }) as Record<string, string>[];
      const columns = [
        ...['event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2'],
        ...['inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2'],
        ...['admin3', 'location', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp'],
      ];
      const differing: string[] = [];
      for (const row of out) {
        const given = input.get(row.event_id_cnty ?? '');
        if (!given) continue;
        for (const c of columns.filter((c) => c in given)) {
          const want = given[c] === 'NA' ? '' : (given[c] ?? '').trim();
          if (row[c] !== want) differing.push(`${row.event_id_cnty} ${c}`);
        }
      }
      expect(out.length).toBeGreaterThan(13_000);
      expect(differing).toEqual([]);
    },
    LONG,
  );
});
