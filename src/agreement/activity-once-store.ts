import type { ChangeContext } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import { getActivityDay, recordActivity } from './mission-store.js';
import type { Activity, ActivityInput } from './activity.js';

/** A day filed under a key: `created` now, or `repeated` (the same key seen before: the first answer again). */
export interface ActivityOutcome {
  readonly status: 'created' | 'repeated';
  readonly activity: Activity;
}

/**
 * Files a day's activity under the submission's idempotency key (already scoped by account, see
 * `scopedKey`). A resend with the same key — a phone's outbox whose answer was lost — gets the
 * day as it was first filed, whatever corrections came since; a different submission for a day
 * already filed is refused as `recordActivity` refuses it ("one record per day"). A race between
 * two sends of the same key is settled by the unique key (migration 0021): the loser finds the
 * winner's row.
 *
 * @example await recordActivityOnce(db, ctx, 'observer-mission', { day: '2020-11-20', patrols: 4 }, 'activity:mira:k-1')
 */
export async function recordActivityOnce(
  db: Db,
  context: ChangeContext,
  slug: string,
  input: ActivityInput,
  key: string,
): Promise<ActivityOutcome> {
  const seen = await firstFiledUnder(db, key);
  if (seen) return { status: 'repeated', activity: seen };
  try {
    return { status: 'created', activity: await recordActivity(db, context, slug, input, key) };
  } catch (error) {
    // Whatever the loser of a race was refused for (the day taken, the key taken), the key decides.
    const winner = await firstFiledUnder(db, key);
    if (winner) return { status: 'repeated', activity: winner };
    throw error;
  }
}

/** The day filed under `key` as it was first filed (before any correction), or undefined. */
async function firstFiledUnder(db: Db, key: string): Promise<Activity | undefined> {
  const row = await db
    .selectFrom('mission_activity')
    .innerJoin('missions', 'missions.id', 'mission_activity.mission_id')
    .select(['missions.slug', 'mission_activity.day'])
    .where('mission_activity.idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const day = await getActivityDay(db, row.slug, row.day);
  return day.corrections[0]?.previous ?? day.activity;
}
