import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { countryByName } from '../world/countries.js';
import { acledInteraction } from './acled-interactions.js';
import { ACTOR_TYPES, type ActorType } from './actor-type-names.js';
import { actorType } from './actor-types.js';

// Five ACLED extracts as published (shared test material outside the repository; see its README).
// ACLED's own coding is the expectation: Truce's derivation, used only when a file has none,
// must agree with it wherever it gives a type at all.
const DIR = fileURLToPath(new URL('../../../shared/exchange/acled-real/', import.meta.url));
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.csv')) : [];
const runIf = FILES.length === 5 ? it : it.skip;

const typeOf = (code: string | undefined): ActorType | '' => {
  if (code && /^[1-8]$/.test(code)) return ACTOR_TYPES[Number(code) - 1] ?? '';
  return ACTOR_TYPES.find((t) => t === code) ?? '';
};

function rows(): Record<string, string>[] {
  return FILES.flatMap(
    (f) =>
      parse(readFileSync(`${DIR}${f}`), {
        columns: true,
        bom: true,
        relax_column_count: true,
      }) as Record<string, string>[],
  );
}

describe('derived ACLED coding against ACLED’s own, on real files', () => {
  runIf('labels every row’s interaction as the file does, from its two actor types', () => {
    let checked = 0;
    for (const r of rows()) {
      if (r.inter2 === undefined || !/^\d\d$/.test(r.interaction ?? '')) continue;
      const [first, second] = [typeOf(r.inter1), r.inter2 === '0' ? null : typeOf(r.inter2)];
      const label = acledInteraction(first, second);
      const code = r.interaction ?? '';
      // The label's codes, lower first (78 included), give back the file's numeric code.
      const types = label.replace(/ only$/, '').split('-');
      const codes = types.map((t) => ACTOR_TYPES.indexOf(t as ActorType) + 1).sort((a, b) => a - b);
      expect(codes.length === 1 ? `${codes[0]}0` : codes.join(''), `${r.event_id_cnty}`).toBe(code);
      checked++;
    }
    expect(checked).toBeGreaterThan(8000);
  });

  runIf('types actors as ACLED does wherever it types them (a blank is allowed, a wrong type not)', () => {
    let same = 0;
    const wrong: string[] = [];
    for (const r of rows()) {
      const country = countryByName(r.country ?? '')?.alpha2 ?? null;
      for (const [actor, inter] of [
        [r.actor1, r.inter1],
        [r.actor2, r.inter2],
      ] as const) {
        const theirs = typeOf(inter);
        if (!actor || actor === 'NA' || !theirs) continue;
        const mine = actorType(actor, country);
        if (mine === theirs) same++;
        else if (mine !== '') wrong.push(`${actor}: ${theirs} → ${mine}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(same).toBeGreaterThan(15000);
  });
});
