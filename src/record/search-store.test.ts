import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { audited, type RecordWriter } from '../audit/audit-store.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { TruceError } from '../platform/errors.js';
import { insertIncident } from './incident-store.js';
import { IncidentInput } from './schemas.js';
import { parseSearchRequest, search, type SearchHit, type SearchPage } from './search-store.js';
import type { Visibility } from './visibility.js';

const ctx = { actor: 'user:test' };
const STAFF: Visibility = { kind: 'all' };
const PUBLIC: Visibility = { kind: 'published' };

/** A search as a URL query would ask it. */
const ask = (params: Record<string, string>) =>
  parseSearchRequest((n) => (n in params ? [params[n] as string] : undefined));
const find = async (
  db: Parameters<typeof search>[0],
  params: Record<string, string>,
  v: Visibility = STAFF,
) => search(db, ask(params), v);
const keys = (page: SearchPage) => page.items.map((h) => `${h.type}:${h.id}`).sort();
const marked = (hit: SearchHit | undefined) =>
  (hit?.snippet ?? []).filter((p) => p.mark).map((p) => p.text.toLowerCase());

interface Seeded {
  incidentId: number;
  sourceId: number;
  statementId: number;
}

/** An incident with one source (and its report) and one statement drawn from that source. */
async function seed(
  writer: RecordWriter,
  o: { title: string; text: string; said: string; status?: string; kind?: string; day?: string },
): Promise<Seeded> {
  const day = o.day ?? '2021-03-04';
  const incident = await insertIncident(
    writer,
    IncidentInput.parse({
      kind: o.kind ?? 'shelling',
      title: o.title,
      dateStart: day,
      dateEnd: day,
      datePrecision: 'day',
      placeName: 'Riverside',
      lat: 10,
      lon: 20,
      geoPrecision: 'near',
      actor1: null,
      actor2: null,
      status: o.status ?? 'confirmed',
    }),
  );
  const source = await writer.insert('sources', {
    url: `https://news.example.org/${incident.id}`,
    canonical_url: null,
    publisher: 'news.example.org',
    title: `Dispatch about ${o.title}`,
    published_at: day,
    retrieved_at: `${day}T10:00:00.000Z`,
    language: 'en',
    content_type: 'text/plain',
    raw: new TextEncoder().encode(o.text),
    raw_sha256: `raw-${incident.publicId}`,
    clean_text: o.text,
    clean_sha256: `clean-${incident.publicId}`,
    extractor: 'test',
    extractor_version: '1',
    version: 1,
    previous_version_id: null,
  });
  const report = await writer.insert('reports', {
    source_id: source.id,
    kind: 'event',
    event_kind: o.kind ?? 'shelling',
    payload: '{}',
    created_at: writer.at,
  });
  await writer.insert('incident_reports', {
    incident_id: incident.id,
    report_id: report.id,
    linked_at: writer.at,
  });
  const statement = await writer.insert('statements', {
    report_id: report.id,
    source_id: source.id,
    speaker_name: 'Spokesperson Halloran',
    said_on: day,
    direct: 1,
    text: o.said,
  });
  return { incidentId: incident.id, sourceId: source.id, statementId: statement.id };
}

