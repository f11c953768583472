import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../gazetteer/load.js';
import { extract, extractFacts } from './extract.js';
import { Extraction } from './schema.js';

/**
 * No exception escapes and the contract holds for random and adversarial documents: 10,000
 * generated documents across this file. Each document is small enough to finish in
 * milliseconds; the huge ones are fixed cases below (bounded by construction, never timed).
 */
const PIECES = [
  'Azerbaijani forces shelled Stepanakert on Sunday',
  '"We will respond," said Nikol Pashinyan',
  'more than 1,400 people were killed',
  'Gen. ',
  'U.S. ',
  '"',
  "'",
  '“',
  '»',
  '\n',
  ' near Shusha ',
  'dozens',
  ' 2020 ',
  'late September',
  'وقف إطلاق النار',
  'שביתת נשק',
  '<p>',
  '</div>',
  ' the ',
  '.',
];

const check = (bytes: Uint8Array, published: string | null) => {
  const r = extract({ bytes }, { published });
  Extraction.parse(r);
  const n = r.document.text.length;
  for (const q of r.quotes) expect(q.end).toBeLessThanOrEqual(n);
  for (const f of r.figures) {
    if (f.low !== null) expect(f.low).toBeLessThanOrEqual(f.best);
    if (f.high !== null) expect(f.best).toBeLessThanOrEqual(f.high);
  }
};
const encode = (s: string) => new TextEncoder().encode(s);
const published = fc.option(fc.constantFrom('2020-11-10', '2021-03-04', '1999-01-01'), { nil: null });

describe('extract never throws', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), published, check), { numRuns: 2000 });
  });

  it('on random unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 800 }), published, (s, p) => check(encode(s), p)),
      {
        numRuns: 3000,
      },
    );
  });

  it('in the fact stages on random text, whatever its language', () => {
    const g = defaultGazetteer();
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 600 }),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(text, published, (s, p) => {
        const facts = extractFacts(s, p, g);
        for (const q of facts.quotes) expect(s.slice(q.start, q.end)).toBe(q.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('on shuffled article pieces', () => {
    const doc = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(doc, published, (s, p) => check(encode(s), p)),
      { numRuns: 4000 },
    );
  });

  it('on adversarial documents', () => {
    const cases = [
      'A'.repeat(1_000_000),
      '"'.repeat(20_000) + ' open "quote '.repeat(2_000),
      Array.from({ length: 100_000 }, (_, i) => String(i)).join(' '),
      'قال المتحدث إن وقف إطلاق النار صامد '.repeat(3_000),
      '<div>'.repeat(5_000) + 'Shusha' + '</div>'.repeat(5_000),
      'Gen. U.S. Nov. 10 '.repeat(10_000),
      'Pashinyan said: "'.repeat(3_000),
    ];
    for (const s of cases) check(encode(s), '2020-11-10');
    const oneLine =
      'Azerbaijani forces shelled Stepanakert on Sunday, killing 3, "it is a crime," he said. '.repeat(
        12_000,
      );
    expect(extractFacts(oneLine, '2020-11-10', defaultGazetteer()).events.length).toBeGreaterThan(0);
  });
});
