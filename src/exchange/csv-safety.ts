/**
 * Spreadsheets run a cell that starts with `=`, `+`, `@` or `-` as a formula. Text from articles
 * is untrusted, so such a text cell is written with a leading apostrophe (OWASP's advice), which
 * spreadsheets show as text and `fromSpreadsheetText` removes again on import. Only a cell that
 * is entirely a number (`-12.5`, `+3`, `-1e3`) may start with `-` or `+` unprefixed: `-1+1` and
 * `-2+3+cmd|' /C calc'!A0` are formulas.
 *
 * @example toSpreadsheetText('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function toSpreadsheetText(value: string): string {
  return needsPrefix(value) ? `'${value}` : value;
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function needsPrefix(value: string): boolean {
  if (/^[=@\t\r]/.test(value)) return true;
  return /^[-+]/.test(value) && !NUMBER.test(value);
}

/** @example fromSpreadsheetText("'=1+1") // '=1+1' */
export function fromSpreadsheetText(value: string): string {
  return value.startsWith("'") && needsPrefix(value.slice(1)) ? value.slice(1) : value;
}

/** Applies `toSpreadsheetText` to every cell of a row of strings. */
export function safeRow<K extends string>(row: Record<K, string>): Record<K, string> {
  const out = { ...row };
  for (const key of Object.keys(out) as K[]) out[key] = toSpreadsheetText(out[key]);
  return out;
}
