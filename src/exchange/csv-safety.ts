/**
 * Spreadsheets run a cell that starts with `=`, `+`, `@` or `-` as a formula. Text from articles
 * is untrusted, so such a text cell is written with a leading apostrophe (OWASP's advice), which
 * spreadsheets show as text and `fromSpreadsheetText` removes again on import. Numbers such as
 * `-12.5` are left alone.
 *
 * @example toSpreadsheetText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function toSpreadsheetText(value: string): string {
  return /^(?:[=+@\t\r]|-(?![\d.]))/.test(value) ? `'${value}` : value;
}

/** @example fromSpreadsheetText("'=1+1") // '=1+1' */
export function fromSpreadsheetText(value: string): string {
  return /^'(?:[=+@\t\r]|-(?![\d.]))/.test(value) ? value.slice(1) : value;
}

/** Applies `toSpreadsheetText` to every cell of a row of strings. */
export function safeRow<K extends string>(row: Record<K, string>): Record<K, string> {
  const out = { ...row };
  for (const key of Object.keys(out) as K[]) out[key] = toSpreadsheetText(out[key]);
  return out;
}
