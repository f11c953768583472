/**
 * The clean stage: bytes in, the article's clean body out.
 * STUB — the clean-stage work replaces this with the real HTML and plain-text passes.
 */
export interface CleanInput {
  readonly bytes: Uint8Array;
  /** A Content-Type header or file hint, if the caller knows one (`text/html; charset=windows-1251`). */
  readonly contentType?: string;
}

export interface CleanedDocument {
  /** The article's title, or null when none is found. */
  readonly title: string | null;
  /** The clean body: only the article's own sentences, whitespace and quote marks normalised. */
  readonly text: string;
  readonly isHtml: boolean;
  /** The charset the bytes were decoded with. */
  readonly charset: string;
  /** Publication date from the page's metadata (YYYY-MM-DD), or null. */
  readonly published: string | null;
  /** The language the page declares (`<html lang>`), or null. */
  readonly declaredLanguage: string | null;
}

export function cleanDocument(input: CleanInput): CleanedDocument {
  const raw = new TextDecoder('utf-8').decode(input.bytes);
  const isHtml = /<html|<body|<p[\s>]/i.test(raw.slice(0, 4096));
  const text = isHtml ? raw.replace(/<[^>]*>/g, ' ') : raw;
  return {
    title: null,
    text: text.replace(/[ \t]+/g, ' ').trim(),
    isHtml,
    charset: 'utf-8',
    published: null,
    declaredLanguage: null,
  };
}
