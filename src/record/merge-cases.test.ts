import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../gazetteer/gazetteer.js';
import { reconcileFigures } from './casualty.js';
import { claimPlace } from './claims.js';
import { clusterClaims } from './cluster.js';
import { compareClaims, decideMerge } from './dedup.js';
import { absorbClaim } from './merge-absorb.js';
import { groupArticleEvents } from './merge-article.js';
import type { Claim, ClaimPlace } from './merge-features.js';

// Fixtures in our own words: an invented country "qz" with a province and villages in it.
// Story: on 3 May a roadside mine struck a patrol of observers near the village of Tallow,
// in Brennan province. One outlet names Tallow, another "Brennan province", a third only the
// country; one dates it by the day, one by its publication the next morning.
const country: ClaimPlace = { id: 'qz', lat: 10, lon: 20, precision: 'country', ancestors: [] };
const province: ClaimPlace = {
  id: 'qz-brennan',
  lat: 10.4,
  lon: 20.3,
  precision: 'region',
  ancestors: ['qz'],
};
const tallow: ClaimPlace = {
  id: 'g-tallow',
  lat: 10.5,
  lon: 20.4,
  precision: 'near',
  ancestors: ['qz-brennan', 'qz'],
};
/** A second village of the province, some 40 km from Tallow. */
const orrin: ClaimPlace = {
  id: 'g-orrin',
  lat: 10.85,
  lon: 20.4,
  precision: 'near',
  ancestors: ['qz-brennan', 'qz'],
};
/** A village the gazetteer does not list: only its country is known. */
const unlisted: ClaimPlace = {
  id: 'unlisted-marrow',
  lat: null,
  lon: null,
  precision: 'exact',
  ancestors: ['qz'],
};

const claim = (over: Partial<Claim> = {}): Claim => ({
  kind: 'landmine',
  dateStart: '2024-05-03',
  dateEnd: '2024-05-03',
  place: tallow,
  parties: [],
  killed: null,
  ...over,
});

