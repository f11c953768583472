/**
 * Readability-style scoring, written for Truce: every paragraph-like block gives points
 * (1 + commas + one per 100 characters, at most 3) to its parent, half to its grandparent and
 * a third-times-level share further up; containers start from their tag and class/id weight.
 * A container's final score is discounted by its link density.
 */
import type { TreeElement } from './html-tree.js';
import { classWeight, isUnlikelyCandidate, tagWeight } from './class-hints.js';
import { linkDensity, type TreeIndex } from './tree-stats.js';

/** Paragraphs shorter than this give no points. */
const MIN_PARAGRAPH = 25;
/** How far up the tree a paragraph's points travel. */
const ANCESTOR_LEVELS = 5;

const SCORED_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
const TEXT_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'center', 'span', 'font']);

export interface Scores {
  readonly score: Map<TreeElement, number>;
  readonly index: TreeIndex;
  readonly skipUnlikely: boolean;
  /** Text length of the whole page, to spare wrappers that merely have a furniture-like name. */
  readonly pageText: number;
}

function pointsFor(text: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(text / 100), 3);
}

function give(scores: Map<TreeElement, number>, element: TreeElement, points: number): void {
  const current = scores.get(element) ?? tagWeight(element.tag) + classWeight(element.hint);
  scores.set(element, current + points);
}

function spread(scores: Scores, first: TreeElement | undefined, points: number): void {
  let target = first;
  for (let level = 0; target && level < ANCESTOR_LEVELS; level += 1) {
    const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
    give(scores.score, target, points / divider);
    target = scores.index.parent.get(target);
  }
}

function scoreElement(scores: Scores, element: TreeElement): void {
  const stats = scores.index.stats.get(element);
  if (!stats) return;
  if (SCORED_TAGS.has(element.tag) && stats.text >= MIN_PARAGRAPH) {
    spread(scores, scores.index.parent.get(element), pointsFor(stats.text, stats.commas));
  } else if (TEXT_CONTAINERS.has(element.tag) && stats.inline >= MIN_PARAGRAPH) {
    // Loose text directly in a container counts as a paragraph of that container.
    spread(scores, element, pointsFor(stats.inline, stats.inlineCommas));
  }
}

/** Whether a block is skipped as furniture: named like it, and holding under half the page's text. */
export function isSkippedAsUnlikely(scores: Scores, element: TreeElement): boolean {
  if (!scores.skipUnlikely || element.tag === 'body' || !isUnlikelyCandidate(element.hint)) return false;
  return (scores.index.stats.get(element)?.text ?? 0) < scores.pageText / 2;
}

function visit(scores: Scores, element: TreeElement): void {
  if (isSkippedAsUnlikely(scores, element)) return;
  scoreElement(scores, element);
  for (const child of element.children) if (typeof child !== 'string') visit(scores, child);
}

/** Score every container under `root`; returns raw scores (before the link discount). */
export function scoreTree(root: TreeElement, index: TreeIndex, skipUnlikely: boolean): Scores {
  const pageText = index.stats.get(root)?.text ?? 0;
  const scores: Scores = { score: new Map(), index, skipUnlikely, pageText };
  visit(scores, root);
  return scores;
}

/** A container's score after discounting link text. */
export function finalScore(scores: Scores, element: TreeElement): number {
  const raw = scores.score.get(element) ?? 0;
  return raw * (1 - linkDensity(scores.index.stats.get(element)));
}

/** The best few containers, highest final score first. */
export function topCandidates(scores: Scores, count: number): TreeElement[] {
  const ranked = [...scores.score.keys()].map((element) => ({ element, value: finalScore(scores, element) }));
  ranked.sort((a, b) => b.value - a.value);
  return ranked.slice(0, count).map((entry) => entry.element);
}
