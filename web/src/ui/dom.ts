/**
 * Building DOM without HTML strings. Every piece of text goes in through `textContent` (via
 * `text` or string children), so untrusted data can never become markup.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly [name: string]: string | number | boolean | null | undefined | EventListener;
}

/** Creates an element: `h('p', { class: 'note' }, 'Hello ', h('b', {}, name))`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, ...children);
  return element;
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(parent: Node, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Node, ...children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

function applyProps(element: Element, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function svg(
  tag: string,
  attrs: Readonly<Record<string, string | number>> = {},
  ...children: readonly Child[]
): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  append(element, ...children);
  return element as SVGElement;
}

/** A section with a heading, the common block of every page. */
export function section(title: string, ...children: readonly Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

/** Formats a number for people, or a dash when unknown. */
export function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en');
}

/** Words from a snake_case code: `aircraft_shot_down` → `aircraft shot down`. */
export function words(code: string): string {
  return code.replace(/_/g, ' ');
}