describe('one event told by several outlets', () => {
  it('keeps a village, its province and its country compatible, graded by how specific each is', () => {
    const inProvince = compareClaims(claim({ place: province }), claim());
    const inCountry = compareClaims(claim({ place: country }), claim());
    expect(inProvince.verdict).toBe('join');
    expect(inCountry.verdict).toBe('join');
    const value = (c: typeof inProvince) => c.features.find((f) => f.name === 'place')?.value ?? 0;
    expect(value(inProvince)).toBeGreaterThan(value(inCountry));
    expect(compareClaims(claim({ place: unlisted }), claim({ place: country })).verdict).toBe('join');
  });

  it('reads only the country as nearly as telling as the town for an event a country sees few of a day', () => {
    // An exchange of detainees on 3 May: one outlet names the town it took place in, another
    // says only "in qz", and its copy carries no date at all.
    const town = claim({ kind: 'prisoner_exchange', parties: ['QZ'] });
    const countryOnly = claim({
      kind: 'prisoner_exchange',
      place: country,
      dateStart: '2030-01-01',
      dateEnd: '2030-01-01',
      dateBasis: 'unknown',
    });
    const exchange = compareClaims(countryOnly, town);
    expect(exchange.verdict).toBe('join');
    expect(exchange.reason).toMatch(/few of a day/);
    // The same shape for a shelling, of which a country sees many a day, stays a suggestion.
    const shelling = compareClaims({ ...countryOnly, kind: 'shelling' }, { ...town, kind: 'shelling' });
    expect(shelling.verdict).not.toBe('join');
    const value = (c: typeof exchange) => c.features.find((f) => f.name === 'place')?.value ?? 0;
    expect(value(exchange)).toBeLessThan(value(compareClaims({ ...countryOnly, place: tallow }, town)));
  });

  it('keeps a village the gazetteer does not list inside the province the text put it in', () => {
    // "near Marrow, a hamlet in Brennan province": Marrow has no coordinates of its own.
    const gazetteer = buildGazetteer([
      { id: 'qz', name: 'Qz', names: ['Qz'], kind: 'country', country: 'QZ', parent: null, lat: 10, lon: 20 },
      {
        id: 'qz-brennan',
        name: 'Brennan',
        names: ['Brennan'],
        kind: 'region',
        country: 'QZ',
        parent: 'qz',
        lat: 10.4,
        lon: 20.3,
      },
    ]);
    const hosted = { id: 'unlisted-marrow', lat: null, lon: null, precision: 'exact', country: 'QZ' };
    expect(claimPlace(gazetteer, { ...hosted, within: 'qz-brennan' })?.ancestors).toEqual([
      'qz-brennan',
      'qz',
    ]);
    expect(claimPlace(gazetteer, hosted)?.ancestors).toEqual(['qz']);
    const marrow: ClaimPlace = { ...unlisted, ancestors: ['qz-brennan', 'qz'] };
    // Against the province it is within it; against a listed village of that province it is as
    // specific as the province, more than an unlisted village known only by its country.
    expect(compareClaims(claim({ place: marrow }), claim({ place: province })).verdict).toBe('join');
    const place = (p: ClaimPlace) =>
      compareClaims(claim({ place: p }), claim({ place: orrin })).features.find((f) => f.name === 'place');
    expect(place(marrow)).toMatchObject({
      value: 0.55,
      note: expect.stringMatching(/both lie in qz-brennan/),
    });
    expect(place(unlisted)?.value).toBeLessThan(0.55);
  });

  it('names the places of its explanation by their names, not their ids', () => {
    const gazetteer = buildGazetteer([
      {
        id: 'qz',
        name: 'Quazaria',
        names: ['Quazaria'],
        kind: 'country',
        country: 'QZ',
        parent: null,
        lat: 10,
        lon: 20,
      },
      {
        id: 'admin1:qz-07',
        name: 'Brennan Province',
        names: ['Brennan Province'],
        kind: 'region',
        country: 'QZ',
        parent: 'qz',
        lat: 10.4,
        lon: 20.3,
      },
      {
        id: 'g-4471',
        name: 'Tallow',
        names: ['Tallow'],
        kind: 'settlement',
        country: 'QZ',
        parent: 'admin1:qz-07',
        lat: 10.5,
        lon: 20.4,
      },
    ]);
    const at = (id: string, precision: string) => {
      const p = gazetteer.byId.get(id);
      return claimPlace(gazetteer, {
        id,
        lat: p?.lat ?? null,
        lon: p?.lon ?? null,
        precision,
        country: 'QZ',
      });
    };
    const village = at('g-4471', 'near');
    const region = at('admin1:qz-07', 'region');
    const within = compareClaims(claim({ place: region }), claim({ place: village })).reason;
    expect(within).toContain('Brennan Province, region');
    expect(within).not.toContain('admin1:qz-07');
    const same = compareClaims(claim({ place: village }), claim({ place: village })).reason;
    expect(same).toContain('same place (Tallow)');
    expect(same).not.toContain('g-4471');
    // An unlisted hamlet the text put in the province: the shared division is named too.
    const hamlet = claimPlace(gazetteer, {
      id: 'unlisted-marrow',
      name: 'Marrow',
      lat: null,
      lon: null,
      precision: 'exact',
      country: 'QZ',
      within: 'admin1:qz-07',
    });
    const orrinInProvince = { ...orrin, ancestors: ['admin1:qz-07', 'qz'] };
    const shared = compareClaims(claim({ place: hamlet }), claim({ place: orrinInProvince })).reason;
    expect(shared).toContain('both lie in Brennan Province');
    expect(shared).not.toContain('admin1:qz-07');
  });

  it('keeps two villages of one province 40 km apart as two events', () => {
    const result = compareClaims(claim({ place: orrin }), claim());
    expect(result.verdict).toBe('apart');
    expect(result.reason).toMatch(/km apart/);
  });

  it('does not read two unlisted towns of two countries as one place', () => {
    const elsewhere: ClaimPlace = {
      id: 'unlisted-dorra',
      lat: null,
      lon: null,
      precision: 'exact',
      ancestors: ['qy'],
    };
    const result = compareClaims(claim({ place: elsewhere }), claim({ place: unlisted }));
    expect(result.features.find((f) => f.name === 'place')).toMatchObject({
      value: 0,
      note: 'in different countries (qy / qz)',
    });
    expect(result.verdict).not.toBe('join');
  });

  it('reads one unlisted name written joined by one outlet and split by another as one place', () => {
    const joined: ClaimPlace = { ...unlisted, id: 'unlisted-marrowfield' };
    const split: ClaimPlace = { ...unlisted, id: 'unlisted-marrow-field' };
    const result = compareClaims(claim({ place: joined }), claim({ place: split }));
    expect(result.features.find((f) => f.name === 'place')?.value).toBe(1);
    expect(result.verdict).toBe('join');
  });

  it('keeps the same unlisted name in two countries as two places', () => {
    const there: ClaimPlace = { ...unlisted, id: 'unlisted-marrow-field', ancestors: ['qy'] };
    const here: ClaimPlace = { ...unlisted, id: 'unlisted-marrowfield' };
    const result = compareClaims(claim({ place: there }), claim({ place: here }));
    expect(result.features.find((f) => f.name === 'place')?.value).toBe(0);
    expect(result.verdict).not.toBe('join');
  });

  it('takes a report a day later (dated by publication) as the same event', () => {
    const result = compareClaims(claim({ dateStart: '2024-05-04', dateEnd: '2024-05-04' }), claim());
    expect(result.verdict).toBe('join');
    expect(result.reason).toMatch(/1 day apart/);
  });

  it('takes a day inside a multi-day account as the same event', () => {
    const spell = claim({ dateStart: '2024-05-01', dateEnd: '2024-05-04' });
    expect(compareClaims(claim(), spell).reason).toMatch(/contains/);
    expect(absorbClaim(spell, claim()).dateStart).toBe('2024-05-03');
  });

  it('reads 9, 8 and 7 casualties across three outlets as one uncertain figure, low/best/high', () => {
    const nine = claim({ killed: { low: 9, high: 9 } });
    const eight = claim({ killed: { low: 8, high: 8 } });
    const seven = claim({ killed: { low: 7, high: 7 } });
    const clusters = clusterClaims([nine, eight, seven].map((c, i) => ({ item: i, claim: c }))).clusters;
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.claim.killed).toEqual({ low: 7, high: 9 });
    const injured = [9, 8, 7].map((n, i) => ({
      reportId: i + 1,
      category: 'injured',
      population: 'unknown',
      low: n,
      best: n,
      high: n,
      qualifier: 'exact',
      claimant: null,
    }));
    expect(reconcileFigures(injured)[0]).toMatchObject({ low: 7, high: 9 });
  });

  it('merges a mine hitting a patrol, an attack on the observers and a blast of unknown nature', () => {
    const items = [
      claim({ kind: 'landmine' }),
      claim({ kind: 'attack_on_monitors', place: province }),
      claim({ kind: 'ceasefire_violation', place: province }),
    ].map((c, i) => ({ item: i, claim: c }));
    const { clusters } = clusterClaims(items);
    expect(clusters.map((c) => c.members)).toEqual([[0, 1, 2]]);
    expect(compareClaims(items[1]?.claim as Claim, claim()).reason).toMatch(/target, the other the means/);
  });
});

