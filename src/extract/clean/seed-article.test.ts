/**
 * The project's seed article and its gold keep/drop lists, read from ../shared/eval when that
 * checkout is present (never copied into the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanDocument } from './index.js';

const evalDir = new URL('../../../../shared/eval/', import.meta.url);
const articleUrl = new URL('articles/karabakh-ceasefire-2020-11-10.txt', evalDir);
const goldUrl = new URL('gold.json', evalDir);
const isPresent = existsSync(articleUrl) && existsSync(goldUrl);

const Gold = z.object({
  articles: z.record(
    z.string(),
    z.object({
      body_includes: z.array(z.string()).default([]),
      body_excludes: z.array(z.string()).default([]),
    }),
  ),
});

describe.skipIf(!isPresent)('the seed article', () => {
  const straight = (text: string): string =>
    text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

  it('keeps what the gold keeps and drops what it drops', () => {
    const gold = Gold.parse(JSON.parse(readFileSync(goldUrl, 'utf8'))).articles[
      'karabakh-ceasefire-2020-11-10'
    ];
    const text = cleanDocument({ bytes: readFileSync(articleUrl) }).text;
    for (const kept of gold?.body_includes ?? []) expect(text).toContain(straight(kept));
    for (const dropped of gold?.body_excludes ?? []) expect(text).not.toContain(straight(dropped));
  });

  it('keeps every non-empty line of the article above the comment form', () => {
    const raw = readFileSync(articleUrl, 'utf8');
    const article = raw.slice(0, raw.indexOf('Please enter your comment!'));
    const text = cleanDocument({ bytes: readFileSync(articleUrl) }).text;
    for (const line of article
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')) {
      expect(text).toContain(straight(line).replace(/\s+/g, ' '));
    }
  });
});
