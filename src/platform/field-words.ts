import type { z } from 'zod';

/**
 * Field errors in words a person reads: the field by its label ("Latitude", not `lat`) and the
 * rule in plain words ("must be between -90 and 90", not a schema library's code). A schema's own
 * message (`z.string().min(1, 'must describe what was seen')`) always wins; these words stand in
 * for the library's defaults only.
 */

/** Labels of the fields the API and the CLI name, where the field's name is not already a word. */
const LABELS: Readonly<Record<string, string>> = {
  lat: 'Latitude',
  lon: 'Longitude',
  bbox: 'Map area',
  q: 'Search text',
  asOf: 'As of',
  dateStart: 'Start date',
  dateEnd: 'End date',
  placeName: 'Place',
  idempotencyKey: 'Idempotency key',
  baseVersion: 'Version',
  mediaType: 'Media type',
  geoPrecision: 'Place precision',
  datePrecision: 'Date precision',
  actor1: 'First actor',
  actor2: 'Second actor',
};

const words = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A field's path as a person reads it: each name by its label, list positions counted from one.
 *
 * @example fieldLabel('lat') // 'Latitude'
 * @example fieldLabel('casualties.0.low') // 'Casualties, item 1, low'
 */
export function fieldLabel(path: string): string {
  if (path.startsWith('-')) return path;
  const parts = path
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? `item ${Number(p) + 1}` : (LABELS[p] ?? words(p))));
  return capital(parts.join(', ') || 'input');
}

/**
 * A field error as a sentence: "Latitude must be between -90 and 90". A rule that is a sentence
 * of its own (it starts with a capital: "Please enter your name here") is the message as it is.
 *
 * @example fieldMessage('from', 'must not be later than To') // 'From must not be later than To'
 */
export const fieldMessage = (field: string, rule: string): string =>
  /^\p{Lu}/u.test(rule) ? rule : `${fieldLabel(field)} ${rule}`;

type RawIssue = z.core.$ZodRawIssue;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  tuple: 'a list',
  date: 'a date',
  bigint: 'a whole number',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'must be an email address',
  url: 'must be a web address',
  uuid: 'must be a UUID',
  date: 'must be a date written YYYY-MM-DD',
  datetime: 'must be a date and time written YYYY-MM-DDTHH:MM:SSZ',
};

/** The number a schema allows at least and at most, when it says (a number schema does). */
function boundsOf(schema: unknown): { min: number | null; max: number | null } {
  if (typeof schema !== 'object' || schema === null || !('minValue' in schema) || !('maxValue' in schema))
    return { min: null, max: null };
  const { minValue, maxValue } = schema;
  const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { min: finite(minValue), max: finite(maxValue) };
}

const listed = (values: readonly unknown[]): string =>
  values.length === 1 ? String(values[0]) : `one of ${values.map(String).join(', ')}`;

function sizeRule(issue: RawIssue & { code: 'too_big' | 'too_small' }): string {
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') {
    if (issue.code === 'too_small' && bound <= 1) return 'must not be empty';
    const n = inclusive ? bound : bound + (issue.code === 'too_big' ? -1 : 1);
    return `must be at ${issue.code === 'too_big' ? 'most' : 'least'} ${n} character${n === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const n = inclusive ? bound : bound + (issue.code === 'too_big' ? -1 : 1);
    return `must have at ${issue.code === 'too_big' ? 'most' : 'least'} ${n} item${n === 1 ? '' : 's'}`;
  }
  const { min, max } = boundsOf(issue.schema);
  if (min !== null && max !== null) return `must be between ${min} and ${max}`;
  if (issue.code === 'too_big') return inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
  return inclusive ? `must be at least ${bound}` : `must be more than ${bound}`;
}

/**
 * The rule an issue broke, in words, for issues whose schema gave no message of its own.
 *
 * @example schema.safeParse(value, { error: ruleOfIssue })
 */
export function ruleOfIssue(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_big':
    case 'too_small':
      return sizeRule(issue);
    case 'invalid_value':
      return `must be ${listed(issue.values)}`;
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ?? 'is not in the expected form';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has fields that are not accepted: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not accepted';
    case 'invalid_element':
      return 'holds a value that is not accepted';
    default:
      return 'is not accepted';
  }
}
