import type { Sentence } from '../text/sentences.js';

/**
 * Phenomenon: a sentence cut at an abbreviation the splitter took for its end ("at 5:50 a.m.
 * (GMT) during the patrol", "5:00 p.m. local time [2:00 p.m. GMT], air defences …"): the
 * event stage reads the pieces as one sentence. A piece that starts in lower case, with a
 * bracket or a closing mark, or follows a time of day, continues the one before.
 *
 * @example joinBrokenSentences('At 5 a.m. (GMT) a mine exploded.', sentences).length // 1
 */
export function joinBrokenSentences(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (last && last.paragraph === s.paragraph && continues(text, last, s)) {
      out[out.length - 1] = { ...last, end: s.end };
    } else out.push(s);
  }
  return out;
}

function continues(text: string, previous: Sentence, next: Sentence): boolean {
  const tail = text.slice(Math.max(previous.start, previous.end - 8), previous.end);
  const head = text.slice(next.start, next.start + 6);
  return /\b[ap]\.m\.$/i.test(tail.trimEnd()) || /^[\p{Ll}([)\]]|^[A-Z]{2,5}\]/u.test(head);
}

/**
 * Phenomenon: the headline restates the story's main event in fewer words; a title line is the
 * document's first paragraph when it has no sentence-final stop.
 */
export function isTitleLine(text: string, s: Sentence): boolean {
  if (s.paragraph > 4) return false;
  const line = text.slice(s.start, s.end).trim();
  return line.length < 220 && !/[.!?]["'”’]?$/u.test(line);
}
