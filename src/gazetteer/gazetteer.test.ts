import { describe, expect, it } from 'vitest';
import { loadTheatre } from '../theatre/pack-io.js';
import { ancestorsOf, isWithin } from './gazetteer.js';
import { defaultGazetteer } from './load.js';

describe('the shipped gazetteer', () => {
  const places = loadTheatre([]).places;

  it('has unique ids and parents that exist', () => {
    const ids = new Set(places.map((p) => p.id));
    expect(ids.size).toBe(places.length);
    const g = defaultGazetteer();
    for (const p of places) if (p.parent) expect(g.byId.has(p.parent), p.id).toBe(true);
  });

  it('knows every party’s name for the contested places', () => {
    const g = defaultGazetteer();
    const names = (id: string) => g.byId.get(id)?.names ?? [];
    expect(names('az-shusha')).toEqual(expect.arrayContaining(['Shusha', 'Shushi', 'Susha']));
    expect(names('az-stepanakert')).toEqual(expect.arrayContaining(['Stepanakert', 'Khankendi']));
    expect(names('az-kalbajar')).toEqual(expect.arrayContaining(['Kalbajar', 'Kelbajar']));
    expect(names('az-martakert')).toEqual(expect.arrayContaining(['Martakert', 'Mardakert', 'Aghdara']));
    expect(names('az-lachin')).toEqual(expect.arrayContaining(['Lachin', 'Berdzor']));
    expect(names('az-nakhchivan')).toEqual(expect.arrayContaining(['Nakhchivan', 'Nakhichevan']));
    expect(names('ua-mariinka')).toEqual(expect.arrayContaining(['Mariinka', 'Marinka']));
    for (const id of ['am-yeraskh', 'az-aghdam', 'am-yerevan', 'az-baku', 'ru-moscow', 'tr-ankara']) {
      expect(g.byId.has(id), id).toBe(true);
    }
  });

  it('nests places in their parents', () => {
    const g = defaultGazetteer();
    expect(ancestorsOf(g, 'az-lachin-pass').map((p) => p.id)).toEqual([
      'az-lachin-pass',
      'az-lachin-corridor',
      'az-nagorno-karabakh',
      'az',
    ]);
    expect(isWithin(g, 'az-shusha', 'az-nagorno-karabakh')).toBe(true);
    expect(isWithin(g, 'am-yerevan', 'az')).toBe(false);
  });
});
