import type { RecordWriter } from '../audit/audit-store.js';
import type { Event } from '../extract/schema.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import type { RowPatch } from '../platform/db/schema.js';
import type { Theatre } from '../theatre/theatre.js';
import { INCIDENT_KIND, recordedPrecisionOf, type DatePrecision } from '../vocabulary/index.js';
import { claimOfEvent, type ArticleDating } from './claims.js';
import { decideMerge, type Comparison, type MergeDecision } from './dedup.js';
import { syncIncidentParties } from './incident-party-store.js';
import { absorbClaim, foldClaims } from './merge-absorb.js';
import { groupArticleEvents } from './merge-article.js';
import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';
import type { MergeClaimCache } from './merge-claim-cache.js';
import type { Claim } from './merge-features.js';
import { candidateIncidents, ensurePlace, linkReport, openIncident, storedDates } from './merge-store.js';
import { suggestDuplicate } from './merge-suggestion-store.js';

/** What storing an article's events needs: the writer, the gazetteer and theatre, the article's dating. */
export interface EventContext {
  readonly writer: RecordWriter;
  readonly gazetteer: Gazetteer;
  readonly theatre: Theatre;
  readonly dating: ArticleDating & { readonly sourceId: number };
  readonly insertSpan: (start: number, end: number) => Promise<number>;
  readonly config?: MergeConfig;
  readonly claimCache?: MergeClaimCache;
}

interface Told {
  readonly event: Event;
  readonly claim: Claim;
  readonly reportId: number;
}

/**
 * Stores an article's events as reports and merges them: the sentences telling one event are
 * grouped first (`groupArticleEvents`), then each distinct event is decided on its own against
 * the record (`decideMerge`), joining an incident, or opening one (with a possible-duplicate
 * suggestion when it scored between the thresholds). Two distinct events of one article never
 * share an incident: their claims carry the article, and the comparison keeps them apart.
 */
export async function storeArticleEvents(
  ctx: EventContext,
  events: readonly Event[],
): Promise<{ opened: number; joined: number }> {
  const claims = events.map((e) => claimOfEvent(ctx.gazetteer, e, ctx.dating, ctx.theatre));
  let opened = 0;
  let joined = 0;
  for (const group of groupArticleEvents(claims, ctx.config)) {
    const told: Told[] = [];
    for (const index of group) {
      const [event, claim] = [events[index] as Event, claims[index] as Claim];
      told.push({ event, claim, reportId: await storeReport(ctx, event, claim) });
    }
    if ((await mergeGroup(ctx, told)) === 'opened') opened += told.length;
    else joined += told.length;
  }
  return { opened, joined };
}

async function storeReport(ctx: EventContext, event: Event, claim: Claim): Promise<number> {
  const { writer } = ctx;
  const spanIds = [];
  for (const e of event.evidence) spanIds.push(await ctx.insertSpan(e.start, e.end));
  const gazetteerPlace = event.place ? ctx.gazetteer.byId.get(event.place.id) : undefined;
  const placeId = gazetteerPlace ? await ensurePlace(writer, gazetteerPlace) : null;
  const undated = claim.dateBasis === 'unknown';
  const report = await writer.insert('reports', {
    source_id: ctx.dating.sourceId,
    kind: 'event',
    event_kind: claim.kind,
    // No date at all: the capture day would be a false one, so the report keeps none.
    date_start: undated ? null : claim.dateStart,
    date_end: undated ? null : claim.dateEnd,
    date_precision: undated ? 'unknown' : recordedPrecisionOf(event.date),
    place_id: placeId,
    lat: claim.place?.lat ?? null,
    lon: claim.place?.lon ?? null,
    payload: JSON.stringify({ ...event, spanIds }),
    created_at: writer.at,
  });
  for (const [category, count] of [
    ['killed', event.killed],
    ['injured', event.injured],
  ] as const) {
    if (!count) continue;
    await writer.insert('casualty_figures', {
      report_id: report.id,
      category,
      population: 'unknown',
      low: count.low ?? count.best,
      best: count.best,
      high: count.high ?? count.best,
      qualifier: count.qualifier,
      span_id: spanIds[0] ?? null,
      as_of: undated ? null : claim.dateEnd,
      cumulative: 0,
    });
  }
  return report.id;
}

/** The explanation kept on each link: the comparison, what came of it, and against which incident. */
export type MergeExplanation =
  | (Comparison & { readonly outcome: 'joined' | 'opened' | 'retold'; readonly candidate: number | null })
  | { readonly outcome: 'opened'; readonly candidate: null; readonly reason: string };

const NO_CANDIDATE = (config: MergeConfig): MergeExplanation => ({
  outcome: 'opened',
  candidate: null,
  reason: `opened a new incident: no incident of a related kind within ${config.maxGapDays} days and ${config.blockBoxDegrees}° of it`,
});

