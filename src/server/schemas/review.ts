import { z } from 'zod';
import { IncidentQuery, QueryInteger } from '../../record/schemas.js';
import { BULK_REVIEW_ACTIONS } from '../../record/review-bulk-store.js';
import { DEFAULT_ORDER, REVIEW_QUEUE_SORTS } from '../../record/review-queue.js';
import { REVIEW_ACTIONS } from '../../record/review.js';
import { IncidentStatus } from '../../vocabulary/index.js';
import { ErrorBody } from './common.js';
import { IncidentSchema } from './record.js';

/** The review queue and bulk review: what the routes take and answer. */

const QueueOptions = z.object({
  sort: z.enum(REVIEW_QUEUE_SORTS).default('arrival'),
  /** Default: the sort's own direction (`arrival` oldest first, `date` and `score` highest first). */
  order: z.enum(['asc', 'desc']).optional(),
  /** The `nextCursor` of the page before; absent for the first page. */
  cursor: z.string().min(1).max(500).optional(),
  limit: QueryInteger(1, 500, 50),
});

/** The options of the queue itself; the incident filters are parsed by `parseIncidentFilters`. */
export const ReviewQueueOptions = QueueOptions.transform((o) => ({
  ...o,
  order: o.order ?? DEFAULT_ORDER[o.sort],
}));

/** The whole query, as the OpenAPI document shows it: the incident filters and the queue's options. */
export const ReviewQueueQuery = IncidentQuery.omit({ sort: true, limit: true, offset: true }).extend(
  QueueOptions.shape,
);

const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

/** What an incident's review actions can be, as cards and the incident page offer them. */
export type IncidentAction = (typeof REVIEW_ACTIONS)[number];
export type QueueSort = (typeof REVIEW_QUEUE_SORTS)[number];

export const ReviewCard = z
  .object({
    incident: IncidentSchema,
    score: Nullable(z.number()),
    reportCount: z.number().int().min(0),
    reports: z.array(
      z.object({
        id: z.number().int(),
        eventKind: Nullable(z.string()),
        source: Nullable(
          z.object({
            id: z.number().int(),
            outlet: Nullable(z.string()),
            title: Nullable(z.string()),
            url: Nullable(z.string()),
            published: Nullable(z.string()),
          }),
        ),
        excerpt: Nullable(z.object({ text: z.string(), ...Span.shape })),
        spans: z.array(Span),
      }),
    ),
    suggestions: z.array(
      z.object({
        id: z.number().int(),
        score: z.number(),
        reason: z.string(),
        incident: z.object({
          id: z.number().int(),
          title: z.string(),
          status: IncidentStatus,
          kind: z.string(),
          dateStart: Nullable(z.string()),
          placeName: Nullable(z.string()),
        }),
      }),
    ),
    actions: z.array(z.enum(REVIEW_ACTIONS)),
  })
  .meta({ id: 'ReviewCard' });
export type ReviewCard = z.infer<typeof ReviewCard>;
export type CardReport = ReviewCard['reports'][number];
export type SuggestedDuplicate = ReviewCard['suggestions'][number];

export const ReviewQueuePage = z
  .object({
    items: z.array(ReviewCard),
    total: z.number().int().min(0),
    limit: z.number().int(),
    sort: z.enum(REVIEW_QUEUE_SORTS),
    order: z.enum(['asc', 'desc']),
    nextCursor: Nullable(z.string()),
  })
  .meta({ id: 'ReviewQueuePage' });
export type ReviewQueuePage = z.infer<typeof ReviewQueuePage>;

export const BulkReview = z.object({
  action: z.enum(Object.keys(BULK_REVIEW_ACTIONS) as [keyof typeof BULK_REVIEW_ACTIONS]),
  reason: z.string().trim().min(1, 'must say why').max(2000),
  items: z
    .array(
      z.object({ id: z.number().int().min(1), baseVersion: z.number().int().min(1).nullable().optional() }),
    )
    .min(1, 'must name at least one incident')
    .max(500, 'must name at most 500 incidents at once'),
});

export const BulkReviewResult = z
  .object({
    done: z.number().int().min(0),
    failed: z.number().int().min(0),
    outcomes: z.array(
      z.union([
        z.object({
          id: z.number().int(),
          ok: z.literal(true),
          status: IncidentStatus,
          version: z.number().int(),
        }),
        z.object({ id: z.number().int(), ok: z.literal(false), error: ErrorBody.shape.error }),
      ]),
    ),
  })
  .meta({ id: 'BulkReviewResult' });
export type BulkReviewResult = z.infer<typeof BulkReviewResult>;
export type BulkOutcome = BulkReviewResult['outcomes'][number];
