import { fileURLToPath } from 'node:url';
import { buffer } from 'node:stream/consumers';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../audit/actor.js';
import { audited } from '../audit/audit-store.js';
import { buildBulletin } from '../agreement/bulletin.js';
import { bulletinDocument } from '../agreement/bulletin-document.js';
import { loadBulletinInputs } from '../agreement/bulletin-store.js';
import { exportIncidents } from '../exchange/export.js';
import type { ExportFormat } from '../exchange/export.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createIncident } from './incident-store.js';
import { listIncidents } from './incident-list-store.js';
import { parseIncidentFilters } from './incident-filters.js';
import { runIngest } from './ingest-run-store.js';
import { incidentTimeline } from './map-store.js';
import { buildIncident } from './test-support/builders.js';

// In our own words: a page with no publication date tells a shelling it does not date; it is read
// on 1 June 2025. Later an outlet dates the same shelling (same street, same town) to 4 May 2025.
const dir = fileURLToPath(new URL('./fixtures/undated/', import.meta.url));
const READ_ON = '2025-06-01';
const clock = () => new Date(`${READ_ON}T10:00:00Z`);
const ctx = { actor: actorOf({ username: 'test' }) };

describeEachDatabase('an event no report dates', (t) => {
  let undatedId = 0;
  let datedId = 0;

  beforeAll(async () => {
    await runIngest(t.db, [`${dir}dateless-page.txt`], { published: null, actor: 'user:test', clock });
    const row = await t.db
      .selectFrom('incidents')
      .select('id')
      .where('kind', '=', 'shelling')
      .executeTakeFirstOrThrow();
    undatedId = row.id;
    // Confirmed, so the public bulletin and public exports see it.
    await audited(t.db, ctx, (w) =>
      w.update('incidents', undatedId, { status: 'confirmed' }, { action: 'status:confirmed' }),
    );
    const dated = await createIncident(
      t.db,
      ctx,
      buildIncident({ dateStart: READ_ON, dateEnd: READ_ON, status: 'confirmed' }),
    );
    datedId = dated.id;
  });

  it('is stored with no date, never the day it was read', async () => {
    const row = await t.db
      .selectFrom('incidents')
      .select(['date_start', 'date_end', 'date_precision'])
      .where('id', '=', undatedId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ date_start: null, date_end: null, date_precision: 'unknown' });
    const figures = await t.db
      .selectFrom('casualty_figures as c')
      .innerJoin('incident_reports as l', 'l.report_id', 'c.report_id')
      .select('c.as_of')
      .where('l.incident_id', '=', undatedId)
      .execute();
    expect(figures.every((f) => f.as_of === null)).toBe(true);
  });

  it('is left out by a date filter, listed with undated=1, and sorted after dated ones', async () => {
    const filtered = await listIncidents(t.db, { from: READ_ON, to: READ_ON });
    expect(filtered.items.map((i) => i.id)).toEqual([datedId]);
    const undated = await listIncidents(
      t.db,
      parseIncidentFilters((n) => (n === 'undated' ? ['1'] : undefined)),
    );
    expect(undated.items.map((i) => i.id)).toEqual([undatedId]);
    expect(undated.items[0]).toMatchObject({ dateStart: null, dateEnd: null, datePrecision: 'unknown' });
    const dated = await listIncidents(t.db, { undated: '0' });
    expect(dated.items.map((i) => i.id)).toEqual([datedId]);
    for (const sort of ['newest', 'oldest'] as const) {
      const all = await listIncidents(t.db, { sort });
      expect(all.items.map((i) => i.id)).toEqual([datedId, undatedId]);
    }
  });

  it('refuses undated=1 with a date range, naming the field', () => {
    const read = (q: Record<string, string>) => (n: string) => (q[n] === undefined ? undefined : [q[n]]);
    expect(() => parseIncidentFilters(read({ undated: '1', from: READ_ON }))).toThrow(/undated/);
    expect(() => parseIncidentFilters(read({ undated: 'yes' }))).toThrow(/^Undated must be one of 0, 1$/);
  });

  it('is on no day of the timeline, and counted apart', async () => {
    const timeline = await incidentTimeline(
      t.db,
      parseIncidentFilters(() => undefined),
      { kind: 'all' },
    );
    expect(timeline.days.map((d) => [d.date, d.count])).toEqual([[READ_ON, 1]]);
    expect(timeline.undated).toBe(1);
    const ranged = await incidentTimeline(
      t.db,
      parseIncidentFilters((n) => (n === 'from' ? [READ_ON] : undefined)),
      {
        kind: 'all',
      },
    );
    expect(ranged.undated).toBe(0);
  });

  it('is reported apart in the bulletin of the day it was recorded, not as one of its events', async () => {
    const { created_at } = await t.db
      .selectFrom('incidents')
      .select('created_at')
      .where('id', '=', undatedId)
      .executeTakeFirstOrThrow();
    const recorded = buildBulletin(await loadBulletinInputs(t.db, { date: created_at.slice(0, 10) }));
    const eventsOf = (b: typeof recorded) =>
      [...b.violations.byArea.flatMap((a) => a.items), ...b.otherEvents].map((i) => i.id);
    expect(eventsOf(recorded)).not.toContain(undatedId);
    expect(recorded.undated.map((i) => i.id)).toEqual([undatedId]);
    expect(JSON.stringify(bulletinDocument(recorded))).toContain('Recorded this day, date not stated');
    // The day the page was read is not the event's day either.
    const readOn = buildBulletin(await loadBulletinInputs(t.db, { date: READ_ON }));
    expect(eventsOf(readOn)).toEqual([datedId]);
    expect(readOn.undated).toEqual([]);
  });

  describe('exports', () => {
    const exported = async (format: ExportFormat) => {
      const out = exportIncidents(t.db, { format, filters: {}, statuses: ['confirmed'] });
      return { text: (await buffer(out.body)).toString('utf8'), leftOut: await out.leftOut() };
    };
    const publicIdOf = async (id: number) =>
      (await t.db.selectFrom('incidents').select('public_id').where('id', '=', id).executeTakeFirstOrThrow())
        .public_id;

    it('leaves it out of ACLED and UCDP, which require a date, and says why', async () => {
      const undated = await publicIdOf(undatedId);
      const dated = await publicIdOf(datedId);
      for (const format of ['acled', 'ucdp'] as const) {
        const { text, leftOut } = await exported(format);
        expect(text).toContain(dated);
        expect(text).not.toContain(undated);
        expect(leftOut?.count).toBe(1);
        expect(leftOut?.reason).toMatch(format === 'acled' ? /event_date/ : /date_start/);
      }
    });

    it('writes a blank date in HXL and null dates in GeoJSON and JSON', async () => {
      const undated = await publicIdOf(undatedId);
      const hxl = await exported('hxl');
      expect(hxl.leftOut).toBeNull();
      const [header = '', , ...rows] = hxl.text.trim().split('\r\n');
      const column = header.split(',').indexOf('event_date');
      const row = rows.find((r) => r.startsWith(undated)) ?? '';
      expect(column).toBeGreaterThan(-1);
      expect(row.split(',')[column]).toBe('');
      const geojson = JSON.parse((await exported('geojson')).text);
      const feature = geojson.features.find((f: { id: string }) => f.id === undated);
      expect(feature.properties).toMatchObject({
        date_start: null,
        date_end: null,
        date_precision: 'unknown',
      });
      expect(feature.properties.notes).toMatch(/^On a date no report states/);
      const json = JSON.parse((await exported('json')).text);
      expect(json.incidents.find((i: { publicId: string }) => i.publicId === undated)).toMatchObject({
        dateStart: null,
        dateEnd: null,
      });
    });
  });

  it('is joined by a later report that dates it, and takes that date', async () => {
    await runIngest(t.db, [`${dir}dated-report.txt`], { published: null, actor: 'user:test', clock });
    const link = await t.db
      .selectFrom('incident_reports as l')
      .innerJoin('reports as r', 'r.id', 'l.report_id')
      .innerJoin('sources as s', 's.id', 'r.source_id')
      .select(['l.incident_id', 'l.explanation'])
      .where('s.url', 'like', '%dated-report%')
      .where('r.kind', '=', 'event')
      .executeTakeFirstOrThrow();
    expect(link.incident_id).toBe(undatedId);
    const explanation = JSON.parse(link.explanation ?? '{}');
    const date = explanation.features.find((f: { name: string }) => f.name === 'date');
    // Agreement on place and kind carried it; the missing date counted less than a matching one.
    expect(date.value).toBeGreaterThan(0);
    expect(date.value).toBeLessThan(1);
    const row = await t.db
      .selectFrom('incidents')
      .select(['date_start', 'date_end', 'date_precision'])
      .where('id', '=', undatedId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ date_start: '2025-05-04', date_end: '2025-05-04', date_precision: 'day' });
  });
});
