import { z } from 'zod';
import { Incident } from '../../record/schemas.js';
import { RESPONSE_STANCES, REVIEW_ACTIONS } from '../../record/review.js';
import { CasualtyCategory, IncidentKind, IncidentStatus } from '../../vocabulary/index.js';
import { pageOf } from './common.js';

/** What the routes reading the record answer: incidents, one incident in full, sources, the map. */

export const IncidentSchema = Incident.meta({ id: 'Incident' });
/**
 * A page of the incident list: read by keyset (`nextCursor`, `prevCursor`); `offset` is where the
 * page starts in the order; `total` counts at most 10,000 (`totalCapped` when more match).
 */
export const IncidentPage = pageOf(IncidentSchema)
  .extend({
    totalCapped: z.boolean(),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
  })
  .meta({ id: 'IncidentPage' });
export type IncidentPage = z.infer<typeof IncidentPage>;

const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const EvidenceSpan = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  textSha256: z.string(),
  text: z.string(),
});

/**
 * Why a report is on the incident: the comparison's features, the reason it opened a new one when
 * no incident was near enough to compare with, or the split that moved it.
 */
const MergeExplanation = z.union([
  z.looseObject({
    score: z.number(),
    merge: z.boolean(),
    reason: z.string(),
    features: z.array(
      z.looseObject({
        name: z.string(),
        value: z.number(),
        weight: z.number(),
        veto: z.boolean(),
        note: z.string(),
      }),
    ),
  }),
  z.looseObject({ outcome: z.literal('opened'), candidate: z.null(), reason: z.string() }),
  z.looseObject({ split: z.string() }),
]);

const ReportView = z.object({
  id: z.number().int(),
  kind: z.string(),
  eventKind: Nullable(z.string()),
  dateStart: Nullable(z.string()),
  dateEnd: Nullable(z.string()),
  source: Nullable(
    z.object({
      id: z.number().int(),
      url: Nullable(z.string()),
      title: Nullable(z.string()),
      publisher: Nullable(z.string()),
      published: Nullable(z.string()),
    }),
  ),
  spans: z.array(EvidenceSpan),
  merge: z.object({
    score: Nullable(z.number()),
    explanation: Nullable(MergeExplanation),
    fromIncident: Nullable(z.number().int()),
  }),
});

const Range = { low: z.number(), best: z.number(), high: z.number() };

export const IncidentDetail = z
  .object({
    incident: IncidentSchema,
    mergedInto: Nullable(z.number().int()),
    reports: z.array(ReportView),
    casualties: z.array(
      z.object({
        category: z.string(),
        population: z.string(),
        ...Range,
        reports: z.array(z.number().int()),
        note: z.string(),
      }),
    ),
    deaths: z.number().min(0),
    totals: z.array(z.object({ category: CasualtyCategory, ...Range })),
    responses: z.array(
      z.object({
        id: z.number().int(),
        party: z.string(),
        partyName: z.string(),
        stance: z.string(),
        text: z.string(),
        createdAt: z.string(),
      }),
    ),
    history: z.array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        reason: Nullable(z.string()),
      }),
    ),
    mayReply: z.boolean().meta({
      description: 'Whether the caller may file a response: a liaison of a party the incident names',
    }),
    /** The review actions that make sense for this incident and this caller (`reviewActions`). */
    actions: z.array(z.enum(REVIEW_ACTIONS)),
    /** The incidents merged into this one whose reports it holds (each can be unmerged). */
    mergedFrom: z.array(z.number().int()),
  })
  .meta({ id: 'IncidentDetail' });
export type IncidentDetail = z.infer<typeof IncidentDetail>;
export type ReportView = IncidentDetail['reports'][number];
export type ReconciledCasualty = IncidentDetail['casualties'][number];
export type PartyResponse = IncidentDetail['responses'][number];
export type HistoryEntry = IncidentDetail['history'][number];

