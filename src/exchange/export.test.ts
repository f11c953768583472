import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Incident } from '../record/schemas.js';
import { ACLED_COLUMNS } from './acled.js';
import { exportIncidents, type ExportFormat } from './export.js';
import { exportStatuses } from './export-filters.js';
import { HXL_COLUMNS } from './hxl.js';
import { seedExchangeIncidents } from './test-support/incidents.js';
import type { Db } from '../platform/db/dialect.js';

async function exported(db: Db, format: ExportFormat, extra: { bom?: boolean; pageSize?: number } = {}) {
  const { body } = exportIncidents(db, {
    format,
    filters: {},
    statuses: exportStatuses(undefined, { publicOnly: false }),
    ...extra,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const rowsOf = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describeEachDatabase('exports', (t) => {
  let seeded: Record<string, Incident>;
  const by = (rows: Record<string, string>[], incident: Incident | undefined, key = 'event_id_cnty') =>
    rows.find((r) => r[key] === incident?.publicId) ?? {};

  it('writes ACLED columns in ACLED order, RFC 4180 with CRLF, one row per live incident', async () => {
    seeded = await seedExchangeIncidents(t.db);
    const csv = await exported(t.db, 'acled', { pageSize: 2 });
    expect(csv.split('\r\n')[0]).toBe(ACLED_COLUMNS.join(','));
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(rowsOf(csv)).toHaveLength(5);
  });

  it('codes fatalities conservatively: more than 1,400 → 1400, dozens → 12, injuries only → 0', async () => {
    const rows = rowsOf(await exported(t.db, 'acled'));
    expect(by(rows, seeded.war).fatalities).toBe('1400');
    expect(by(rows, seeded.protest).fatalities).toBe('12');
    expect(by(rows, seeded.injuredOnly).fatalities).toBe('0');
    expect(by(rows, seeded.helicopter).fatalities).toBe('3');
  });

  it('codes precision, disorder, actor types and interaction per the codebook', async () => {
    const rows = rowsOf(await exported(t.db, 'acled'));
    const heli = by(rows, seeded.helicopter);
    expect(heli).toMatchObject({
      time_precision: '2',
      event_date: '2020-11-10',
      geo_precision: '2',
      disorder_type: 'Political violence',
      inter1: 'External/Other forces',
      inter2: 'External/Other forces',
      interaction: 'External/Other forces-External/Other forces',
      iso: '51',
      country: 'Armenia',
      region: 'Caucasus and Central Asia',
      latitude: '39.7600',
      longitude: '44.7900',
    });
    expect(heli.notes).toBe(
      'On 10 November 2020, shelling/artillery/missile attack reported near Yeraskh involving Military Forces of Azerbaijan and Military Forces of Russia. Fatality reports range from 1 to 3.',
    );
    const protest = by(rows, seeded.protest);
    expect(protest).toMatchObject({ disorder_type: 'Demonstrations', interaction: 'Protesters only' });
    expect(protest.geo_precision).toBe('1');
    expect(by(rows, seeded.war).geo_precision).toBe('3');
  });

  it('keeps text that a spreadsheet would run as a formula inert, and quotes commas and quotes', async () => {
    const csv = await exported(t.db, 'acled');
    expect(csv).toContain(`"'=cmd|calc, quoted; ""text"""`);
  });

  it('starts with a UTF-8 byte-order mark only when asked', async () => {
    expect((await exported(t.db, 'ucdp', { bom: true })).charCodeAt(0)).toBe(0xfeff);
  });

  it('splits UCDP deaths by side, civilians and unknown, with low ≤ best ≤ high', async () => {
    const rows = rowsOf(await exported(t.db, 'ucdp'));
    expect(by(rows, seeded.helicopter, 'id')).toMatchObject({
      deaths_a: '0',
      deaths_b: '2',
      deaths_civilians: '1',
      deaths_unknown: '0',
      low: '3',
      best: '3',
      high: '5',
      date_prec: '2',
      type_of_violence: '1',
    });
  });

  it('writes an HXL hashtag row under the header', async () => {
    const lines = (await exported(t.db, 'hxl')).split('\r\n');
    expect(lines[0]).toBe(HXL_COLUMNS.map(([c]) => c).join(','));
    expect(lines[1]).toBe(HXL_COLUMNS.map(([, tag]) => tag).join(','));
    const rows = rowsOf(lines.join('\r\n')).slice(1);
    expect(by(rows, seeded.war, 'event_id')).toMatchObject({ killed_low: '1400', killed_best: '1400' });
    // No killed figure reported: blank, as injured is, never a 0 nobody reported.
    expect(by(rows, seeded.injuredOnly, 'event_id')).toMatchObject({
      killed_low: '',
      killed_best: '',
      killed_high: '',
      injured_best: '3',
    });
    expect(by(rows, seeded.war, 'event_id').injured_best).toBe('');
  });

  it('writes UCDP columns in the relative order of GED 23.1 (source_article before source_office)', async () => {
    // GED 23.1+ header order, written from the GED codebook (the columns Truce fills).
    const ged = [
      'id',
      'year',
      'type_of_violence',
      'side_a',
      'side_b',
      'number_of_sources',
      'source_article',
      'source_office',
      'where_prec',
      'where_coordinates',
      'adm_1',
      'latitude',
      'longitude',
      'country',
      'date_prec',
      'date_start',
      'date_end',
      'deaths_a',
      'deaths_b',
      'deaths_civilians',
      'deaths_unknown',
      'best',
      'high',
      'low',
    ];
    expect((await exported(t.db, 'ucdp')).split('\r\n')[0]).toBe(ged.join(','));
  });

  it('writes a GeoJSON FeatureCollection with [lon, lat] points and null geometry when unplaced', async () => {
    const doc = JSON.parse(await exported(t.db, 'geojson', { pageSize: 1 })) as {
      type: string;
      features: { id: string; type: string; geometry: { type: string; coordinates: number[] } | null }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features).toHaveLength(5);
    const protest = doc.features.find((f) => f.id === seeded.protest?.publicId);
    expect(protest?.geometry).toEqual({ type: 'Point', coordinates: [44.5136, 40.1811] });
    expect(doc.features.find((f) => f.id === seeded.unplaced?.publicId)?.geometry).toBeNull();
  });

  it('exports only confirmed incidents for the public, and honours the incident filters', async () => {
    const { body } = exportIncidents(t.db, {
      format: 'json',
      filters: { kind: ['protest', 'ceasefire_violation'] },
      statuses: exportStatuses(undefined, { publicOnly: true }),
    });
    const chunks: string[] = [];
    for await (const chunk of body) chunks.push(String(chunk));
    const doc = JSON.parse(chunks.join('')) as { incidents: { publicId: string; kind: string }[] };
    expect(doc.incidents.map((i) => i.kind)).toEqual(['protest']);
  });
});
