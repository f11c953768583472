/**
 * Per-element statistics over the light tree, computed once bottom-up: text length (with
 * whitespace collapsed), link text length, commas, paragraphs, and the inline text an element
 * holds directly. Recursion depth is bounded by MAX_DEPTH (html-tree.ts).
 */
import type { TreeElement, TreeNode } from './html-tree.js';

export interface ElementStats {
  readonly text: number;
  readonly link: number;
  readonly commas: number;
  /** Paragraph-like descendants (p, pre, blockquote, li) with some text. */
  readonly paragraphs: number;
  /** List items among the descendants. */
  readonly items: number;
  /** Text not inside a block-level child. */
  readonly inline: number;
  readonly inlineCommas: number;
  readonly hasBlockChild: boolean;
}

export interface TreeIndex {
  readonly stats: Map<TreeElement, ElementStats>;
  readonly parent: Map<TreeElement, TreeElement>;
}

export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'ul',
  'ol',
  'li',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'hr',
  'address',
  'center',
  'details',
  'summary',
  'figure',
  'caption',
  'body',
  'html',
]);

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'li']);

export function collapsedLength(text: string): number {
  return text.replace(/\s+/g, ' ').length;
}

function countCommas(text: string): number {
  let count = 0;
  for (const char of text) if (char === ',' || char === '，' || char === '、') count += 1;
  return count;
}

interface Totals {
  text: number;
  link: number;
  commas: number;
  paragraphs: number;
  items: number;
  inline: number;
  inlineCommas: number;
  hasBlockChild: boolean;
}

function addChild(totals: Totals, child: TreeNode, index: TreeIndex, insideLink: boolean): void {
  if (typeof child === 'string') {
    const length = collapsedLength(child);
    const commas = countCommas(child);
    totals.text += length;
    totals.commas += commas;
    totals.inline += length;
    totals.inlineCommas += commas;
    if (insideLink) totals.link += length;
    return;
  }
  const stats = measure(child, index, insideLink || child.tag === 'a');
  totals.text += stats.text;
  totals.link += stats.link;
  totals.commas += stats.commas;
  totals.paragraphs += stats.paragraphs + (PARAGRAPH_TAGS.has(child.tag) && stats.text > 0 ? 1 : 0);
  totals.items += stats.items + (child.tag === 'li' ? 1 : 0);
  if (BLOCK_TAGS.has(child.tag)) {
    totals.hasBlockChild = true;
  } else {
    totals.inline += stats.text;
    totals.inlineCommas += stats.commas;
  }
}

function measure(element: TreeElement, index: TreeIndex, insideLink: boolean): ElementStats {
  const totals: Totals = {
    text: 0,
    link: 0,
    commas: 0,
    paragraphs: 0,
    items: 0,
    inline: 0,
    inlineCommas: 0,
    hasBlockChild: false,
  };
  for (const child of element.children) {
    if (typeof child !== 'string') index.parent.set(child, element);
    addChild(totals, child, index, insideLink);
  }
  index.stats.set(element, totals);
  return totals;
}

/** Measure every element under `root`. */
export function indexTree(root: TreeElement): TreeIndex {
  const index: TreeIndex = { stats: new Map(), parent: new Map() };
  measure(root, index, false);
  return index;
}

export function linkDensity(stats: ElementStats | undefined): number {
  return stats && stats.text > 0 ? stats.link / stats.text : 0;
}
