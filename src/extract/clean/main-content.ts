/**
 * Pick the article's container: the best-scored candidate, lifted to a common ancestor when
 * several strong candidates share one, plus the siblings that look like more of the story.
 */
import type { TreeElement } from './html-tree.js';
import { finalScore, scoreTree, topCandidates, type Scores } from './content-score.js';
import { indexTree, linkDensity, type TreeIndex } from './tree-stats.js';

/** A selection shorter than this many characters triggers a second pass without the class filter. */
const RETRY_BELOW = 500;

export interface Selection {
  readonly blocks: readonly TreeElement[];
  readonly index: TreeIndex;
  readonly skipUnlikely: boolean;
  readonly scores: Scores;
}

function ancestors(index: TreeIndex, element: TreeElement): TreeElement[] {
  const chain: TreeElement[] = [];
  for (let at = index.parent.get(element); at; at = index.parent.get(at)) chain.push(at);
  return chain;
}

/** When three of the strongest candidates sit under one ancestor, that ancestor is the story. */
function sharedAncestor(scores: Scores, top: TreeElement): TreeElement {
  const best = finalScore(scores, top);
  const strong = topCandidates(scores, 5).filter((c) => c !== top && finalScore(scores, c) >= best * 0.75);
  if (strong.length < 2) return top;
  const strongChains = strong.map((c) => new Set(ancestors(scores.index, c)));
  for (const ancestor of ancestors(scores.index, top)) {
    if (ancestor.tag === 'body' || ancestor.tag === 'html') break;
    if (strongChains.filter((chain) => chain.has(ancestor)).length >= 2) return ancestor;
  }
  return top;
}

/** Walk up while the parent scores higher, and past wrappers that hold only the candidate. */
function climb(scores: Scores, start: TreeElement): TreeElement {
  let top = start;
  let last = finalScore(scores, top);
  const floor = last / 3;
  for (let parent = scores.index.parent.get(top); parent && parent.tag !== 'body';) {
    const value = scores.score.has(parent) ? finalScore(scores, parent) : null;
    if (value !== null && value < floor) break;
    if (value !== null && value > last) {
      top = parent;
      break;
    }
    if (value !== null) last = value;
    parent = scores.index.parent.get(parent);
  }
  for (let parent = scores.index.parent.get(top); parent && parent.tag !== 'body';) {
    if (parent.children.filter((child) => typeof child !== 'string').length !== 1) break;
    top = parent;
    parent = scores.index.parent.get(top);
  }
  return top;
}

function isStoryParagraph(scores: Scores, element: TreeElement): boolean {
  const stats = scores.index.stats.get(element);
  if (!stats || (element.tag !== 'p' && stats.hasBlockChild)) return false;
  const density = linkDensity(stats);
  if (stats.text > 80) return density < 0.25;
  return stats.text > 0 && density === 0 && /[.!?]["'”’]?\s*$/.test(textOf(element));
}

function textOf(element: TreeElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

function withSiblings(scores: Scores, top: TreeElement): TreeElement[] {
  const parent = scores.index.parent.get(top);
  if (!parent) return [top];
  const best = finalScore(scores, top);
  const threshold = Math.max(10, best * 0.2);
  const picked: TreeElement[] = [];
  for (const sibling of parent.children) {
    if (typeof sibling === 'string') continue;
    const bonus = sibling.hint !== '' && sibling.hint === top.hint ? best * 0.2 : 0;
    const value = scores.score.has(sibling) ? finalScore(scores, sibling) : -Infinity;
    if (sibling === top || value + bonus >= threshold || isStoryParagraph(scores, sibling))
      picked.push(sibling);
  }
  return picked;
}

function selectOnce(root: TreeElement, index: TreeIndex, skipUnlikely: boolean): Selection {
  const scores = scoreTree(root, index, skipUnlikely);
  const first = topCandidates(scores, 1)[0];
  if (!first) return { blocks: [root], index, skipUnlikely, scores };
  const top = climb(scores, sharedAncestor(scores, first));
  return { blocks: withSiblings(scores, top), index, skipUnlikely, scores };
}

export interface MainContent {
  readonly selection: Selection;
  readonly paragraphs: readonly string[];
}

function textLength(paragraphs: readonly string[]): number {
  return paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
}

/**
 * Choose the blocks that hold the article under `root` (usually `<body>`) and write them as
 * paragraphs; when the class/id filter leaves too little, try again without it.
 */
export function extractMainContent(
  root: TreeElement,
  write: (selection: Selection) => readonly string[],
): MainContent {
  const index = indexTree(root);
  const strict = selectOnce(root, index, true);
  const strictText = write(strict);
  if (textLength(strictText) >= RETRY_BELOW) return { selection: strict, paragraphs: strictText };
  const loose = selectOnce(root, index, false);
  const looseText = write(loose);
  return textLength(looseText) > textLength(strictText)
    ? { selection: loose, paragraphs: looseText }
    : { selection: strict, paragraphs: strictText };
}
