import type { Bulletin } from './bulletin.js';
import { bulletinDocument, type Block, type Inline } from './bulletin-document.js';

/** Markdown and HTML renderings of the bulletin. Untrusted text is escaped; only http(s) links become links. */

const isWebUrl = (href: string | null): href is string => href !== null && /^https?:\/\//i.test(href);

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

function inlineMarkdown(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      const text = escapeMarkdown(part.text);
      return isWebUrl(part.href) ? `[${text}](<${part.href.replace(/[<>\s]/g, encodeURIComponent)}>)` : text;
    })
    .join('');
}

/**
 * The bulletin in Markdown.
 *
 * @example renderMarkdown(bulletin).startsWith('# ')
 */
export function renderMarkdown(bulletin: Bulletin): string {
  return bulletinDocument(bulletin)
    .map((block) => blockMarkdown(block))
    .join('\n\n')
    .concat('\n');
}

/** A fenced block longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function blockMarkdown(block: Block): string {
  if (block.kind === 'heading') return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
  if (block.kind === 'paragraph') return inlineMarkdown(block.content);
  if (block.kind === 'code') return fenced(block.text);
  return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** @example escapeHtml('<b>') === '&lt;b&gt;' */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

function inlineHtml(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      const text = escapeHtml(part.text);
      return isWebUrl(part.href)
        ? `<a href="${escapeHtml(part.href)}" rel="noopener noreferrer">${text}</a>`
        : text;
    })
    .join('');
}

function blockHtml(block: Block): string {
  if (block.kind === 'heading') return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
  if (block.kind === 'paragraph') return `<p>${inlineHtml(block.content)}</p>`;
  if (block.kind === 'code') return `<pre>${escapeHtml(block.text)}</pre>`;
  return `<ul>\n${block.items.map((item) => `  <li>${inlineHtml(item)}</li>`).join('\n')}\n</ul>`;
}

const checkpointAttributes = ({ checkpoint: c }: Bulletin) =>
  c
    ? ` data-checkpoint-origin="${escapeHtml(c.origin)}" data-checkpoint-size="${c.size}" data-checkpoint-root="${escapeHtml(c.root)}"`
    : '';

/**
 * The bulletin as a standalone HTML page.
 *
 * @example renderHtml(bulletin).includes('<h1>')
 */
export function renderHtml(bulletin: Bulletin): string {
  const body = bulletinDocument(bulletin).map(blockHtml).join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(bulletin.title)}</title></head>`,
    `<body>\n<article data-audit-head="${escapeHtml(bulletin.auditHead.hash)}"${checkpointAttributes(bulletin)}>`,
    body,
    '</article>\n</body>',
    '</html>',
    '',
  ].join('\n');
}
