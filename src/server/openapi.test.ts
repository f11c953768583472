import { expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { createLogger } from '../platform/log.js';
import { apiRoutes } from './app.js';
import { openApiDocument } from './openapi.js';

type Json = Record<string, unknown>;

describeEachDatabase(
  'the OpenAPI document',
  (t) => {
    const routes = () =>
      apiRoutes(
        {
          config: { database: t.config, host: '127.0.0.1', port: 0, logLevel: 'silent' },
          db: t.db,
          log: createLogger('silent'),
          close: async () => {},
        },
        () => new Date(),
      );

    it('gives every route a unique operationId and a schema for each success it answers', () => {
      const specs = routes();
      const ids = specs.map((r) => r.operationId);
      expect(new Set(ids).size).toBe(ids.length);
      const undocumented = specs
        .filter((r) => {
          const successes = Object.values(r.responses);
          return successes.length === 0 || successes.some((s) => Object.keys(s.content).length === 0);
        })
        .map((r) => `${r.method} ${r.path}`);
      expect(undocumented).toEqual([]);
    });

    it('declares every path parameter with its own schema, strings where they are strings', () => {
      const specs = routes();
      const mismatched = specs
        .filter((r) => {
          const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
          return JSON.stringify(names) !== JSON.stringify(Object.keys(r.params?.shape ?? {}).sort());
        })
        .map((r) => r.path);
      expect(mismatched).toEqual([]);
      const paths = openApiDocument(specs).paths as Record<string, Json>;
      const parameters = (path: string, method: string) =>
        ((paths[path]?.[method] as Json).parameters as { name: string; schema: Json }[]).filter(
          (p) => p.name === 'id' || p.name === 'date' || p.name === 'username',
        );
      expect(parameters('/api/bulletins/{date}', 'get')[0]?.schema).toMatchObject({
        type: 'string',
        format: 'date',
      });
      expect(parameters('/api/incidents/{id}', 'get')[0]?.schema).toMatchObject({ type: 'string' });
      expect(parameters('/api/users/{username}/disable', 'post')[0]?.schema).toMatchObject({
        type: 'string',
      });
    });

    it('says per operation how a client authenticates: nothing for public routes, a session or a token otherwise', () => {
      const paths = openApiDocument(routes()).paths as Record<string, Record<string, { security: Json[] }>>;
      expect(paths['/api/incidents']?.get?.security).toContainEqual({});
      expect(paths['/api/users']?.get?.security).not.toContainEqual({});
      expect(paths['/api/users']?.post?.security).toContainEqual({ session: [], csrf: [] });
      expect(paths['/api/users']?.post?.security).toContainEqual({ bearer: [] });
    });

    it('documents the query parameters of the export and the statements', () => {
      const paths = openApiDocument(routes()).paths as Record<string, Record<string, { parameters: Json[] }>>;
      const names = (path: string) => (paths[path]?.get?.parameters ?? []).map((p) => p.name);
      expect(names('/api/export')).toEqual(
        expect.arrayContaining(['format', 'kind', 'status', 'bbox', 'bom']),
      );
      expect(names('/api/statements')).toEqual(
        expect.arrayContaining(['speaker', 'from', 'to', 'limit', 'offset']),
      );
    });
  },
  { migrated: false },
);
