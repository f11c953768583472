import type { z } from 'zod';
import { TruceError } from './errors.js';
import { fieldMessage, ruleOfIssue } from './field-words.js';
import { ruleCodeOf } from './rule-codes.js';

/**
 * Parses untrusted input into a typed value, or throws an `invalid` error naming every field
 * and the rule it broke, in words ("Latitude must be between -90 and 90"; see `field-words.ts`)
 * and, where a code names the rule, as its stable code and parameters (`rule-codes.ts`).
 *
 * @example parseInput(IncidentQuery, req.query, 'query') // -> ParsedIncidentQuery
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'input'): z.infer<S> {
  const result = schema.safeParse(value, { error: ruleOfIssue });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : where;
    return {
      field,
      rule: issue.message,
      message: fieldMessage(field, issue.message),
      ...ruleCodeOf(issue, value),
    };
  });
  const [first] = issues;
  const message = issues.map((i) => i.message).join('; ');
  if (!first)
    throw new TruceError('invalid', `${where}: is not accepted`, { field: where, rule: 'is not accepted' });
  const { field, rule, ruleCode, params } = first;
  throw new TruceError('invalid', message, { field, rule, ruleCode, params, issues });
}

// C0 control characters other than tab, line feed and carriage return (CRLF is how browsers send
// line breaks). PostgreSQL refuses NUL in text outright; none of them belongs in a record.
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
const isControl = (code: number) => code < 0x20 && !ALLOWED_CONTROLS.has(code);

/**
 * True when `text` holds a C0 control character other than tab, LF or CR.
 *
 * @example hasControlCharacter('a\u0000b') // true
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** The text with each control character shown as `?`, safe to put in a message. */
const shown = (text: string): string =>
  Array.from(text, (ch) => (isControl(ch.charCodeAt(0)) ? '?' : ch)).join('');

const MAX_DEPTH = 64;

/**
 * Where a control character hides in an untrusted value: the path of the first string (or key)
 * holding one, or null when there is none. Walks at most 64 levels deep.
 *
 * @example controlCharacterPath({ a: ['ok', 'b\u0000d'] }, 'body') // 'body.a.1'
 */
export function controlCharacterPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? path : null;
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, inner] of entries) {
    if (hasControlCharacter(key)) return `${path}.${shown(key)}`;
    const found = controlCharacterPath(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Throws an `invalid` error naming the field when `value` holds a control character.
 *
 * @example refuseControlCharacters(body, 'body') // throws for { comment: 'a\u0000' }: field body.comment
 */
export function refuseControlCharacters(value: unknown, where: string): void {
  const path = controlCharacterPath(value, where);
  if (path)
    throw new TruceError(
      'invalid',
      `${path}: must not contain control characters (NUL, U+0001–U+001F except tab and newline)`,
      {
        field: path,
        rule: 'must not contain control characters',
        ruleCode: 'control_characters',
        params: {},
      },
    );
}
