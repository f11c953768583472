import { z } from 'zod';
import {
  ACLED_EVENT_TYPES,
  ExtractedDatePrecision,
  IncidentKind,
  PlacePrecision,
  Qualifier,
} from '../vocabulary/index.js';

export { PlacePrecision, Qualifier };

/**
 * The extraction contract (design.md, "The extraction contract") as zod schemas; the types are
 * derived from them and `schemas/extraction.schema.json` is generated from `Extraction`.
 */
export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof Span>;

/** Extraction's date precisions (finer than the record's; see `recordDatePrecision`). */
export const DatePrecision = ExtractedDatePrecision;
export type DatePrecision = z.infer<typeof DatePrecision>;

export const DateRange = z.object({
  start: z.string(),
  end: z.string(),
  precision: DatePrecision,
  /** The words the date came from; empty when the date is the publication date by default. */
  text: z.string(),
  /** True when no date was written near the fact and the publication date stands in. */
  inferred: z.boolean(),
});
export type DateRange = z.infer<typeof DateRange>;

export const Place = z.object({
  id: z.string(),
  name: z.string(),
  names: z.array(z.string()),
  kind: z.string(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  precision: PlacePrecision,
  /**
   * For a place the gazetteer does not list (no coordinates of its own): the id of the listed
   * place the text puts it in, so it stays compatible with that place and what contains it.
   */
  within: z.string().optional(),
});
export type Place = z.infer<typeof Place>;

export const Count = z.object({
  low: z.number().nullable(),
  best: z.number(),
  high: z.number().nullable(),
  qualifier: Qualifier,
});
export type Count = z.infer<typeof Count>;

export const AcledType = z.object({ event_type: z.enum(ACLED_EVENT_TYPES), sub_event_type: z.string() });

export const Event = z.object({
  kind: IncidentKind,
  acled: AcledType,
  date: DateRange.nullable(),
  place: Place.nullable(),
  actor1: z.string().nullable(),
  actor2: z.string().nullable(),
  killed: Count.optional(),
  injured: Count.optional(),
  evidence: z.array(Span).min(1),
});
export type Event = z.infer<typeof Event>;

export const Quote = z.object({
  speaker: z.string().nullable(),
  speakerId: z.string().nullable(),
  text: z.string(),
  direct: z.boolean(),
  /** A fragment quoted inside reported speech ("called it a “surrender”"). */
  partial: z.boolean(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Quote = z.infer<typeof Quote>;

export const Figure = z.object({
  value: z.number(),
  low: z.number().nullable(),
  best: z.number(),
  high: z.number().nullable(),
  qualifier: Qualifier,
  kind: z.string(),
  unit: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Figure = z.infer<typeof Figure>;

export const MentionEntry = z.object({
  id: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  country: z.string().nullable(),
  spans: z.array(Span),
});
export type MentionEntry = z.infer<typeof MentionEntry>;

/** A place mention: the place it was resolved to, where it is, and how sure and why. */
export const PlaceMentionEntry = MentionEntry.extend({
  /** The first-level division (state, province, oblast…) the place lies in, or is. */
  admin1: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  precision: PlacePrecision,
  /** 0.5 a toss-up between places of one name, 1 certain. */
  confidence: z.number().min(0).max(1),
  reason: z.string(),
});
export type PlaceMentionEntry = z.infer<typeof PlaceMentionEntry>;

export const Mentions = z.object({
  people: z.array(MentionEntry),
  organizations: z.array(MentionEntry),
  places: z.array(PlaceMentionEntry),
});
export type Mentions = z.infer<typeof Mentions>;

export const DocumentInfo = z.object({
  title: z.string().nullable(),
  text: z.string(),
  published: z.string().nullable(),
  language: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  isHtml: z.boolean(),
  charset: z.string(),
  /** Why facts were not extracted, when they were not (`not_english`, `empty`). */
  flags: z.array(z.string()),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const Extraction = z.object({
  document: DocumentInfo,
  events: z.array(Event),
  quotes: z.array(Quote),
  figures: z.array(Figure),
  mentions: Mentions,
});
export type Extraction = z.infer<typeof Extraction>;
