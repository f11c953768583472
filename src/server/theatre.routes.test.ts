import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { useTheatres } from '../theatre/active.js';
import { mount, type AppEnv } from './route.js';
import { theatreRoutes, type TheatreDocument } from './theatre.routes.js';

async function get(path: string): Promise<Response> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('role', 'public');
    await next();
  });
  mount(app, theatreRoutes());
  return app.request(path);
}

describe('the theatre for clients', () => {
  it('gives anyone the packs in force and their parties by code with display names', async () => {
    useTheatres(['donbas-2015']);
    const response = await get('/api/theatre');
    expect(response.status).toBe(200);
    const body = (await response.json()) as TheatreDocument;
    expect(body.packs).toEqual(['international', 'donbas-2015']);
    expect(body.parties).toContainEqual({ code: 'UA', name: 'Ukraine', alignment: null });
    expect(body.parties).toContainEqual({ code: 'DPR', name: "Donetsk People's Republic", alignment: 'RU' });
    expect(body.parties.map((p) => p.code)).not.toContain('AM');
  });

  it('names every country code, for parties no pack declares', async () => {
    useTheatres(['nagorno-karabakh']);
    const body = (await (await get('/api/theatre')).json()) as TheatreDocument;
    expect(body.parties.map((p) => p.code)).toEqual(['AM', 'AZ', 'NKR']);
    expect(body.countries).toContainEqual({ code: 'RU', name: 'Russia' });
    expect(body.countries.length).toBeGreaterThan(190);
  });

  it('holds public data only: no actor, place or alias', async () => {
    useTheatres(['nagorno-karabakh']);
    const body = (await (await get('/api/theatre')).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['countries', 'home', 'packs', 'parties']);
    // The theatre's own countries (the map draws their provinces): codes only.
    expect(body['home']).toEqual(['AM', 'AZ']);
    expect(JSON.stringify(body)).not.toContain('Artsakh');
  });
});

describe("the theatre's places for the field report", () => {
  async function getAs(role: 'public' | 'monitor', path: string): Promise<Response> {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('role', role);
      await next();
    });
    mount(app, theatreRoutes());
    return app.request(path);
  }

  it('gives monitors every place with all its names, and nobody outside the mission', async () => {
    useTheatres(['nagorno-karabakh']);
    const response = await getAs('monitor', '/api/theatre/places');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string; name: string; names: string[] }[] };
    expect(body.items.length).toBeGreaterThan(0);
    for (const place of body.items) expect(place.names.length).toBeGreaterThan(0);
    expect((await getAs('public', '/api/theatre/places')).status).not.toBe(200);
  });
});
