/**
 * Turn the selected blocks into paragraphs, dropping the furniture inside them on the way:
 * link lists, blocks named like page furniture, link-heavy headings, tiny fragments. Recursion
 * is bounded by MAX_DEPTH (html-tree.ts).
 */
import type { TreeElement } from './html-tree.js';
import { classWeight } from './class-hints.js';
import { isSkippedAsUnlikely } from './content-score.js';
import type { Selection } from './main-content.js';
import { BLOCK_TAGS, linkDensity, type ElementStats } from './tree-stats.js';

const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'span', 'form']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface Writer {
  readonly selection: Selection;
  readonly paragraphs: string[];
  /** Text length of all selected blocks together. */
  readonly selectedText: number;
  line: string[];
}

function flush(writer: Writer): void {
  const text = writer.line.join('').replace(/\s+/g, ' ').trim();
  if (text !== '') writer.paragraphs.push(text);
  writer.line = [];
}

function isFishyContainer(writer: Writer, element: TreeElement, stats: ElementStats): boolean {
  const weight = classWeight(element.hint);
  if (weight < 0 && stats.text < writer.selectedText / 2) return true;
  if (stats.commas >= 10) return false;
  const density = linkDensity(stats);
  const isList = element.tag === 'ul' || element.tag === 'ol';
  if (isList) return density > 0.5;
  if (stats.items > stats.paragraphs + 1 && stats.items > 2 && density > 0.2) return true;
  if (weight < 25 && density > 0.25) return true;
  return weight >= 25 && density > 0.5;
}

function isDropped(writer: Writer, element: TreeElement): boolean {
  const stats = writer.selection.index.stats.get(element);
  if (!stats || stats.text === 0) return true;
  if (isSkippedAsUnlikely(writer.selection.scores, element)) return true;
  if (HEADINGS.has(element.tag)) return classWeight(element.hint) < 0 || linkDensity(stats) > 0.33;
  return CONDITIONAL.has(element.tag) && isFishyContainer(writer, element, stats);
}

function write(writer: Writer, element: TreeElement): void {
  if (element.tag === 'br') {
    flush(writer);
    return;
  }
  if (isDropped(writer, element)) return;
  const isBlock = BLOCK_TAGS.has(element.tag);
  if (isBlock) flush(writer);
  for (const child of element.children) {
    if (typeof child === 'string') writer.line.push(child);
    else write(writer, child);
  }
  if (isBlock) flush(writer);
}

/** The selected blocks as whitespace-collapsed paragraphs, in document order. */
export function selectionParagraphs(selection: Selection): string[] {
  const selectedText = selection.blocks.reduce(
    (sum, block) => sum + (selection.index.stats.get(block)?.text ?? 0),
    0,
  );
  const writer: Writer = { selection, paragraphs: [], line: [], selectedText };
  for (const block of selection.blocks) {
    flush(writer);
    for (const child of block.children) {
      if (typeof child === 'string') writer.line.push(child);
      else write(writer, child);
    }
    flush(writer);
  }
  return writer.paragraphs;
}
