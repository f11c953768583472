import { z } from 'zod';
import {
  CasualtyCategory,
  DatePrecision,
  IncidentKind,
  IncidentStatus,
  PlacePrecision,
  Population,
  Qualifier,
  Role,
} from '../vocabulary/index.js';
import { IsoDate } from '../vocabulary/iso-date.js';

/** Domain schemas of the record; every type is derived from its schema. */

export { IsoDate };

/** A non-negative integer in a query string: digits only (no sign, fraction, exponent or space). */
export const QueryInteger = (min: number, max: number, fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const text = String(v);
      const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    })
    // What clients send, for the OpenAPI document: the raw input is text, the rule an integer.
    .meta({ type: 'integer', minimum: min, maximum: max, default: fallback });

/** Paging, the same for every list: `limit` 1–500 (default 50), `offset` 0–10,000,000. */
export const PageQuery = z.object({
  limit: QueryInteger(1, 500, 50),
  offset: QueryInteger(0, 10_000_000, 0),
});

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');

export const Span = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.end >= s.start, {
    message: 'end must not be before start',
    path: ['end'],
  });
export type Span = z.infer<typeof Span>;

export const Estimate = z
  .object({
    low: z.number().int().min(0).nullable(),
    best: z.number().int().min(0).nullable(),
    high: z.number().int().min(0).nullable(),
    qualifier: Qualifier,
  })
  .refine((e) => ordered(e.low, e.best) && ordered(e.best, e.high) && ordered(e.low, e.high), {
    message: 'must satisfy low ≤ best ≤ high',
  });

const ordered = (a: number | null, b: number | null) => a === null || b === null || a <= b;

export const CasualtyFigure = z
  .object({
    category: CasualtyCategory,
    population: Population.default('unknown'),
    claimant: z.string().nullable().default(null),
    asOf: IsoDate.nullable().default(null),
    cumulative: z.boolean().default(false),
    span: Span.nullable().default(null),
  })
  .and(Estimate);
export type CasualtyFigure = z.infer<typeof CasualtyFigure>;

export const IncidentInput = z.object({
  kind: IncidentKind,
  title: z.string().trim().min(1, 'must not be empty').max(500),
  summary: z.string().max(20_000).nullable().default(null),
  /** Null (both, with precision `unknown`) when nothing dates the event: never the day it was read. */
  dateStart: IsoDate.nullable(),
  dateEnd: IsoDate.nullable(),
  datePrecision: DatePrecision.default('day'),
  placeName: z.string().max(300).nullable().default(null),
  country: z.string().length(2).nullable().default(null),
  admin1: z.string().nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  geoPrecision: PlacePrecision.nullable().default(null),
  actor1: z.string().nullable().default(null),
  actor2: z.string().nullable().default(null),
  status: IncidentStatus.default('candidate'),
  casualties: z.array(CasualtyFigure).default([]),
});
export type IncidentInput = z.input<typeof IncidentInput>;
export type ParsedIncidentInput = z.infer<typeof IncidentInput>;

export const Incident = IncidentInput.omit({ casualties: true }).extend({
  id: z.number().int(),
  publicId: z.string(),
  acled: z.object({ eventType: z.string(), subEventType: z.string() }),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof Incident>;

export const BBox = z
  .tuple([
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
    z.number().min(-180).max(180),
    z.number().min(-90).max(90),
  ])
  .refine(([w, s, e, n]) => w <= e && s <= n, 'must be minLon,minLat,maxLon,maxLat with min ≤ max');

export const IncidentQuery = z
  .object({
    kind: z.array(IncidentKind).optional(),
    status: z.array(IncidentStatus).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    bbox: BBox.optional(),
    place: z.string().trim().min(1).max(200).optional(),
    party: z.string().trim().min(1).max(200).optional(),
    sort: z.enum(['newest', 'oldest', 'updated']).default('newest'),
    /** `1`: only incidents with no date (a date filter leaves them out); `0`: only dated ones. */
    undated: z.enum(['0', '1']).optional(),
    /** The list's keyset cursors: the page after `nextCursor`, or the page before `prevCursor`. */
    after: z.string().min(1).max(500).optional(),
    before: z.string().min(1).max(500).optional(),
    /** `no`: only incidents with no coordinates (the map cannot draw them); `yes`: only placed ones. */
    located: z.enum(['yes', 'no']).optional().meta({
      description:
        'no: only incidents with no coordinates (the ones the map counts apart; not with bbox); yes: only ones with coordinates',
    }),
  })
  .extend(PageQuery.shape);
export type IncidentQuery = z.input<typeof IncidentQuery>;
export type ParsedIncidentQuery = z.infer<typeof IncidentQuery>;

/** The statements list: who, between which days, one page. */
export const StatementQuery = z
  .object({
    speaker: z.string().trim().min(1).max(200).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .extend(PageQuery.shape);
export type ParsedStatementQuery = z.infer<typeof StatementQuery>;

export const ReportInput = z.object({
  kind: z.enum(['event', 'statement', 'figure']),
  eventKind: IncidentKind.nullable().default(null),
  dateStart: IsoDate.nullable().default(null),
  dateEnd: IsoDate.nullable().default(null),
  datePrecision: DatePrecision.nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type ReportInput = z.input<typeof ReportInput>;

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9._-]+$/i, 'may hold letters, digits, dot, dash, underscore'),
  displayName: z.string().max(200).nullable().default(null),
  role: Role,
  party: z.string().nullable().default(null),
});
