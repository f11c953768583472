import { z } from 'zod';

/**
 * Shapes every answer shares: the error body, a page of a list, a plain acknowledgement, and the
 * path parameters. Named with `.meta({ id })`, so the OpenAPI document holds each once under
 * `components/schemas` and clients get one type for it.
 */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum([
        'invalid',
        'not_found',
        'conflict',
        'forbidden',
        'unauthenticated',
        'rate_limited',
        'unavailable',
        'internal',
      ]),
      message: z.string(),
      details: z
        .looseObject({
          field: z.string().optional(),
          rule: z.string().optional(),
          ruleCode: z
            .string()
            .optional()
            .describe(
              'The rule as a stable code (`too_long`, `required`…), for a client to say in its own words',
            ),
          params: z
            .record(z.string(), z.union([z.string(), z.number()]))
            .optional()
            .describe("The rule's parameters (`{ max: 200 }`)"),
        })
        .optional(),
    }),
  })
  .meta({
    id: 'Error',
    description: 'An error: its stable code, a message, and the field and rule it is about',
  });

/** A page of a list: the items, how many match in all, and the paging asked for. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int().min(0),
    offset: z.number().int().min(0),
  });

/** A page of `T`, as `pageOf` answers it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export const Ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** A record's internal number in a path: digits only, 1 or more. */
export const RecordNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer')
  .meta({ description: "The record's number", example: '42' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An incident in a path: its internal number (`42`) or the public id that exports carry
 * (`3f2b…`, a UUID).
 */
export const IncidentRef = z
  .string()
  .refine((v) => /^[1-9][0-9]{0,15}$/.test(v) || UUID.test(v), 'must be an incident number or public id')
  .meta({
    description: "The incident's number or its public id (a UUID, as exports carry it)",
    examples: ['42', '0b9c6f52-6a1e-4c57-9b1c-2c8d5e2f4a10'],
  });

/** Whether `ref` is a public id (a UUID) rather than a number. */
export const isPublicId = (ref: string): boolean => UUID.test(ref);

export const IdParams = z.object({ id: RecordNumber });
export const IncidentParams = z.object({ id: IncidentRef });
