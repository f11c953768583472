import { sql } from 'kysely';
import type { Db } from '../platform/db/dialect.js';
import type { Visibility } from '../record/visibility.js';
import { visibleIncident } from '../record/visibility-store.js';
import { matchingStatements } from '../record/statement-store.js';
import { incidentKindOf } from '../vocabulary/index.js';
import { VIOLATION_KINDS, type BulletinDay, type BulletinIndexPage } from './bulletin.js';

/** The days that have a bulletin worth reading, and what each holds: the bulletins' index. */

/** An incident spanning more days than this counts on its first ones only (a bound on the loop). */
export const MAX_SPAN_DAYS = 366;
export const MAX_INDEX_LIMIT = 366;

const BULLETIN_VISIBILITY: Visibility = { kind: 'published' };
const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Counts {
  incidents: number;
  violations: number;
  undated: number;
  statements: number;
  activity: boolean;
}

const empty = (): Counts => ({ incidents: 0, violations: 0, undated: 0, statements: 0, activity: false });

/**
 * Every day with content, newest first (what the public may see, as in the bulletin itself). The
 * database groups the incidents by span and kind, the undated ones by the day they were recorded
 * and the statements by day, so the rows read grow with the days and kinds, not with the record.
 */
async function allDays(db: Db): Promise<BulletinDay[]> {
  const published = db
    .selectFrom('incidents')
    .where(visibleIncident(BULLETIN_VISIBILITY, { id: 'incidents.id', status: 'incidents.status' }))
    .where('status', 'not in', ['rejected', 'merged']);
  const [spans, undated, statements, activity] = await Promise.all([
    published
      .select((eb) => ['kind', 'date_start', 'date_end', eb.fn.countAll<number | string>().as('n')])
      .where('date_start', 'is not', null)
      .groupBy(['kind', 'date_start', 'date_end'])
      .execute(),
    published
      .select((eb) => [
        sql<string>`substr(created_at, 1, 10)`.as('day'),
        eb.fn.countAll<number | string>().as('n'),
      ])
      .where('date_start', 'is', null)
      .groupBy(sql`substr(created_at, 1, 10)`)
      .execute(),
    matchingStatements(db, {}, BULLETIN_VISIBILITY)
      .select((eb) => [
        sql<string>`substr(s.said_on, 1, 10)`.as('day'),
        eb.fn.countAll<number | string>().as('n'),
      ])
      .where('s.said_on', 'is not', null)
      .groupBy(sql`substr(s.said_on, 1, 10)`)
      .execute(),
    db.selectFrom('mission_activity').select('day').distinct().execute(),
  ]);
  const days = new Map<string, Counts>();
  const at = (date: string) => {
    const found = days.get(date) ?? empty();
    days.set(date, found);
    return found;
  };
  for (const u of undated) at(u.day).undated += Number(u.n);
  for (const span of spans) {
    if (span.date_start === null) continue;
    const n = Number(span.n);
    const breach = VIOLATION_KINDS.has(incidentKindOf(span.kind));
    const start = Date.parse(`${span.date_start.slice(0, 10)}T00:00:00Z`);
    const end = Date.parse(`${(span.date_end ?? span.date_start).slice(0, 10)}T00:00:00Z`);
    for (let k = 0, ms = start; ms <= end && k < MAX_SPAN_DAYS; k += 1, ms += DAY_MS) {
      const counts = at(dayOf(ms));
      counts.incidents += n;
      if (breach) counts.violations += n;
    }
  }
  for (const s of statements) at(s.day).statements += Number(s.n);
  for (const a of activity) at(a.day.slice(0, 10)).activity = true;
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([date, counts]) => ({ date, ...counts }));
}

/**
 * One page of the index, newest first: the days before `before` (keyset), or with `after` the
 * days after it, nearest first (the next day with content is `after=DAY&limit=1`).
 *
 * @example (await bulletinIndex(db, { limit: 1 })).days[0]?.date // the latest day with content
 */
export async function bulletinIndex(
  db: Db,
  options: { readonly before?: string; readonly after?: string; readonly limit: number },
): Promise<BulletinIndexPage> {
  const limit = Math.min(Math.max(1, options.limit), MAX_INDEX_LIMIT);
  const all = await allDays(db);
  if (options.after !== undefined) {
    const after = options.after;
    const later = all.filter((d) => d.date > after).reverse();
    return { days: later.slice(0, limit), next: null };
  }
  const before = options.before;
  const older = before === undefined ? all : all.filter((d) => d.date < before);
  const days = older.slice(0, limit);
  const last = days.at(-1);
  return { days, next: older.length > limit && last ? last.date : null };
}
