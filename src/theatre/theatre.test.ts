import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { theatreJsonSchema } from './json-schema.js';
import { loadTheatre, readPack, shippedPackNames } from './pack-io.js';
import { partyName, partyOf } from './parties.js';

const dir = mkdtempSync(join(tmpdir(), 'truce-theatre-'));
function packFile(name: string, pack: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof pack === 'string' ? pack : JSON.stringify(pack));
  return file;
}

describe('theatre packs', () => {
  it('ships international, nagorno-karabakh and donbas-2015, international first, and all load together', () => {
    expect(shippedPackNames()).toEqual(['international', 'donbas-2015', 'nagorno-karabakh']);
    const theatre = loadTheatre([]);
    expect(theatre.packs).toEqual(['international', 'donbas-2015', 'nagorno-karabakh']);
    expect(loadTheatre(['donbas-2015']).packs).toEqual(['international', 'donbas-2015']);
  });

  it('holds the parties each conflict needs, the de facto ones aligned with their patron', () => {
    const theatre = loadTheatre([]);
    const party = (code: string) => theatre.partyByCode.get(code);
    expect(party('DPR')).toMatchObject({ alignment: 'RU', country: 'UA' });
    expect(party('LPR')).toMatchObject({ alignment: 'RU', country: 'UA' });
    expect(party('NKR')).toMatchObject({ alignment: 'AM', country: 'AZ' });
    expect(party('AM')?.name).toBe('Armenia');
  });

  it('knows the missions of the international pack by acronym and full name', () => {
    const theatre = loadTheatre(['international']);
    const missions = theatre.actors.filter((a) => a.kind === 'mission');
    for (const acronym of ['UNIFIL', 'UNDOF', 'MINUSMA', 'MONUSCO', 'UNAMID', 'UNMISS', 'MINUSCA', 'UNMHA']) {
      expect(missions.find((m) => m.name === acronym)?.aliases.length).toBeGreaterThan(1);
    }
    for (const acronym of [
      'UNSMIS',
      'UNMOGIP',
      'UNFICYP',
      'UNTSO',
      'UNMIK',
      'MINURSO',
      'UNISFA',
      'AMISOM',
      'ATMIS',
      'AMIS',
    ]) {
      expect(missions.some((m) => m.aliases.includes(acronym))).toBe(true);
    }
    expect(missions.some((m) => m.aliases.includes('SMM'))).toBe(true);
    expect(missions.some((m) => m.aliases.includes('EU Monitoring Mission in Georgia'))).toBe(true);
  });

  it('gives officials their offices with terms', () => {
    const theatre = loadTheatre([]);
    const poroshenko = theatre.actorById.get('petro-poroshenko');
    expect(poroshenko?.party).toBe('UA');
    expect(poroshenko?.offices).toContainEqual({
      title: 'President',
      of: 'UA',
      from: '2014-06-07',
      to: '2019-05-20',
    });
    expect(theatre.actorById.get('alexander-zakharchenko')?.party).toBe('DPR');
  });

  it('reads a party display name back to the same code, for every party in force', () => {
    const theatre = loadTheatre([]);
    for (const p of theatre.parties) expect(partyOf(theatre, partyName(theatre, p.code))).toBe(p.code);
    expect(partyOf(theatre, 'DPR fighters')).toBe('DPR');
    expect(partyOf(theatre, 'Sri Lankan troops')).toBe('LK');
    // An international body's name is no party, even when it names a country.
    expect(partyOf(theatre, 'OSCE Special Monitoring Mission to Ukraine')).toBeNull();
    expect(partyOf(theatre, 'EU Mission in Armenia')).toBeNull();
    expect(partyOf(theatre, 'UN-backed Libyan forces')).toBe('LY');
  });

  it('refuses a bad pack naming the file, the path inside it and the rule', () => {
    const file = packFile('bad-alias', {
      name: 'bad-alias',
      title: 'Bad',
      actors: [{ id: 'x', name: 'X', kind: 'person', party: null, aliases: [] }],
    });
    expect(() => readPack(file)).toThrow(
      `${file}: actors.0.aliases: must list at least one alias (the name itself)`,
    );
    const kind = packFile('bad-kind', {
      name: 'bad-kind',
      title: 'Bad',
      parties: [{ code: 'x', name: 'X' }],
    });
    expect(() => readPack(kind)).toThrow(/bad-kind\.json: parties\.0\.code: must be a party code/);
    const json = packFile('not-json', '{ "name": ');
    expect(() => readPack(json)).toThrow(/not-json\.json: \(root\): is not valid JSON/);
    expect(() => readPack('no-such-pack')).toThrow(
      /no-such-pack: \(root\): no such theatre pack; shipped packs are/,
    );
  });

  it('refuses a pack that redefines another pack’s actor, or names a party no pack declares', () => {
    const twice = packFile('twice', {
      name: 'twice',
      title: 'Twice',
      actors: [{ id: 'org-un', name: 'UN', kind: 'organization', party: null, aliases: ['UN'] }],
    });
    expect(() => loadTheatre([twice])).toThrow(
      /twice\.json: actors\.0\.id: "org-un" is already defined by .*international\.json/,
    );
    const orphan = packFile('orphan', {
      name: 'orphan',
      title: 'Orphan',
      actors: [{ id: 'y', name: 'Y', kind: 'armed_group', party: 'NOPE', aliases: ['Y'] }],
    });
    expect(() => loadTheatre([orphan])).toThrow(
      /orphan\.json: actors\.0\.party: "NOPE" is neither a pack's party nor a country code/,
    );
  });

  it('ships the JSON Schema derived from the zod pack schema', () => {
    const shipped: unknown = JSON.parse(
      readFileSync(new URL('../../schemas/theatre.schema.json', import.meta.url), 'utf8'),
    );
    expect(shipped).toEqual(theatreJsonSchema());
  });
});
