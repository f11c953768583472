import { foldClaims, hasPoint } from './merge-absorb.js';
import { groupArticleEvents } from './merge-article.js';
import { MERGE_CONFIG, type MergeConfig } from './merge-config.js';
import type { Claim } from './merge-features.js';

/**
 * The merge reads candidates and then writes (joins one or opens one): two processes merging two
 * reports of one event at once could both read "nothing yet" and both open an incident. Before
 * its first read, an ingest transaction therefore locks the part of the record its reads can see:
 *
 * - the whole record, shared — exclusive for a claim with no date (it is compared with every
 *   date, and every dated claim compares with the undated incident it may open);
 * - each 16-day span its candidate search reaches, shared — exclusive for a claim without a point
 *   (it is compared with every place of those days);
 * - each 1° cell × span around its point, exclusive (the search box lies within the 3 × 3 cells).
 *
 * Two claims either of which could find the other's incident share a key one of them holds
 * exclusively, so they take turns; claims far apart in place or time run side by side. A join
 * moves an incident only within the joining claim's area and days, which it holds.
 */
export interface MergeLocks {
  /** 32-bit keys, each once, in ascending order (the order every process takes them in). */
  readonly keys: readonly number[];
  /** Parallel to `keys`: true for an exclusive lock, false for a shared one. */
  readonly exclusive: readonly boolean[];
}

const DAY_MS = 86_400_000;
/** Days per time key: coarse enough that a claim's ±30-day reach is a few keys (the lock table is finite). */
const SPAN_DAYS = 16;
const spanOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS / SPAN_DAYS);
const CELL_DEGREES = 1;

/** FNV-1a over the key's text, as a signed 32-bit integer (a collision only makes two wait). */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The locks an article's claims need: those of each claim and of each group's folded claim (the
 * one `storeArticleEvents` compares).
 *
 * @example mergeLocks([claimAtMartuni]).keys.length // 1 + 5 spans + 9 cells × 5 spans = 51
 */
export function mergeLocks(claims: readonly Claim[], config: MergeConfig = MERGE_CONFIG): MergeLocks {
  const wanted = new Map<string, boolean>();
  const want = (key: string, exclusive: boolean) => wanted.set(key, (wanted.get(key) ?? false) || exclusive);
  const folded = groupArticleEvents(claims, config)
    .map((group) => foldClaims(group.map((i) => claims[i] as Claim)))
    .filter((c): c is Claim => c !== null);
  const reach = Math.max(config.maxGapDays, config.undatedLookbackDays);
  const reachCells = Math.ceil((config.blockBoxDegrees * 1.4) / CELL_DEGREES);
  for (const claim of [...claims, ...folded]) {
    if (claim.dateBasis === 'unknown') {
      want('all', true);
      continue;
    }
    want('all', false);
    const point = hasPoint(claim);
    const [from, to] = [
      spanOf(claim.dateStart) - Math.ceil(reach / SPAN_DAYS),
      spanOf(claim.dateEnd) + Math.ceil(reach / SPAN_DAYS),
    ];
    for (let span = from; span <= to; span += 1) {
      want(`s:${span}`, !point);
      if (!point) continue;
      const [row, col] = [
        Math.floor((claim.place?.lat as number) / CELL_DEGREES),
        Math.floor((claim.place?.lon as number) / CELL_DEGREES),
      ];
      for (let dr = -reachCells; dr <= reachCells; dr += 1)
        for (let dc = -reachCells; dc <= reachCells; dc += 1) want(`c:${span}:${row + dr}:${col + dc}`, true);
    }
  }
  const byKey = new Map<number, boolean>();
  for (const [text, exclusive] of wanted) {
    const key = hash32(text);
    byKey.set(key, (byKey.get(key) ?? false) || exclusive);
  }
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  return { keys, exclusive: keys.map((k) => byKey.get(k) as boolean) };
}

/** Whether two lock sets make their transactions take turns (a key both hold, one exclusively). */
export function locksConflict(a: MergeLocks, b: MergeLocks): boolean {
  const modes = new Map(a.keys.map((k, i) => [k, a.exclusive[i] as boolean]));
  return b.keys.some((k, i) => modes.has(k) && (modes.get(k) === true || b.exclusive[i] === true));
}
