import type { z } from 'zod';
import { TruceError } from './errors.js';

/**
 * Parses untrusted input into a typed value, or throws an `invalid` error naming every field
 * and the rule it broke.
 *
 * @example parseInput(IncidentQuery, req.query, 'query') // -> ParsedIncidentQuery
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where = 'input'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : where,
    rule: issue.message,
  }));
  const first = issues[0] ?? { field: where, rule: 'is invalid' };
  const message = issues.map((i) => `${i.field}: ${i.rule}`).join('; ');
  throw new TruceError('invalid', message, { field: first.field, rule: first.rule, issues });
}
