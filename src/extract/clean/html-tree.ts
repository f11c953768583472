/**
 * A light tree built from the linkedom DOM in one iterative walk: only what the main-content
 * pass needs (tag, class/id hint, text). Elements deeper than MAX_DEPTH are flattened into
 * their ancestor at that depth, so every later recursion over the tree is bounded by it.
 */

/** Nesting beyond this depth is flattened (10,000-level documents become 200 levels). */
export const MAX_DEPTH = 200;

export interface TreeElement {
  readonly tag: string;
  /** class and id, lower-cased and cut to 200 characters, for the class/id heuristics. */
  readonly hint: string;
  readonly children: TreeNode[];
}

export type TreeNode = TreeElement | string;

/** The part of linkedom's DOM the walk reads. */
export interface DomNode {
  readonly nodeType: number;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly localName?: string;
  readonly nodeValue?: string | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that never hold article text (or whose text is interface, not prose). */
const SKIPPED = new Set([
  'head',
  'nav',
  'aside',
  'footer',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'label',
  'dialog',
  'menu',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'source',
  'link',
  'meta',
  'style',
  'script',
  'noscript',
  'svg',
  'template',
  'iframe',
  'header',
  'fieldset',
  'figure',
  'figcaption',
  'time',
]);

function attribute(node: DomNode, name: string): string {
  return node.getAttribute?.(name) ?? '';
}

function isHidden(node: DomNode): boolean {
  if (node.getAttribute?.('hidden') !== null && node.getAttribute?.('hidden') !== undefined) return true;
  if (attribute(node, 'aria-hidden') === 'true') return true;
  const style = attribute(node, 'style').slice(0, 300).toLowerCase();
  return /display\s*:\s*none|visibility\s*:\s*hidden/.test(style);
}

function makeElement(node: DomNode): TreeElement {
  const hint = `${attribute(node, 'class')} ${attribute(node, 'id')}`.slice(0, 200).toLowerCase();
  return { tag: (node.localName ?? '').toLowerCase(), hint, children: [] };
}

interface Frame {
  next: DomNode | null;
  readonly into: TreeElement;
  readonly depth: number;
}

function shouldSkip(node: DomNode): boolean {
  return SKIPPED.has((node.localName ?? '').toLowerCase()) || isHidden(node);
}

function descend(stack: Frame[], frame: Frame, node: DomNode): void {
  if (frame.depth >= MAX_DEPTH) {
    stack.push({ next: node.firstChild, into: frame.into, depth: frame.depth });
    return;
  }
  const element = makeElement(node);
  frame.into.children.push(element);
  stack.push({ next: node.firstChild, into: element, depth: frame.depth + 1 });
}

/** Convert a DOM subtree (usually `<body>`) to the light tree. */
export function buildTree(root: DomNode): TreeElement {
  const top = makeElement(root);
  const stack: Frame[] = [{ next: root.firstChild, into: top, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const node = frame?.next;
    if (!frame || !node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      if (text.length > 0) frame.into.children.push(text);
    } else if (node.nodeType === ELEMENT_NODE && !shouldSkip(node)) {
      descend(stack, frame, node);
    }
  }
  return top;
}
