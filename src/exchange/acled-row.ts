import { z } from 'zod';
import { ACTOR_TYPES } from './actor-types.js';
import { readAcledDate, type DateOrder } from './acled-dates.js';
import { ACLED_SUB_EVENT_TYPES } from './acled-kinds.js';
import { fromSpreadsheetText } from './csv-safety.js';

export { ACLED_SUB_EVENT_TYPES, KIND_TAG, kindOfRow } from './acled-kinds.js';

/**
 * ACLED's own columns Truce keeps on an imported incident exactly as the file gives them (`NA`
 * read as empty), so that an export can write them back unchanged.
 */
export const KEPT_ACLED_COLUMNS = [
  'disorder_type',
  'assoc_actor_1',
  'inter1',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'source_scale',
  'tags',
  'timestamp',
] as const;
export type KeptAcledColumn = (typeof KEPT_ACLED_COLUMNS)[number];

/** Control characters other than tab and line ends: no text of a record holds them (and PostgreSQL refuses NUL). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasControl(s), 'must not contain control characters')
    .transform((s) => fromSpreadsheetText(s.trim()))
    .default('');
const optionalNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || (Number.isFinite(Number(s)) && Number(s) >= min && Number(s) <= max), {
      message: `must be a number from ${min} to ${max}`,
    })
    .transform((s) => (s === '' ? null : Number(s)))
    .default(null);
/** `inter1`/`inter2`: ACLED's code 0–8 (files before 2023) or the actor type's name (current). */
const actorTypeCode = z
  .string()
  .trim()
  .refine((s) => s === '' || /^[0-8]$/.test(s) || (ACTOR_TYPES as readonly string[]).includes(s), {
    message: `must be an actor-type code 0 to 8 or one of ${ACTOR_TYPES.join(', ')}`,
  })
  .default('');
/** `interaction`: two digits (before 2023) or "Type-Type" / "Type only" (current). */
const interactionCode = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{1,2}$/.test(s) || /^[A-Za-z /-]{1,80}$/.test(s), {
    message: 'must be a two-digit interaction code or an interaction such as "State forces-Civilians"',
  })
  .default('');

/** One ACLED row as Truce reads it (either column set; columns Truce does not use are allowed). */
export const AcledRowInput = z
  .object({
    event_id_cnty: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100)
      .refine((s) => !hasControl(s), 'must not contain control characters'),
    event_date: z.string(),
    time_precision: z.enum(['1', '2', '3'], 'must be 1, 2 or 3'),
    disorder_type: text(100),
    event_type: z.enum(Object.keys(ACLED_SUB_EVENT_TYPES), 'must be one of the six ACLED event types'),
    sub_event_type: z.string().trim(),
    actor1: text(300),
    assoc_actor_1: text(2000),
    inter1: actorTypeCode,
    actor2: text(300),
    assoc_actor_2: text(2000),
    inter2: actorTypeCode,
    interaction: interactionCode,
    civilian_targeting: text(100),
    iso: z
      .string()
      .trim()
      .regex(/^\d{0,4}$/, 'must be an ISO 3166 numeric code')
      .default(''),
    region: text(100),
    country: text(100),
    admin1: text(200),
    admin2: text(200),
    admin3: text(200),
    location: text(300),
    latitude: optionalNumber(-90, 90),
    longitude: optionalNumber(-180, 180),
    geo_precision: z.enum(['1', '2', '3'], 'must be 1, 2 or 3'),
    source: text(2000),
    source_scale: text(300),
    notes: text(20_000),
    fatalities: z
      .string()
      .trim()
      .regex(/^\d{0,7}$/, 'must be a whole number of at least 0')
      .default(''),
    tags: text(2000),
    timestamp: z
      .string()
      .trim()
      .regex(/^\d{0,12}$/, 'must be a Unix time in seconds')
      .default(''),
  })
  .refine((r) => ACLED_SUB_EVENT_TYPES[r.event_type]?.includes(r.sub_event_type) ?? false, {
    message: 'must be a sub-event type of the row’s event_type',
    path: ['sub_event_type'],
  });
export type AcledRowInput = z.infer<typeof AcledRowInput>;

/** The columns an ACLED file must have for Truce to read it (both ACLED's column sets have them). */
export const REQUIRED_ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
] as const;

export type RowReading =
  | { readonly ok: true; readonly value: AcledRowInput }
  | { readonly ok: false; readonly column: string; readonly rule: string };

/** ACLED writes `NA` where a value is missing (files from its R package and its exports alike). */
const MISSING = 'NA';

/**
 * One row's cells (keyed by column) as an ACLED row: `NA` is missing, the date is read in any
 * form `readAcledDate` knows (its two-digit year settled by the row's `year`), then the schema.
 *
 * @example readAcledRow({ event_id_cnty: 'BEN1', event_date: '28 December 2022', … }).ok // true
 */
export function readAcledRow(cells: Readonly<Record<string, string>>, order?: DateOrder): RowReading {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(cells)) if (value !== MISSING) clean[key] = value;
  const date = readAcledDate(clean.event_date ?? '', {
    ...(order ? { order } : {}),
    ...(clean.year ? { year: clean.year } : {}),
  });
  if ('error' in date) return { ok: false, column: 'event_date', rule: date.error };
  clean.event_date = date.date;
  const parsed = AcledRowInput.safeParse(clean);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    column: issue?.path.map(String).join('.') || 'row',
    rule: issue?.message ?? 'is invalid',
  };
}
