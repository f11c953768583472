import { z } from 'zod';
import { IsoDate } from '../vocabulary/iso-date.js';

export type JsonSchema = Record<string, unknown>;

/** Converts zod schemas for the OpenAPI document and keeps the named ones (`.meta({ id })`) once. */
export interface SchemaCollector {
  /** What a client sends: defaults optional, before transforms. */
  input(schema: z.ZodType): JsonSchema;
  /** What the server answers: after defaults and transforms. */
  output(schema: z.ZodType): JsonSchema;
  /** Every named schema met so far, for `components/schemas`. */
  named(): Record<string, JsonSchema>;
}

const MAX_DEPTH = 64;

/**
 * Rewrites `#/$defs/X` to `#/components/schemas/<name>` and lets a schema's own metadata win
 * over the shape zod inferred: a query integer parsed from text says `type: integer` in its
 * metadata, so the `anyOf [string, number]` of its raw input goes.
 */
function rewrite(node: unknown, names: ReadonlyMap<string, string>, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('schema nested too deeply for the OpenAPI document');
  if (Array.isArray(node)) return node.map((n) => rewrite(n, names, depth + 1));
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/'))
      out[key] = `#/components/schemas/${names.get(value.slice('#/$defs/'.length)) ?? value}`;
    else out[key] = rewrite(value, names, depth + 1);
  }
  if (typeof out.type === 'string' && Array.isArray(out.anyOf)) delete out.anyOf;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function schemaCollector(): SchemaCollector {
  const named: Record<string, JsonSchema> = {};
  /** A name for `id` whose schema is `schema`: the id itself, or `<id>Input` when input and output differ. */
  const nameFor = (id: string, schema: unknown, io: 'input' | 'output'): string => {
    const candidates = io === 'output' ? [id, `${id}Output`] : [id, `${id}Input`];
    for (const name of candidates) if (named[name] === undefined || same(named[name], schema)) return name;
    throw new Error(`two different schemas are both named ${id}`);
  };
  const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const raw = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
      // A refinement has no JSON Schema of its own; the calendar day says what it is.
      override: (ctx) => {
        if (ctx.zodSchema === IsoDate) Object.assign(ctx.jsonSchema, { format: 'date' });
      },
    }) as JsonSchema;
    const { $schema: _schema, $defs, ...rest } = raw;
    const defs = (typeof $defs === 'object' && $defs !== null ? $defs : {}) as Record<string, unknown>;
    const names = new Map<string, string>();
    // Two passes: the names first (a definition may refer to another), then the rewritten bodies.
    const asIs = new Map(Object.keys(defs).map((id) => [id, id]));
    for (const [id, def] of Object.entries(defs)) names.set(id, nameFor(id, rewrite(def, asIs), io));
    for (const [id, def] of Object.entries(defs))
      named[names.get(id) ?? id] = rewrite(def, names) as JsonSchema;
    return rewrite(rest, names) as JsonSchema;
  };
  return {
    input: (schema) => convert(schema, 'input'),
    output: (schema) => convert(schema, 'output'),
    named: () => named,
  };
}
