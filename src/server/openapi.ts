import { VERSION } from '../platform/version.js';
import { ErrorBody } from './schemas/common.js';
import { errorStatuses, type RouteSpec } from './route.js';
import { schemaCollector, type JsonSchema, type SchemaCollector } from './openapi-schemas.js';

const ERROR_MEANING: Readonly<Record<number, string>> = {
  400: 'invalid: the error names the field and the rule',
  401: 'unauthenticated: sign in, or send a bearer token',
  403: 'forbidden: the role may not do this, or the request came from another origin',
  404: 'not_found: no such thing, or one the caller may not see',
  409: 'conflict: changed since the caller read it, or already there',
  429: 'rate_limited: too many attempts; Retry-After says how many seconds to wait',
  503: 'unavailable: the database cannot be reached',
};

/** Each role set names how a client proves who it is: nothing, a session cookie, or a bearer token. */
function securityOf(spec: RouteSpec): Record<string, string[]>[] {
  // A cookie session must also send the CSRF token on every state-changing request; a token needs none.
  const session: Record<string, string[]> =
    spec.method === 'GET' ? { session: [] } : { session: [], csrf: [] };
  const signedIn = [session, { bearer: [] }];
  return spec.allow === 'anyone' ? [{}, ...signedIn] : signedIn;
}

const rolesText = (spec: RouteSpec) =>
  spec.allow === 'anyone' ? 'Who may call: anyone.' : `Who may call: ${spec.allow.join(', ')}.`;

const propertiesOf = (schema: JsonSchema): Record<string, JsonSchema> =>
  typeof schema.properties === 'object' && schema.properties !== null
    ? (schema.properties as Record<string, JsonSchema>)
    : {};

/** Path and query parameters from the route's zod objects; a comma list is `style: form, explode: false`. */
function parametersOf(spec: RouteSpec, schemas: SchemaCollector): JsonSchema[] {
  const names = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const pathSchema = spec.params ? schemas.input(spec.params) : {};
  const path = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: propertiesOf(pathSchema)[name] ?? { type: 'string' },
  }));
  if (!spec.query) return path;
  const querySchema = schemas.input(spec.query);
  const required = new Set(Array.isArray(querySchema.required) ? querySchema.required : []);
  const query = Object.entries(propertiesOf(querySchema)).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name) && !('default' in schema),
    ...(schema.type === 'array' ? { style: 'form', explode: false } : {}),
    schema,
  }));
  return [...path, ...query];
}

function responsesOf(spec: RouteSpec, schemas: SchemaCollector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const content: Record<string, { schema: JsonSchema }> = {};
    for (const [media, schema] of Object.entries(response.content))
      content[media] = { schema: schemas.output(schema) };
    out[status] = { description: response.description, content };
  }
  for (const status of errorStatuses(spec))
    out[String(status)] = { $ref: `#/components/responses/E${status}` };
  return out;
}

function operationOf(spec: RouteSpec, schemas: SchemaCollector) {
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: rolesText(spec),
    tags: [tagOf(spec.path)],
    'x-roles': spec.allow === 'anyone' ? ['anyone'] : spec.allow,
    security: securityOf(spec),
    parameters: parametersOf(spec, schemas),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemas.input(spec.body) } },
          },
        }
      : {}),
    responses: responsesOf(spec, schemas),
  };
}

/** The first segment after `/api/`: incidents, auth, mission… */
const tagOf = (path: string): string => path.split('/')[2] ?? 'api';

function errorResponses(schemas: SchemaCollector) {
  const schema = schemas.output(ErrorBody);
  const out: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(ERROR_MEANING)) {
    out[`E${status}`] = {
      description,
      ...(status === '429'
        ? {
            headers: {
              'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 0 } },
            },
          }
        : {}),
      content: { 'application/json': { schema } },
    };
  }
  return out;
}

/**
 * The OpenAPI 3.1 document, generated from the same route list that enforces roles and from the
 * zod schemas the routes parse their input with and answer in: every parameter, every status,
 * the security of each operation.
 *
 * @example openApiDocument(apiRoutes(runtime, clock)).paths['/api/incidents/{id}'].get.operationId // 'getIncident'
 */
export function openApiDocument(specs: readonly RouteSpec[]) {
  const schemas = schemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operationOf(spec, schemas) };
  }
  const responses = errorResponses(schemas);
  const tags = [...new Set(specs.map((s) => tagOf(s.path)))].sort().map((name) => ({
    name,
    description: `Routes under /api/${name}`,
  }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Truce API',
      version: VERSION,
      description: 'The record of a ceasefire: incidents, sources, reviews, agreements, the mission.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags,
    paths,
    components: {
      schemas: schemas.named(),
      responses,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'truce_session',
          description: 'Set by POST /api/auth/login',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description:
            'With a session cookie, every POST/PUT/DELETE sends the token from login or /api/auth/me',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/auth/tokens' },
      },
    },
  };
}
