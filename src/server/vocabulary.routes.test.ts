import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderWebVocabulary, vocabularyDocument } from './vocabulary-document.js';
import { vocabularyRoutes } from './vocabulary.routes.js';
import { Hono } from 'hono';
import { mount, type AppEnv } from './route.js';

const WEB_VOCABULARY = 'web/src/ui/vocabulary.ts';

describe('the vocabulary for clients', () => {
  it('is served to anyone at /api/vocabulary with labels and ACLED types', async () => {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('role', 'public');
      await next();
    });
    mount(app, vocabularyRoutes());
    const response = await app.request('/api/vocabulary');
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReturnType<typeof vocabularyDocument>;
    expect(body.incidentKinds.find((k) => k.id === 'shelling')).toMatchObject({
      label: 'Shelling',
      acled: { event_type: 'Explosions/Remote violence' },
      isViolence: true,
    });
    expect(body.datePrecisions.map((p) => p.id)).toContain('night');
    expect(body.reviewTransitions.candidate).toEqual(['under_review', 'rejected']);
    expect(body.reviewTransitions.merged).toEqual([]);
  });

  it('is what the web app compiles: web/src/ui/vocabulary.ts is generated from it', async () => {
    const options = (await resolveConfig(WEB_VOCABULARY)) ?? {};
    const expected = await format(renderWebVocabulary(), { ...options, filepath: WEB_VOCABULARY });
    expect(
      readFileSync(WEB_VOCABULARY, 'utf8'),
      'run: node --import tsx scripts/generate-web-vocabulary.ts',
    ).toBe(expected);
  });
});
