import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import type { Runtime } from '../platform/runtime.js';
import type { IncidentDetail } from '../record/incident-detail-store.js';
import { createApp } from '../server/app.js';
import { loadDemo } from './load-demo.js';
import { NK_2020_ARTICLES } from './nk-2020-articles.js';
import { DEMO_EVENTS } from './nk-2020-events-later.js';
import { testRuntime } from '../platform/test-support/runtime.js';

/**
 * The demo as the public meets it: each incident written about rests on captured texts with
 * their evidence highlighted, tells why each text joined it, reconciles the texts' figures, and
 * the parties' words are on record — all from the ingest path, read through the API anonymously.
 */
describeEachDatabase('the demo’s incidents and their sources', (t) => {
  let app: ReturnType<typeof createApp>;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    await loadDemo(t.db);
    for (const event of DEMO_EVENTS) {
      const row = await t.db
        .selectFrom('incidents')
        .select('id')
        .where('title', '=', event.incident.title)
        .executeTakeFirstOrThrow();
      ids.set(event.key, row.id);
    }
    const runtime: Runtime = testRuntime(t);
    app = createApp(runtime);
  });

  const publicJson = async <T>(path: string): Promise<T> => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const detailOf = (key: string) => publicJson<IncidentDetail>(`/api/incidents/${ids.get(key) ?? 0}`);
  const captured = (detail: IncidentDetail) => detail.reports.filter((r) => r.source !== null);

  it('opens no incident besides the demo’s: every text landed on the incident it is about', async () => {
    const incidents = await t.db.selectFrom('incidents').select(['id', 'status']).execute();
    expect(incidents).toHaveLength(DEMO_EVENTS.length);
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(['confirmed']));
    const handMerged = await t.db
      .selectFrom('audit_entries')
      .select('seq')
      .where('action', '=', 'merged')
      .execute();
    expect(handMerged).toEqual([]);
  });

  it('shows the public each text an incident rests on, with highlighted evidence read from the source', async () => {
    for (const event of DEMO_EVENTS) {
      const texts = NK_2020_ARTICLES.filter((a) => a.event === event.key);
      const reports = captured(await detailOf(event.key));
      expect(reports.map((r) => r.source?.publisher).sort()).toEqual(texts.map((a) => a.publisher).sort());
      for (const report of reports) {
        const source = await publicJson<{ text: string }>(`/api/sources/${report.source?.id ?? 0}`);
        expect(report.spans.length).toBeGreaterThan(0);
        for (const span of report.spans) {
          expect(span.text.length).toBeGreaterThan(0);
          expect(source.text.slice(span.start, span.end)).toBe(span.text);
        }
      }
    }
  });

  it('explains why the outlet naming only the province, a day later, joined the one naming the village', async () => {
    const [village, province] = captured(await detailOf('helicopter'));
    expect(village?.source?.published).toBe('2020-11-09');
    expect(village?.merge.explanation).toMatchObject({ outcome: 'opened', candidate: null });
    expect(province?.source?.published).toBe('2020-11-10');
    expect(province?.merge.explanation).toMatchObject({
      outcome: 'joined',
      candidate: ids.get('helicopter'),
      reason: expect.stringMatching(/^joined \(score .*both aircraft_shot_down; same day 2020-11-09/),
    });
  });

  it('reconciles the three tolls of the Hadrut fighting (4, at least 3, up to 5) as low 3, best 4, high 5', async () => {
    const detail = await detailOf('hadrut-clash');
    const reports = captured(detail);
    expect(
      reports.map((r) =>
        r.merge.explanation && 'outcome' in r.merge.explanation ? r.merge.explanation.outcome : null,
      ),
    ).toEqual(['opened', 'joined', 'joined']);
    const reported = detail.casualties.find((c) => c.category === 'killed' && c.population === 'unknown');
    expect(reported).toMatchObject({ low: 3, best: 4, high: 5, reports: reports.map((r) => r.id) });
    expect(reported?.reports.every((id) => id > 0)).toBe(true);
    // The analyst's attribution (four Azerbaijani soldiers) and the texts' tolls are one count of deaths.
    expect(detail.deaths).toBe(4);
  });

  it('puts each party’s words on the public record, each with its source and span', async () => {
    const page = await publicJson<{
      items: { speaker: string; text: string; source: { id: number } | null; span: object | null }[];
    }>('/api/statements?limit=200');
    const said = (speaker: string, words: RegExp) =>
      page.items.find((s) => s.speaker === speaker && words.test(s.text));
    for (const [speaker, words] of [
      ['Armenian Defence Ministry', /launched an offensive/],
      ['Azerbaijani Defence Ministry', /violated the ceasefire/],
      ['Azerbaijani Foreign Ministry', /apologises/],
    ] as const) {
      const statement = said(speaker, words);
      expect(statement?.source).not.toBeNull();
      expect(statement?.span).not.toBeNull();
    }
  });
});
