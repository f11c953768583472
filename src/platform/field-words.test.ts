import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, fieldMessage } from './field-words.js';
import { parseInput } from './parse.js';

const messageOf = (schema: z.ZodType, value: unknown): string => {
  try {
    parseInput(schema, value, 'body');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the value to be refused');
};

describe('field errors in words', () => {
  it('labels fields as a person reads them, list positions from one', () => {
    expect(fieldLabel('lat')).toBe('Latitude');
    expect(fieldLabel('dateStart')).toBe('Start date');
    expect(fieldLabel('casualties.0.low')).toBe('Casualties, item 1, low');
    expect(fieldLabel('event_date')).toBe('Event date');
    expect(fieldLabel('--every')).toBe('--every');
  });

  it('keeps a rule that is a sentence of its own as the whole message', () => {
    expect(fieldMessage('name', 'Please enter your name here')).toBe('Please enter your name here');
    expect(fieldMessage('to', 'must be a date')).toBe('To must be a date');
  });

  it('says each kind of broken rule in words', () => {
    const schema = z.object({
      lat: z.number().min(-90).max(90),
      count: z.number().int().min(0),
      title: z.string().trim().min(1),
      code: z.string().max(3),
      kind: z.enum(['shelling', 'riot']),
      tags: z.array(z.string()).max(2),
      when: z.iso.date(),
    });
    const value = {
      lat: -91,
      count: 1.5,
      title: ' ',
      code: 'abcd',
      kind: 'war',
      tags: ['a', 'b', 'c'],
      when: 'soon',
    };
    expect(messageOf(schema, value).split('; ')).toEqual([
      'Latitude must be between -90 and 90',
      'Count must be a whole number',
      'Title must not be empty',
      'Code must be at most 3 characters',
      'Kind must be one of shelling, riot',
      'Tags must have at most 2 items',
      'When must be a date written YYYY-MM-DD',
    ]);
  });

  it('says a bound alone when the schema has only one, and a required field when it is missing', () => {
    expect(messageOf(z.object({ n: z.number().min(1) }), { n: 0 })).toBe('N must be at least 1');
    expect(messageOf(z.object({ n: z.number().lt(5) }), { n: 7 })).toBe('N must be less than 5');
    expect(messageOf(z.object({ comment: z.string() }), {})).toBe('Comment is required');
    expect(messageOf(z.object({ comment: z.string() }), 'text')).toBe('Body must be an object');
  });

  it('lets a schema’s own message win over the words for its rule', () => {
    expect(messageOf(z.object({ key: z.string().min(8, 'must be 8 to 100 characters') }), { key: 'a' })).toBe(
      'Key must be 8 to 100 characters',
    );
  });
});
