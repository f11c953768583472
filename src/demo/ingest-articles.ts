import { audited, type ChangeContext } from '../audit/audit-store.js';
import { extract } from '../extract/extract.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import type { Db } from '../platform/db/dialect.js';
import { VERSION } from '../platform/version.js';
import { syncIncidentParties } from '../record/incident-party-store.js';
import { insertCasualtyFigures } from '../record/incident-store.js';
import { ingestItem, type IngestDeps } from '../record/ingest-store.js';
import { mergeIncidentsIn } from '../record/review-store.js';
import { IncidentInput } from '../record/schemas.js';
import { INCIDENT_KIND } from '../vocabulary/index.js';
import type { DemoEvent } from './nk-2020-events.js';
import type { DemoArticle } from './script.js';

/**
 * The demo's texts ingested like any article — extraction, merge, audit — each in its own
 * transaction; returns the incidents the events of each text landed in, in the texts' order.
 * A text that cannot be ingested is a fault in the demo data, not an outcome.
 *
 * @example await ingestArticles(db, context, script.articles.filter((a) => a.event === 'helicopter'))
 */
export async function ingestArticles(
  db: Db,
  context: ChangeContext,
  articles: readonly DemoArticle[],
): Promise<number[]> {
  const deps: IngestDeps = {
    db,
    gazetteer: defaultGazetteer(),
    extract,
    extractor: { name: 'truce-extract', version: VERSION },
    actor: context.actor,
  };
  const landed: number[] = [];
  for (const article of articles) {
    const outcome = await ingestItem(deps, itemOf(article), { published: article.published });
    if (outcome.status === 'failed') throw new Error(`demo text "${article.title}": ${outcome.reason}`);
    for (const id of await incidentsOfSource(db, outcome.sourceId)) if (!landed.includes(id)) landed.push(id);
  }
  return landed;
}

const itemOf = (article: DemoArticle) => ({
  label: `demo text “${article.title}” (${article.publisher}, ${article.published})`,
  bytes: new TextEncoder().encode(`${article.title}\n\n${article.body}\n`),
  url: null,
  contentType: 'text/plain',
  publisher: article.publisher,
  retrievedAt: `${article.published}T18:00:00.000Z`,
});

async function incidentsOfSource(db: Db, sourceId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('incident_reports as l')
    .innerJoin('reports as r', 'r.id', 'l.report_id')
    .select('l.incident_id')
    .where('r.source_id', '=', sourceId)
    .where('r.kind', '=', 'event')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => r.incident_id);
}

/**
 * What the demo center's analyst does with the incidents its texts opened: merges any the
 * merge left apart into the first, then records the assessment — the demo's title, summary,
 * dates, place, actors and figures — and confirms it, each change an audit entry. The captured
 * texts are its sources; the event's citations stand in only for events the demo wrote no text about.
 *
 * @example await assessIncident(db, context, [12, 14], event) // 12, now confirmed
 */
export async function assessIncident(
  db: Db,
  context: ChangeContext,
  landed: readonly number[],
  event: DemoEvent,
): Promise<number> {
  const [id, ...apart] = landed;
  if (id === undefined) throw new Error(`demo event "${event.key}": its texts opened no incident`);
  const input = IncidentInput.parse(event.incident);
  await audited(db, { ...context, reason: 'demo data: the analyst’s assessment' }, async (writer) => {
    for (const from of apart) await mergeIncidentsIn(writer, { from, into: id });
    const current = await writer.trx
      .selectFrom('incidents')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const acled = INCIDENT_KIND[input.kind].acled;
    await writer.update(
      'incidents',
      id,
      {
        kind: input.kind,
        acled_event_type: acled.event_type,
        acled_sub_event_type: acled.sub_event_type,
        title: input.title,
        summary: input.summary,
        date_start: input.dateStart,
        date_end: input.dateEnd,
        date_precision: input.datePrecision,
        place_name: input.placeName,
        country: input.country,
        admin1: input.admin1,
        lat: input.lat,
        lon: input.lon,
        geo_precision: input.geoPrecision,
        actor1: input.actor1,
        actor2: input.actor2,
        version: current.version + 1,
        updated_at: writer.at,
      },
      { action: 'assessed' },
    );
    await writer.update(
      'incidents',
      id,
      { status: input.status, version: current.version + 2, updated_at: writer.at },
      { action: `status:${input.status}` },
    );
    await insertCasualtyFigures(writer, id, input.casualties);
    await syncIncidentParties(writer, id);
  });
  return id;
}
