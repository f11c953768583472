/**
 * Split plain text into paragraph units. Blank lines always separate units. Inside a block of
 * consecutive lines, hard-wrapped prose (every line but the last 50–100 characters) is joined
 * back into one paragraph; otherwise each line is its own unit (scraped text puts a heading or
 * a paragraph on each line).
 */

const WRAP_MIN = 50;
const WRAP_MAX = 100;

function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  const last = lines[lines.length - 1] ?? '';
  return body.every((line) => line.length >= WRAP_MIN && line.length <= WRAP_MAX) && last.length <= WRAP_MAX;
}

/** The paragraph units of a plain-text document, trimmed, empty ones dropped. */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const block of text.split(/\r?\n[ \t\u00a0]*\r?\n|\r\s*\r/)) {
    const lines = block
      .split(/\r\n?|\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (isHardWrapped(lines)) units.push(lines.join(' '));
    else units.push(...lines);
  }
  return units;
}