export const SourceView = z
  .object({
    id: z.number().int(),
    url: Nullable(z.string()),
    title: Nullable(z.string()),
    publisher: Nullable(z.string()),
    published: Nullable(z.string()),
    language: Nullable(z.string()),
    text: Nullable(z.string()),
    textSha256: Nullable(z.string()),
  })
  .meta({ id: 'Source' });
export type SourceView = z.infer<typeof SourceView>;

const Counts = z.record(z.string(), z.number().int().min(0));

export const IncidentMap = z
  .object({
    clusters: z.array(
      z.object({
        lat: z.number(),
        lon: z.number(),
        count: z.number().int().min(1),
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        kinds: Counts,
      }),
    ),
    points: z.array(
      z.object({
        id: z.number().int(),
        lat: z.number(),
        lon: z.number(),
        kind: IncidentKind,
        status: IncidentStatus,
        title: z.string(),
        date: Nullable(z.string()).meta({ description: 'Null when no report dates the incident' }),
      }),
    ),
    unlocated: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Incidents the filters hold that have no coordinates: on no place of the map' }),
  })
  .meta({ id: 'IncidentMap' });
export type IncidentMap = z.infer<typeof IncidentMap>;

const Position = z.tuple([z.number(), z.number()]);
export const MapPlaces = z
  .object({
    labels: z.array(
      z.object({ name: z.string(), lat: z.number(), lon: z.number(), population: z.number().int().min(0) }),
    ),
    features: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        geometry: z.discriminatedUnion('type', [
          z.object({ type: z.literal('Point'), coordinates: Position }),
          z.object({ type: z.literal('LineString'), coordinates: z.array(Position) }),
          z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
        ]),
      }),
    ),
  })
  .meta({ id: 'MapPlaces' });

/** Whether the center serves a vector basemap of its own, and where (`truce serve --basemap`). */
export const MapBasemap = z
  .object({
    url: z
      .string()
      .nullable()
      .describe('The PMTiles archive, read with range requests; null when none is configured'),
  })
  .meta({ id: 'MapBasemap' });
export type MapBasemap = z.infer<typeof MapBasemap>;

export const IncidentTimeline = z
  .object({
    days: z.array(z.object({ date: z.string(), count: z.number().int().min(0), byKind: Counts })),
    undated: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Incidents the filters hold that no report dates: on no day of the timeline' }),
  })
  .meta({ id: 'IncidentTimeline' });
export type IncidentTimeline = z.infer<typeof IncidentTimeline>;

export const StatementView = z.object({
  id: z.number().int(),
  speaker: z.string(),
  actor: Nullable(z.object({ id: z.number().int(), name: z.string() })),
  office: Nullable(z.string()),
  date: Nullable(z.string()),
  direct: z.boolean(),
  text: z.string(),
  source: Nullable(
    z.object({ id: z.number().int(), url: Nullable(z.string()), title: Nullable(z.string()) }),
  ),
  span: Nullable(z.object({ start: z.number().int(), end: z.number().int(), textSha256: z.string() })),
});
export const StatementPage = pageOf(StatementView).meta({ id: 'StatementPage' });

/** The outcomes of the analysts' and liaisons' actions. */
export const ReviewOutcome = z.object({
  id: z.number().int(),
  status: IncidentStatus,
  version: z.number().int(),
});
export const MergeOutcome = z.object({ ok: z.literal(true), mergedInto: z.number().int() });
export const SplitOutcome = z.object({ newIncidentId: z.number().int() });
export const ResponseCreated = z.object({ id: z.number().int() });
export const ResponseStance = z.enum(RESPONSE_STANCES);

/** The public form's answer: received, with a reference unless the honeypot was filled. */
export const PublicReportReceipt = z.object({
  received: z.literal(true),
  reference: z.number().int().optional(),
  repeated: z.boolean().optional(),
});
export const FieldReportReceipt = z.union([
  z.object({ incidentId: z.number().int(), repeated: z.boolean() }),
  z.object({ received: z.literal(true) }),
]);
