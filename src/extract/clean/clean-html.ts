/**
 * The HTML path: strip script-like elements, parse with linkedom, read the metadata, build
 * the light tree, pick the main content and write it as paragraphs.
 */
import { parseHTML } from 'linkedom';
import { buildTree, type DomNode } from './html-tree.js';
import { readMetadata, type MetaDocument, type MetaElement, type PageMetadata } from './html-metadata.js';
import { extractMainContent } from './main-content.js';
import { stripRawHtml } from './strip-raw-html.js';
import { selectionParagraphs } from './tree-text.js';

export interface HtmlContent extends PageMetadata {
  readonly paragraphs: readonly string[];
}

interface ParsedPage {
  readonly document: MetaDocument & { readonly documentElement: (DomNode & MetaElement) | null };
}

/** linkedom makes the first element of a bare fragment the root, so fragments get a body. */
function wrapFragment(html: string): string {
  return /<html[\s>]|<body[\s>]/i.test(html.slice(0, 20_000)) ? html : `<html><body>${html}</body></html>`;
}

function parse(html: string): ParsedPage {
  const { document } = parseHTML(wrapFragment(html)) as unknown as ParsedPage;
  return { document };
}

/** Extract the article's paragraphs and the page metadata from decoded HTML. */
export function cleanHtml(html: string): HtmlContent {
  const stripped = stripRawHtml(html);
  const { document } = parse(stripped.html);
  const metadata = readMetadata(document, stripped.jsonLd);
  const root = document.documentElement;
  if (!root) return { ...metadata, paragraphs: [] };
  const { paragraphs } = extractMainContent(buildTree(root), selectionParagraphs);
  return { ...metadata, paragraphs };
}
