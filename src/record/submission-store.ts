import { actorOf, PUBLIC_ACTOR } from '../audit/actor.js';
import { z } from 'zod';
import { audited, type RecordWriter } from '../audit/audit-store.js';
import { sha256Hex } from '../audit/chain.js';
import { isUniqueViolation, type Db } from '../platform/db/dialect.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import { insertIncident } from './incident-store.js';
import { findPlaceByName } from './place-lookup.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './photo-limits.js';
import { stripPhotoMetadata } from './photos.js';
import { IsoDate, type ParsedIncidentInput } from './schemas.js';
import { IncidentKind, type PlacePrecision } from '../vocabulary/index.js';

/** The key a sender makes for one submission, so a resend of it is recognised (public, field, activity). */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'must be 8 to 100 characters')
  .max(100, 'must be 8 to 100 characters');
const Key = IdempotencyKey;

/** Photos sent with a report, base64: JPEG or PNG, their location metadata stripped before storing. */
const Photos = z
  .array(
    z.object({
      mediaType: z.string().max(100),
      data: z
        .string()
        .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, `must be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`),
    }),
  )
  .max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`);

/** The public report form. The two required-field messages are the ones the form shows. */
export const PublicReport = z.object({
  comment: z
    .string({ error: 'Please enter your comment!' })
    .trim()
    .min(1, 'Please enter your comment!')
    .max(10_000, 'must be at most 10,000 characters'),
  name: z
    .string({ error: 'Please enter your name here' })
    .trim()
    .min(1, 'Please enter your name here')
    .max(200, 'must be at most 200 characters'),
  contact: z.string().trim().max(300).nullable().optional(),
  placeName: z.string().trim().max(300).nullable().optional(),
  date: IsoDate.nullable().optional(),
  idempotencyKey: Key,
  website: z.string().max(500).optional(),
  photos: Photos.optional(),
});
export type PublicReport = z.infer<typeof PublicReport>;

/** A monitor's field report. */
export const FieldReport = z
  .object({
    kind: IncidentKind,
    date: IsoDate,
    placeName: z.string().trim().max(300).nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lon: z.number().min(-180).max(180).nullable().optional(),
    description: z.string().trim().min(1, 'must describe what was seen').max(20_000),
    killed: z.number().int().min(0).max(100_000).nullable().optional(),
    injured: z.number().int().min(0).max(100_000).nullable().optional(),
    /** How far the device's position may be off, in metres, as the device reported it. */
    accuracyM: z.number().finite().min(0, 'must be 0 or more metres').max(1_000_000).nullable().optional(),
    /** When the monitor saw it (the report may be sent hours later, from an outbox). */
    observedAt: z.iso
      .datetime({ offset: true, error: 'must be a date and time (ISO 8601)' })
      .nullable()
      .optional(),
    /** Taken with the phone's camera; their location metadata is stripped (the position is `lat`/`lon`). */
    photos: Photos.optional(),
    idempotencyKey: Key,
  })
  .superRefine((report, ctx) => {
    // A point needs both coordinates: one alone is refused rather than silently dropped.
    const [lat, lon] = [report.lat ?? null, report.lon ?? null];
    if (lat !== null && lon === null)
      ctx.addIssue({ code: 'custom', path: ['lon'], message: 'is required when Latitude is given' });
    if (lon !== null && lat === null)
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'is required when Longitude is given' });
  });
export type FieldReport = z.infer<typeof FieldReport>;

export type SubmissionOutcome =
  { readonly status: 'created' | 'repeated'; readonly incidentId: number } | { readonly status: 'dropped' };

/**
 * Files a public report as a candidate incident for review. A retry with the same idempotency key
 * returns the first outcome (the key is unique in the database, so a race cannot duplicate); a
 * filled honeypot is dropped silently. The reporter's name and contact stay in
 * `public_submissions` and enter the audit chain only as digests.
 */
export async function submitPublicReport(
  db: Db,
  raw: unknown,
  clock: () => Date,
): Promise<SubmissionOutcome> {
  const input = parseInput(PublicReport, raw, 'body');
  if (input.website && input.website.trim() !== '') return { status: 'dropped' };
  const photos = cleanPhotos(input.photos);
  const day = input.date ?? clock().toISOString().slice(0, 10);
  const place = placeOf(input.placeName);
  const key = scopedKey('public', null, input.idempotencyKey);
  return withIdempotency(db, key, () =>
    audited(db, { actor: PUBLIC_ACTOR, reason: 'public report form', clock }, async (writer) => {
      const filed = await fileCandidate(writer, {
        kind: 'other',
        title: `Public report: ${input.comment.slice(0, 80)}`,
        text: input.comment,
        day,
        typedPlace: input.placeName ?? null,
        place,
        casualties: [],
        payload: { channel: 'public', comment: input.comment, placeName: input.placeName ?? null },
        submission: {
          key,
          channel: 'public',
          name: input.name,
          contact: input.contact ?? null,
        },
      });
      await storePhotos(writer, filed.reportId, photos);
      return filed.incidentId;
    }),
  );
}

/** Each photo with its location and identifying metadata stripped (a bad one refused, naming it). */
function cleanPhotos(photos: PublicReport['photos']): ReturnType<typeof stripPhotoMetadata>[] {
  return (photos ?? []).map((p, i) =>
    stripPhotoMetadata(Buffer.from(p.data, 'base64'), p.mediaType, `photos.${i}`),
  );
}

async function storePhotos(
  writer: RecordWriter,
  reportId: number,
  photos: readonly ReturnType<typeof stripPhotoMetadata>[],
): Promise<void> {
  for (const photo of photos) {
    await writer.insert('attachments', {
      report_id: reportId,
      media_type: photo.type,
      bytes: photo.bytes,
      sha256: sha256Hex(photo.bytes),
      created_at: writer.at,
    });
  }
}

/** Files a monitor's field report as a candidate incident, idempotent like the public form. */
export async function submitFieldReport(
  db: Db,
  raw: unknown,
  monitor: string,
  clock: () => Date,
): Promise<SubmissionOutcome> {
  const input = parseInput(FieldReport, raw, 'body');
  // The latest day anywhere on Earth (UTC+14) is still today somewhere; a later one is a mistake.
  const latest = new Date(clock().getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  if (input.date > latest) throw invalid('date', 'must not be in the future');
  if (input.observedAt != null && Date.parse(input.observedAt) > clock().getTime() + 5 * 60_000)
    throw invalid('observedAt', 'must not be in the future');
  const photos = cleanPhotos(input.photos);
  const found = placeOf(input.placeName);
  const place =
    input.lat != null && input.lon != null
      ? { ...found, lat: input.lat, lon: input.lon, precision: 'exact' as const }
      : found;
  const counted = (category: 'killed' | 'injured', n: number | null | undefined) =>
    n == null
      ? []
      : [
          {
            category,
            population: 'unknown',
            low: n,
            best: n,
            high: n,
            qualifier: 'exact' as const,
            claimant: monitor,
            asOf: input.date,
            cumulative: false,
            span: null,
          },
        ];
  const key = scopedKey('field', monitor, input.idempotencyKey);
  return withIdempotency(db, key, () =>
    audited(db, { actor: actorOf({ username: monitor }), reason: 'field report', clock }, async (writer) => {
      const filed = await fileCandidate(writer, {
        kind: input.kind,
        title: `Field report: ${input.description.slice(0, 80)}`,
        text: input.description,
        day: input.date,
        typedPlace: input.placeName ?? null,
        place,
        casualties: [...counted('killed', input.killed), ...counted('injured', input.injured)],
        payload: {
          channel: 'field',
          monitor,
          description: input.description,
          ...(input.accuracyM != null ? { accuracyM: input.accuracyM } : {}),
          ...(input.observedAt != null ? { observedAt: input.observedAt } : {}),
        },
        submission: { key, channel: 'field', name: null, contact: null },
      });
      await storePhotos(writer, filed.reportId, photos);
      return filed.incidentId;
    }),
  );
}

interface Candidate {
  readonly kind: IncidentKind;
  readonly title: string;
  readonly text: string;
  readonly day: string;
  readonly typedPlace: string | null;
  readonly place: FoundPlace;
  readonly casualties: ParsedIncidentInput['casualties'];
  readonly payload: Record<string, unknown>;
  readonly submission: {
    key: string;
    channel: 'public' | 'field';
    name: string | null;
    contact: string | null;
  };
}

/** A submission becomes a candidate incident with one report, and its idempotency key is taken. */
async function fileCandidate(
  writer: RecordWriter,
  c: Candidate,
): Promise<{ incidentId: number; reportId: number }> {
  const { place } = c;
  const incident = await insertIncident(
    writer,
    {
      kind: c.kind,
      title: c.title,
      summary: c.text,
      dateStart: c.day,
      dateEnd: c.day,
      datePrecision: 'day',
      placeName: place.name ?? c.typedPlace,
      country: place.country,
      admin1: null,
      lat: place.lat,
      lon: place.lon,
      geoPrecision: place.precision,
      actor1: null,
      actor2: null,
      status: 'candidate',
      casualties: c.casualties,
    },
    [
      {
        kind: 'event',
        eventKind: c.kind,
        dateStart: c.day,
        dateEnd: c.day,
        lat: place.lat,
        lon: place.lon,
        payload: c.payload,
      },
    ],
  );
  const link = await writer.trx
    .selectFrom('incident_reports')
    .select('report_id')
    .where('incident_id', '=', incident.id)
    .executeTakeFirstOrThrow();
  await writer.insert('public_submissions', {
    idempotency_key: c.submission.key,
    incident_id: incident.id,
    report_id: link.report_id,
    channel: c.submission.channel,
    reporter_name: c.submission.name,
    reporter_contact: c.submission.contact,
    created_at: writer.at,
  });
  return { incidentId: incident.id, reportId: link.report_id };
}

interface FoundPlace {
  readonly name: string | null;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly precision: PlacePrecision | null;
}

/** A typed place name placed with the gazetteer, named by its neutral name (every party's name, "A / B"). */
function placeOf(name: string | null | undefined): FoundPlace {
  const found = name ? findPlaceByName(defaultGazetteer(), name) : null;
  if (!found) return { name: null, country: null, lat: null, lon: null, precision: null };
  const precision =
    found.kind === 'country'
      ? 'country'
      : found.kind === 'region'
        ? 'region'
        : found.kind === 'district'
          ? 'district'
          : 'near';
  return {
    name: found.names.slice(0, 2).join(' / '),
    country: found.country,
    lat: found.lat,
    lon: found.lon,
    precision,
  };
}

/**
 * An idempotency key in its namespace: the channel, and the account for signed-in senders, so a
 * key one sender chose can never swallow another's submission.
 *
 * @example scopedKey('field', 'mira', 'k-1234567') // 'field:mira:k-1234567'
 */
export const scopedKey = (
  channel: 'public' | 'field' | 'activity',
  account: string | null,
  key: string,
): string => (account === null ? `${channel}:${key}` : `${channel}:${account}:${key}`);

async function withIdempotency(
  db: Db,
  key: string,
  create: () => Promise<number>,
): Promise<SubmissionOutcome> {
  const earlier = async () =>
    db
      .selectFrom('public_submissions')
      .select('incident_id')
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  const seen = await earlier();
  if (seen) return { status: 'repeated', incidentId: seen.incident_id };
  try {
    return { status: 'created', incidentId: await create() };
  } catch (error) {
    const winner = isUniqueViolation(error) ? await earlier() : undefined;
    if (winner) return { status: 'repeated', incidentId: winner.incident_id };
    throw error;
  }
}
