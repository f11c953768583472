import { z } from 'zod';
import { IsoDate } from '../record/schemas.js';
import { INCIDENT_KINDS, type IncidentKind } from '../record/taxonomy.js';
import { fromSpreadsheetText } from './csv-safety.js';

/** ACLED's six event types and their 25 sub-event types (codebook, hierarchy order). */
export const ACLED_SUB_EVENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

/** The Truce kind an ACLED sub-event type reads as; the ACLED coding itself is kept as given. */
const KIND_OF_SUB_EVENT: Readonly<Record<string, IncidentKind>> = {
  'Government regains territory': 'territory_change',
  'Non-state actor overtakes territory': 'territory_change',
  'Armed clash': 'armed_clash',
  'Excessive force against protesters': 'protest',
  'Protest with intervention': 'protest',
  'Peaceful protest': 'protest',
  'Violent demonstration': 'riot',
  'Mob violence': 'riot',
  'Air/drone strike': 'air_strike',
  'Shelling/artillery/missile attack': 'shelling',
  'Remote explosive/landmine/IED': 'landmine',
  Attack: 'attack',
  'Abduction/forced disappearance': 'detention',
  Agreement: 'agreement',
  Arrests: 'detention',
  'Disrupted weapons use': 'aircraft_shot_down',
  'Headquarters or base established': 'deployment',
  'Non-violent transfer of territory': 'territory_handover',
};

/** The tag Truce adds to ACLED's `tags` so that its own kind survives a round trip. */
export const KIND_TAG = 'truce kind=';

/** The kind of an imported row: the Truce kind tag when present, else the sub-event type's kind. */
export function kindOfRow(subEventType: string, tags: string): IncidentKind {
  const tagged = tags
    .split(';')
    .map((t) => t.trim())
    .find((t) => t.startsWith(KIND_TAG))
    ?.slice(KIND_TAG.length);
  const known = INCIDENT_KINDS.find((k) => k === tagged);
  return known ?? KIND_OF_SUB_EVENT[subEventType] ?? 'other';
}

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => fromSpreadsheetText(s.trim()));
const optionalNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || (Number.isFinite(Number(s)) && Number(s) >= min && Number(s) <= max), {
      message: `must be a number from ${min} to ${max}`,
    })
    .transform((s) => (s === '' ? null : Number(s)));

/** One ACLED row as Truce reads it; columns Truce does not use are allowed and kept. */
export const AcledRowInput = z
  .object({
    event_id_cnty: z.string().trim().min(1, 'must not be empty').max(100),
    event_date: z.string().trim().pipe(IsoDate),
    time_precision: z.enum(['1', '2', '3'], 'must be 1, 2 or 3'),
    event_type: z.enum(Object.keys(ACLED_SUB_EVENT_TYPES), 'must be one of the six ACLED event types'),
    sub_event_type: z.string().trim(),
    actor1: text(300),
    actor2: text(300).default(''),
    country: text(100).default(''),
    iso: z.string().default(''),
    admin1: text(200).default(''),
    location: text(300).default(''),
    latitude: optionalNumber(-90, 90),
    longitude: optionalNumber(-180, 180),
    geo_precision: z.enum(['1', '2', '3'], 'must be 1, 2 or 3'),
    source: text(2000).default(''),
    notes: text(20_000).default(''),
    fatalities: z
      .string()
      .trim()
      .regex(/^\d{1,7}$/, 'must be a whole number of at least 0'),
    tags: text(2000).default(''),
  })
  .refine((r) => ACLED_SUB_EVENT_TYPES[r.event_type]?.includes(r.sub_event_type) ?? false, {
    message: 'must be a sub-event type of the row’s event_type',
    path: ['sub_event_type'],
  });
export type AcledRowInput = z.infer<typeof AcledRowInput>;

/** The columns an ACLED file must have for Truce to read it. */
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