async function mergeGroup(ctx: EventContext, told: readonly Told[]): Promise<'opened' | 'joined'> {
  const config = ctx.config ?? MERGE_CONFIG;
  const claim = foldClaims(told.map((t) => t.claim)) as Claim;
  const candidates = await candidateIncidents(ctx.writer.trx, { ...ctx, config }, claim);
  const decision: MergeDecision<number> = decideMerge(claim, candidates, config);
  if (decision.kind === 'merge') {
    const before = candidates.find((c) => c.id === decision.into)?.claim ?? claim;
    await linkAll(ctx, told, decision.into, {
      ...decision.comparison,
      outcome: 'joined',
      candidate: decision.into,
    });
    await refreshIncident(ctx, decision.into, { before, after: absorbClaim(before, claim), told });
    return 'joined';
  }
  const incidentId = await openFromGroup(ctx, claim, told);
  const explanation: MergeExplanation = decision.best
    ? { ...decision.best.comparison, outcome: 'opened', candidate: decision.best.id }
    : NO_CANDIDATE(config);
  await linkAll(ctx, told, incidentId, explanation);
  if (decision.suggestion)
    await suggestDuplicate(ctx.writer, {
      incidentId,
      candidateId: decision.suggestion.id,
      comparison: decision.suggestion.comparison,
    });
  await syncIncidentParties(ctx.writer, incidentId, ctx.theatre);
  return 'opened';
}

async function linkAll(
  ctx: EventContext,
  told: readonly Told[],
  incidentId: number,
  explanation: MergeExplanation,
): Promise<void> {
  for (const [index, t] of told.entries()) {
    const retold: MergeExplanation =
      index === 0 || !('score' in explanation)
        ? explanation
        : {
            ...explanation,
            outcome: 'retold',
            reason: `the same event told again in this article; ${explanation.reason}`,
          };
    await linkReport(ctx.writer, { incidentId, reportId: t.reportId, explanation: retold });
  }
}

/** The member whose place (or date) the group's claim took. */
const giverOf = (told: readonly Told[], pick: (c: Claim) => boolean): Told | undefined =>
  told.find((t) => pick(t.claim));

async function openFromGroup(ctx: EventContext, claim: Claim, told: readonly Told[]): Promise<number> {
  const placed = giverOf(told, (c) => c.place?.id === claim.place?.id) ?? told[0];
  const dated =
    giverOf(told, (c) => c.dateStart === claim.dateStart && c.dateEnd === claim.dateEnd) ?? told[0];
  const event = placed?.event ?? null;
  const gazetteerPlace = event?.place ? ctx.gazetteer.byId.get(event.place.id) : undefined;
  return openIncident(ctx.writer, {
    claim,
    title: titleOf(claim.kind, event?.place?.name ?? null),
    placeId: gazetteerPlace ? await ensurePlace(ctx.writer, gazetteerPlace) : null,
    placeName: event?.place?.name ?? null,
    country: event?.place?.country ?? null,
    actor1: told.find((t) => t.event.actor1)?.event.actor1 ?? null,
    actor2: told.find((t) => t.event.actor2)?.event.actor2 ?? null,
    datePrecision: precisionOf(claim, dated?.event ?? null),
  });
}

const precisionOf = (claim: Claim, event: Event | null): DatePrecision =>
  claim.dateBasis === 'unknown' ? 'unknown' : recordedPrecisionOf(event?.date ?? null);

/**
 * A report joined: the incident takes what the merge now knows (`absorbClaim`) — the finer place,
 * the stated date over an assumed one, the specific kind over a bare "violation" — its version
 * moves (so stale edits conflict), and missing actors fill in.
 */
async function refreshIncident(
  ctx: EventContext,
  id: number,
  change: { before: Claim; after: Claim; told: readonly Told[] },
): Promise<void> {
  const { writer } = ctx;
  const { before, after, told } = change;
  const current = await writer.trx
    .selectFrom('incidents')
    .select(['version', 'actor1', 'actor2'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const patch: RowPatch<'incidents'> = {};
  const placeGiver =
    after.place?.id !== before.place?.id ? giverOf(told, (c) => c.place?.id === after.place?.id) : undefined;
  const place = placeGiver?.event.place;
  if (place) {
    const gazetteerPlace = ctx.gazetteer.byId.get(place.id);
    Object.assign(patch, {
      place_id: gazetteerPlace ? await ensurePlace(writer, gazetteerPlace) : null,
      place_name: place.name,
      country: place.country,
      lat: after.place?.lat ?? null,
      lon: after.place?.lon ?? null,
      geo_precision: after.place?.precision ?? null,
      title: titleOf(after.kind, place.name),
    });
  }
  const basis = (c: Claim) => c.dateBasis ?? 'event';
  if (
    after.dateStart !== before.dateStart ||
    after.dateEnd !== before.dateEnd ||
    basis(after) !== basis(before)
  ) {
    const dated = giverOf(told, (c) => c.dateStart === after.dateStart && c.dateEnd === after.dateEnd);
    Object.assign(patch, {
      ...storedDates(after),
      date_precision: precisionOf(after, dated?.event ?? null),
    });
  }
  if (after.kind !== before.kind) {
    const acled = INCIDENT_KIND[after.kind].acled;
    Object.assign(patch, {
      kind: after.kind,
      acled_event_type: acled.event_type,
      acled_sub_event_type: acled.sub_event_type,
    });
  }
  await writer.update(
    'incidents',
    id,
    {
      ...patch,
      version: current.version + 1,
      updated_at: writer.at,
      actor1: current.actor1 ?? told.find((t) => t.event.actor1)?.event.actor1 ?? null,
      actor2: current.actor2 ?? told.find((t) => t.event.actor2)?.event.actor2 ?? null,
    },
    { action: 'report_joined' },
  );
  await syncIncidentParties(writer, id, ctx.theatre);
}

export const titleOf = (kind: string, place: string | null): string => {
  const label = kind.replaceAll('_', ' ');
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  return place ? `${capital} — ${place}` : capital;
};
