/**
 * Title, publication date and declared language from a parsed page: Open Graph and article
 * meta tags first, then JSON-LD, then `<title>`, `<h1>` and `<time datetime>`.
 */
import { jsonLdPublished, normaliseDate } from './published-date.js';

export interface PageMetadata {
  readonly title: string | null;
  readonly published: string | null;
  readonly declaredLanguage: string | null;
}

/** The part of linkedom's Document the metadata pass reads. */
export interface MetaElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

export interface MetaDocument {
  querySelectorAll(selector: string): Iterable<MetaElement>;
  querySelector(selector: string): MetaElement | null;
  readonly documentElement: MetaElement | null;
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'publishdate',
  'pubdate',
  'publish-date',
  'dc.date.issued',
  'dc.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
];

function metaMap(document: MetaDocument): Map<string, string> {
  const map = new Map<string, string>();
  let count = 0;
  for (const meta of document.querySelectorAll('meta')) {
    if ((count += 1) > 2000) break;
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      meta.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = meta.getAttribute('content');
    if (key !== '' && content && !map.has(key)) map.set(key, content.trim());
  }
  return map;
}

function clean(text: string | null | undefined): string | null {
  const value = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
  return value === '' ? null : value;
}

function findTitle(document: MetaDocument, meta: Map<string, string>): string | null {
  return (
    clean(meta.get('og:title')) ??
    clean(meta.get('twitter:title')) ??
    clean(document.querySelector('title')?.textContent) ??
    clean(document.querySelector('h1')?.textContent)
  );
}

function findPublished(
  document: MetaDocument,
  meta: Map<string, string>,
  jsonLd: readonly string[],
): string | null {
  for (const key of PUBLISHED_KEYS) {
    const date = normaliseDate(meta.get(key));
    if (date) return date;
  }
  const fromJsonLd = jsonLdPublished(jsonLd);
  if (fromJsonLd) return fromJsonLd;
  const time = document.querySelector('time[datetime]');
  return normaliseDate(time?.getAttribute('datetime'));
}

function findLanguage(document: MetaDocument, meta: Map<string, string>): string | null {
  const declared =
    document.documentElement?.getAttribute('lang') ??
    meta.get('content-language') ??
    meta.get('og:locale') ??
    null;
  const match = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?/i.exec((declared ?? '').trim());
  return match ? match[0].replace('_', '-') : null;
}

/** Read the page's own description of itself. */
export function readMetadata(document: MetaDocument, jsonLd: readonly string[]): PageMetadata {
  const meta = metaMap(document);
  return {
    title: findTitle(document, meta),
    published: findPublished(document, meta, jsonLd),
    declaredLanguage: findLanguage(document, meta),
  };
}
