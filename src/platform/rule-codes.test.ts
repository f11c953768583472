import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TruceError } from './errors.js';
import { parseInput } from './parse.js';

const detailsOf = (schema: z.ZodType, value: unknown) => {
  try {
    parseInput(schema, value, 'body');
  } catch (error) {
    if (error instanceof TruceError) return error.details;
    throw error;
  }
  throw new Error('expected the value to be refused');
};

const codesOf = (schema: z.ZodType, value: unknown) =>
  (detailsOf(schema, value)['issues'] as { field: string; ruleCode?: string; params?: unknown }[]).map(
    ({ field, ruleCode, params }) => ({ field, ruleCode, params }),
  );

describe('the codes of broken rules', () => {
  it('names each kind of broken rule by a stable code with its parameters', () => {
    const schema = z.object({
      name: z.string().trim().min(1).max(5, 'must be at most 5 characters'),
      lat: z.number().min(-90).max(90),
      count: z.number().int(),
      tags: z.array(z.string()).max(2),
      kind: z.enum(['shelling', 'riot']),
      when: z.iso.date(),
      title: z.string(),
    });
    const value = { name: 'abcdefg', lat: 91, count: 'x', tags: ['a', 'b', 'c'], kind: 'war', when: 'soon' };
    expect(codesOf(schema, value)).toEqual([
      { field: 'name', ruleCode: 'too_long', params: { max: 5 } },
      { field: 'lat', ruleCode: 'at_most', params: { max: 90 } },
      { field: 'count', ruleCode: 'type', params: { expected: 'number' } },
      { field: 'tags', ruleCode: 'too_many', params: { max: 2 } },
      { field: 'kind', ruleCode: 'one_of', params: { values: 'shelling, riot' } },
      { field: 'when', ruleCode: 'format', params: { format: 'date' } },
      { field: 'title', ruleCode: 'required', params: {} },
    ]);
  });

  it('tells empty text from a missing field, whatever message the schema gives', () => {
    const schema = z.object({ comment: z.string({ error: 'Please say it' }).trim().min(1, 'Please say it') });
    expect(codesOf(schema, { comment: '  ' })).toEqual([{ field: 'comment', ruleCode: 'empty', params: {} }]);
    expect(codesOf(schema, {})).toEqual([{ field: 'comment', ruleCode: 'required', params: {} }]);
  });

  it('puts the first issue’s code and parameters beside its field and rule', () => {
    const details = detailsOf(z.object({ name: z.string().max(3) }), { name: 'abcd' });
    expect(details).toMatchObject({
      field: 'name',
      rule: 'must be at most 3 characters',
      ruleCode: 'too_long',
      params: { max: 3 },
    });
  });

  it('takes a refinement’s code from its params, and gives none when it names none', () => {
    const schema = z
      .object({ from: z.string(), to: z.string() })
      .refine((q) => q.from <= q.to, {
        path: ['from'],
        message: 'later',
        params: { ruleCode: 'from_after_to' },
      })
      .refine((q) => q.from !== 'x', { path: ['from'], message: 'not x' });
    expect(codesOf(schema, { from: 'b', to: 'a' })).toEqual([
      { field: 'from', ruleCode: 'from_after_to', params: {} },
    ]);
    expect(codesOf(schema, { from: 'x', to: 'y' })).toEqual([
      { field: 'from', ruleCode: undefined, params: undefined },
    ]);
  });
});
