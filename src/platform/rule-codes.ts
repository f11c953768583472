import type { z } from 'zod';

/**
 * The rules an input can break, as stable codes with their parameters, so that a client can say
 * the rule in its reader's language (the web: `rule.<code>` in its catalogues) and fall back to
 * the server's English words (`rule`, `message`) for a code it does not know. The codes are part
 * of the API: add codes, never rename one.
 *
 * @example { field: 'name', rule: 'must be at most 200 characters', ruleCode: 'too_long', params: { max: 200 } }
 */
export const RULE_CODES = [
  'required',
  'empty',
  'type',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'at_most',
  'less_than',
  'at_least',
  'more_than',
  'one_of',
  'format',
  'multiple_of',
  'unknown_keys',
  'control_characters',
  'from_after_to',
  'unknown_party',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export type RuleParams = Readonly<Record<string, string | number>>;

export interface CodedRule {
  readonly ruleCode: RuleCode;
  readonly params: RuleParams;
}

const coded = (ruleCode: RuleCode, params: RuleParams = {}): CodedRule => ({ ruleCode, params });

const isRuleCode = (value: unknown): value is RuleCode =>
  typeof value === 'string' && (RULE_CODES as readonly string[]).includes(value);

/** The value at an issue's path in the input (undefined when the path leads nowhere). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

type Issue = z.core.$ZodIssue;

function sizeCode(issue: Issue & { code: 'too_big' | 'too_small' }): CodedRule {
  const big = issue.code === 'too_big';
  const bound = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  // Text and lists count whole characters and items: an exclusive bound is the next count in.
  const count = inclusive ? bound : bound + (big ? -1 : 1);
  if (issue.origin === 'string') {
    if (!big && bound <= 1) return coded('empty');
    return big ? coded('too_long', { max: count }) : coded('too_short', { min: count });
  }
  if (issue.origin === 'array' || issue.origin === 'set')
    return big ? coded('too_many', { max: count }) : coded('too_few', { min: count });
  if (big) return inclusive ? coded('at_most', { max: bound }) : coded('less_than', { max: bound });
  return inclusive ? coded('at_least', { min: bound }) : coded('more_than', { min: bound });
}

/**
 * The stable code of the rule a parse issue broke, and its parameters, or undefined for an issue
 * no code names (a refinement that gave none: then only the words say it). A refinement names its
 * code in `params.ruleCode`.
 *
 * @example ruleCodeOf(issue, { name: 'x'.repeat(201) }) // { ruleCode: 'too_long', params: { max: 200 } }
 */
export function ruleCodeOf(issue: Issue, input: unknown): CodedRule | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return coded('required');
      return coded('type', { expected: issue.expected });
    case 'too_big':
    case 'too_small':
      return sizeCode(issue);
    case 'invalid_value':
      return coded('one_of', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return coded('format', { format: issue.format });
    case 'not_multiple_of':
      return coded('multiple_of', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      return coded('unknown_keys', { keys: issue.keys.join(', ') });
    case 'custom': {
      const code: unknown = issue.params?.['ruleCode'];
      return isRuleCode(code) ? coded(code) : undefined;
    }
    default:
      return undefined;
  }
}
