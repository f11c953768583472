import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../test/cli.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { secondDatabase } from './test-support/second-database.js';
import { seedExchangeIncidents } from './test-support/incidents.js';

const SAMPLE = fileURLToPath(new URL('./fixtures/acled-sample.csv', import.meta.url));

describeEachDatabase('truce export, import and feed', (t) => {
  const cli = (...args: string[]) => runCli(['--db', t.config.url, ...args]);
  const dir = mkdtempSync(join(tmpdir(), 'truce-exchange-cli-'));
  let empty: Awaited<ReturnType<typeof secondDatabase>>;
  beforeAll(async () => {
    empty = await secondDatabase(t.name);
    await seedExchangeIncidents(t.db);
  });
  afterAll(async () => empty.drop());

  it('exports ACLED CSV to a file and the public GeoJSON to standard output', () => {
    const file = join(dir, 'out.csv');
    const done = cli('export', '--format', 'acled', '--output', file);
    expect(done.status).toBe(0);
    expect(readFileSync(file, 'utf8').split('\r\n')).toHaveLength(7);
    const geo = cli('export', '--format', 'geojson', '--public', '--kind', 'protest');
    expect(JSON.parse(geo.stdout).features).toHaveLength(1);
  });

  it('imports the export into an empty database, then finds every row already present', () => {
    const file = join(dir, 'out.csv');
    const into = (...args: string[]) => runCli(['--db', empty.url, ...args]);
    expect(into('import', '--format', 'acled', file).stdout).toBe(
      '5 imported, 0 already present, 0 repeated in the file, 0 failed\n',
    );
    expect(into('import', '--format', 'acled', file).stdout).toBe(
      '0 imported, 5 already present, 0 repeated in the file, 0 failed\n',
    );
  });

  it('names row, column and rule for bad rows, imports the rest and exits 1', () => {
    const result = cli('import', '--format', 'acled', SAMPLE, '--report', 'json');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ imported: 3, failed: 3 });
    expect(report.failures[0]).toBe('row 3 (line 4), column event_date: must be a real calendar date');
  });

  it('refuses an unknown format and a bad interval, naming the flag and the rule', () => {
    const bad = cli('export', '--format', 'xlsx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format: must be one of acled, ucdp, geojson, hxl, json/);
    const every = cli('feed', 'add', 'https://example.org/rss', '--every', '5 minutes');
    expect(every.status).toBe(2);
    expect(every.stderr).toMatch(/--every: must be a number and a unit/);
  });

  it('registers a feed and lists its status', () => {
    expect(cli('feed', 'add', 'https://example.org/rss.xml', '--every', '30m').stdout).toMatch(
      /^feed \d+ https:\/\/example.org\/rss.xml every 30m/,
    );
    const list = JSON.parse(cli('feed', 'list', '--format', 'json').stdout);
    expect(list).toEqual([
      expect.objectContaining({ url: 'https://example.org/rss.xml', every: '30m', lastStatus: null }),
    ]);
  });
});
