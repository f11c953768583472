/**
 * Publication dates from page metadata, normalised to YYYY-MM-DD. The date the page wrote is
 * kept as written (its own time zone), never shifted to UTC.
 */

const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isPlausible(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `2020-11-10T09:30:00+04:00` → `2020-11-10`; `Nov 10, 2020` → `2020-11-10`; else null. */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = (value ?? '').trim().slice(0, 80);
  if (text === '') return null;
  const iso = ISO_DAY.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isPlausible(year, month, day) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return null;
  const [year, month, day] = [parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate()];
  return isPlausible(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The first `datePublished` in JSON-LD blocks (any nesting, including `@graph`). */
export function jsonLdPublished(blocks: readonly string[]): string | null {
  for (const block of blocks) {
    const match = /"datePublished"\s*:\s*"([^"]{1,60})"/.exec(block);
    const date = normaliseDate(match?.[1]);
    if (date) return date;
  }
  return null;
}