describeEachDatabase('search store', (t) => {
  let shown: Seeded;
  let hidden: Seeded;
  let other: Seeded;
  beforeAll(async () => {
    await audited(t.db, ctx, async (w) => {
      shown = await seed(w, {
        title: 'Mortar fire on the granary',
        text: 'Witnesses said the granary near the bridge was struck by mortar rounds before dawn.',
        said: 'The granary attack breaks the ceasefire, said the spokesperson.',
      });
      hidden = await seed(w, {
        title: 'Unverified claim about the granary',
        text: 'A post claimed the granary was looted; a zephyrine rumour nobody confirmed.',
        said: 'We deny any zephyrine operation near the granary.',
        status: 'candidate',
      });
      other = await seed(w, {
        title: 'Checkpoint protest at Ağdere',
        text: 'Residents gathered at the checkpoint, demanding the road reopen for tractors.',
        said: 'The checkpoint stays closed until further notice.',
        kind: 'protest',
        day: '2021-05-06',
      });
    });
  });

  it('finds incidents, sources and statements, each with its incident and the word marked in the snippet', async () => {
    const page = await find(t.db, { q: 'mortar' });
    const types = page.items.map((h) => h.type).sort();
    expect(types).toEqual(['incident', 'source']);
    for (const hit of page.items) {
      expect(hit.incident?.id).toBe(shown.incidentId);
      expect(marked(hit)).toContain('mortar');
      expect(hit.score).toBeGreaterThan(0);
    }
    const statement = (await find(t.db, { q: 'ceasefire', type: 'statement' })).items[0];
    expect(statement).toMatchObject({
      type: 'statement',
      id: shown.statementId,
      title: 'Spokesperson Halloran',
    });
    expect(statement?.incident?.id).toBe(shown.incidentId);
    expect(marked(statement)).toEqual(['ceasefire']);
  });

  it('never shows the public an unpublished incident, its source or its statement; staff see them', async () => {
    const everyone = await find(t.db, { q: 'zephyrine' });
    expect(keys(everyone)).toEqual(
      [`incident:${hidden.incidentId}`, `source:${hidden.sourceId}`, `statement:${hidden.statementId}`]
        .filter((k) => !k.startsWith('incident'))
        .sort(),
    );
    expect((await find(t.db, { q: 'zephyrine' }, PUBLIC)).items).toEqual([]);
    const granary = await find(t.db, { q: 'granary' }, PUBLIC);
    expect(granary.items.length).toBeGreaterThan(0);
    expect(granary.items.every((h) => h.incident?.id === shown.incidentId)).toBe(true);
    expect(JSON.stringify(granary)).not.toContain('Unverified');
    const staff = await find(t.db, { q: 'granary' }, STAFF);
    expect(staff.items.some((h) => h.incident?.id === hidden.incidentId)).toBe(true);
  });

  it('combines the incident list filters: kind, dates, status', async () => {
    expect(keys(await find(t.db, { q: 'checkpoint', kind: 'protest' }))).toEqual(
      [`incident:${other.incidentId}`, `source:${other.sourceId}`, `statement:${other.statementId}`].sort(),
    );
    expect((await find(t.db, { q: 'checkpoint', kind: 'shelling' })).items).toEqual([]);
    expect((await find(t.db, { q: 'checkpoint', from: '2021-05-07' })).items).toEqual([]);
    expect(
      (await find(t.db, { q: 'granary', status: 'candidate' })).items.every(
        (h) => h.incident?.id === hidden.incidentId,
      ),
    ).toBe(true);
    expect((await find(t.db, { q: 'granary', status: 'candidate' }, PUBLIC)).items).toEqual([]);
  });

  it('reads phrases, prefixes and exclusions', async () => {
    const incidentsOf = async (q: string, type = 'incident,source') =>
      [...new Set((await find(t.db, { q, type })).items.map((h) => h.incident?.id))].sort();
    expect(await incidentsOf('"mortar rounds"')).toEqual([shown.incidentId]);
    expect(await incidentsOf('"rounds mortar"')).toEqual([]);
    expect(await incidentsOf('tract*')).toEqual([other.incidentId]);
    expect(await incidentsOf('tract')).toEqual([]);
    expect(await incidentsOf('granary -mortar', 'incident')).toEqual([hidden.incidentId]);
    expect(await incidentsOf('granary -mortar -unverified', 'incident')).toEqual([]);
    expect(await incidentsOf('granary -"claim about"', 'incident')).toEqual([shown.incidentId]);
  });

  it('keeps the index in step after an edit and a delete', async () => {
    const fresh = await audited(t.db, ctx, (w) =>
      seed(w, { title: 'Quillback sighting', text: 'A quillback text.', said: 'Quillback words.' }),
    );
    expect((await find(t.db, { q: 'quillback', type: 'incident' })).items).toHaveLength(1);
    await audited(t.db, ctx, async (w) => {
      await w.update('incidents', fresh.incidentId, { title: 'Sturgeon sighting' });
      await w.update('statements', fresh.statementId, { text: 'Sturgeon words.' });
    });
    expect((await find(t.db, { q: 'quillback', type: 'incident,statement' })).items).toEqual([]);
    expect(keys(await find(t.db, { q: 'sturgeon', type: 'incident,statement' }))).toEqual(
      [`incident:${fresh.incidentId}`, `statement:${fresh.statementId}`].sort(),
    );
    await audited(t.db, ctx, (w) => w.remove('statements', fresh.statementId));
    expect(keys(await find(t.db, { q: 'sturgeon', type: 'statement' }))).toEqual([]);
  });

  it('follows an incident published, withdrawn, or its report moved to another, for the public and a liaison', async () => {
    const typed = 'incident,source,statement';
    const all = (x: Seeded) =>
      [`incident:${x.incidentId}`, `source:${x.sourceId}`, `statement:${x.statementId}`].sort();
    const [draft, target] = await audited(t.db, ctx, async (w) => [
      await seed(w, {
        title: 'Wherryman report',
        text: 'A wherryman saw it.',
        said: 'Wherryman words.',
        status: 'candidate',
      }),
      await seed(w, {
        title: 'Another event',
        text: 'Unrelated text.',
        said: 'Nothing here.',
        status: 'candidate',
      }),
    ]);
    const publicly = async () => keys(await find(t.db, { q: 'wherryman', type: typed }, PUBLIC));
    expect(await publicly()).toEqual([]);
    await audited(t.db, ctx, (w) => w.update('incidents', draft!.incidentId, { status: 'confirmed' }));
    expect(await publicly()).toEqual(all(draft!));
    await audited(t.db, ctx, (w) => w.update('incidents', draft!.incidentId, { status: 'candidate' }));
    expect(await publicly()).toEqual([]);
    // A liaison sees the unpublished incidents naming their party, and what rests on them.
    await audited(t.db, ctx, (w) =>
      w.insert('incident_parties', { incident_id: draft!.incidentId, party: 'QQ' }),
    );
    const liaison: Visibility = { kind: 'party', party: 'QQ' };
    expect(keys(await find(t.db, { q: 'wherryman', type: typed }, liaison))).toEqual(all(draft!));
    expect(keys(await find(t.db, { q: 'wherryman', type: typed }, { kind: 'party', party: 'QR' }))).toEqual(
      [],
    );
    // The report moved to a published incident: its source and statement follow it.
    const link = await t.db
      .selectFrom('incident_reports')
      .select('id')
      .where('incident_id', '=', draft!.incidentId)
      .executeTakeFirstOrThrow();
    await audited(t.db, ctx, async (w) => {
      await w.update('incidents', target!.incidentId, { status: 'disputed' });
      await w.update('incident_reports', Number(link.id), { incident_id: target!.incidentId });
    });
    expect(await publicly()).toEqual([`source:${draft!.sourceId}`, `statement:${draft!.statementId}`]);
  });

  it('pages through hits without repeating one', async () => {
    const all = await find(t.db, { q: 'granary', limit: '50' });
    const first = await find(t.db, { q: 'granary', limit: '2' });
    const second = await find(t.db, { q: 'granary', limit: '2', offset: '2' });
    expect(first.more).toBe(true);
    expect([...first.items, ...second.items].map((h) => `${h.type}:${h.id}`)).toEqual(
      all.items.slice(0, 4).map((h) => `${h.type}:${h.id}`),
    );
  });

  it('refuses an empty, too long or only-excluding query, naming q', async () => {
    for (const q of ['', '   ', '"" ()', '-granary', 'x'.repeat(301)]) {
      const error = await find(t.db, { q }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TruceError);
      expect((error as TruceError).message).toMatch(/^q: /);
    }
    const error = await find(t.db, { q: 'granary', limit: '51' }).catch((e: unknown) => e);
    expect((error as TruceError).message).toMatch(/^Limit must be a whole number from 1 to 50$/);
  });

  it('never fails on hostile query text: quotes, parentheses, operators, stars, any unicode', async () => {
    const hostile = [
      '"',
      '"granary',
      'granary"',
      '(granary',
      'NEAR(granary mortar)',
      'granary OR mortar',
      'granary AND',
      'NOT granary',
      '*',
      '**granary',
      'gran*ary*',
      'title:granary',
      '^granary',
      "granary' or 1=1 --",
      'granary & mortar | !x',
      "'granary':*",
      '\\"granary\\"',
      'ğranary',
      '穀物 倉庫',
      'حبوب',
      '🙂 granary',
      'e\u0301cole',
      '-"mortar rounds" granary',
      'a'.repeat(300),
    ];
    for (const q of hostile) {
      const outcome = await find(t.db, { q }, PUBLIC).catch((e: unknown) => e);
      if (outcome instanceof Error) {
        expect(outcome).toBeInstanceOf(TruceError);
        expect(outcome.message).toMatch(/^q: /);
      } else expect(Array.isArray((outcome as SearchPage).items)).toBe(true);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60, unit: 'binary' }), async (q) => {
        const outcome = await find(t.db, { q }, PUBLIC).catch((e: unknown) => e);
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(TruceError);
          expect(outcome.message).toMatch(/^q: /);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('matches a word with or without its diacritics on SQLite (unicode61 remove_diacritics)', async () => {
    if (t.name !== 'sqlite') return;
    const page = await find(t.db, { q: 'agdere', type: 'incident' });
    expect(page.items.map((h) => h.id)).toEqual([other.incidentId]);
  });
});