describe('events of one article', () => {
  it('never merges two distinct events of one article into one incident', () => {
    // One article: a mine near Tallow, and shelling of Orrin the same day.
    const mine = claim({ sources: [7] });
    const shelling = claim({ kind: 'shelling', place: orrin, sources: [7] });
    expect(groupArticleEvents([mine, shelling])).toEqual([[0], [1]]);
    const abroad = claim({ place: { ...unlisted, id: 'unlisted-dorra', ancestors: ['qy'] }, sources: [7] });
    expect(groupArticleEvents([claim({ place: unlisted, sources: [7] }), abroad])).toEqual([[0], [1]]);
    const countryWide = claim({ kind: 'shelling', place: country, sources: [7] });
    expect(compareClaims(countryWide, absorbClaim(mine, mine)).reason).toMatch(/same article/);
  });

  it('reads one event told in several sentences (lead, recap, undated quote) as one', () => {
    const lead = claim({ sources: [3] });
    const recap = claim({ place: country, sources: [3] });
    const quote = claim({ kind: 'attack_on_monitors', place: null, dateBasis: 'published', sources: [3] });
    expect(groupArticleEvents([lead, recap, quote])).toEqual([[0, 1, 2]]);
  });
});

describe('a later article mentioning the event in passing', () => {
  it('joins the incident instead of opening one on its own publication day', () => {
    const mention = claim({ dateStart: '2024-05-15', dateEnd: '2024-05-15', dateBasis: 'published' });
    const decision = decideMerge(mention, [{ id: 1, claim: claim() }]);
    expect(decision.kind).toBe('merge');
    const kept = absorbClaim(claim(), mention);
    expect(kept.dateStart).toBe('2024-05-03');
  });

  it('does not reach back further than the look-back allows', () => {
    const late = claim({ dateStart: '2024-08-15', dateEnd: '2024-08-15', dateBasis: 'published' });
    expect(compareClaims(late, claim()).verdict).toBe('apart');
  });

  it('lets a report with no date at all be weighed by kind and place only', () => {
    const undated = claim({ dateStart: '2030-01-01', dateEnd: '2030-01-01', dateBasis: 'unknown' });
    const result = compareClaims(undated, claim());
    expect(result.features.find((f) => f.name === 'date')?.note).toMatch(/no date/);
    expect(result.verdict).not.toBe('apart');
  });
});

describe('possible duplicates', () => {
  it('suggests a pair scoring between the thresholds instead of joining or ignoring it', () => {
    // A clash reported a day later, only at country level: maybe the mine, maybe not.
    const weak = claim({
      kind: 'armed_clash',
      place: country,
      dateStart: '2024-05-04',
      dateEnd: '2024-05-04',
    });
    const decision = decideMerge(weak, [{ id: 9, claim: claim() }]);
    expect(decision.kind).toBe('new');
    expect(decision.kind === 'new' && decision.suggestion?.id).toBe(9);
    expect(decision.kind === 'new' && decision.suggestion?.comparison.reason).toMatch(/possible duplicate/);
  });
});
