import { z } from 'zod';
import { VERSION } from '../platform/version.js';
import type { RouteSpec } from './route.js';

const schemaOf = (schema: z.ZodType): unknown => {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
  } catch {
    return {};
  }
};

/** The OpenAPI 3.1 document, generated from the same route list that enforces roles. */
export function openApiDocument(specs: readonly RouteSpec[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const params = [...spec.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'integer' },
    }));
    const query = spec.query ? schemaOf(spec.query) : null;
    const queryParams =
      query &&
      typeof query === 'object' &&
      'properties' in query &&
      query.properties &&
      typeof query.properties === 'object'
        ? Object.entries(query.properties).map(([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          }))
        : [];
    paths[path] = {
      ...paths[path],
      [spec.method.toLowerCase()]: {
        summary: spec.summary,
        'x-roles': spec.allow === 'anyone' ? ['anyone'] : spec.allow,
        parameters: [...params, ...queryParams],
        ...(spec.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schemaOf(spec.body) } },
              },
            }
          : {}),
        responses: {
          '200': { description: 'OK' },
          '400': { description: 'invalid: the error names the field and the rule' },
          '401': { description: 'unauthenticated' },
          '403': { description: 'forbidden' },
          '404': { description: 'not_found' },
          '409': { description: 'conflict' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Truce API',
      version: VERSION,
      description: 'The record of a ceasefire: incidents, sources, reviews, agreements, the mission.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'truce_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
