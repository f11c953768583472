import type { Selectable } from 'kysely';
import { z } from 'zod';
import { audited, type ChangeContext, type RecordWriter } from '../audit/audit-store.js';
import type { Db } from '../platform/db/dialect.js';
import type { MissionActivityTable } from '../platform/db/schema.js';
import { conflict, notFound } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import {
  ActivityInput,
  changedFields,
  correctedActivity,
  type Activity,
  type ActivityDay,
  type ActivityCorrectionInput,
} from './activity.js';
import { Evidence } from './commitment.js';
import { MandateInput } from './mandate.js';
import { MissionInput, UnitInput, type MissionFacts, type Post, type Unit } from './mission.js';

/** Missions, their units, observation posts and daily activity. */

export { MissionInput };

async function insertPost(writer: RecordWriter, missionId: number, p: Post) {
  await writer.insert('observation_posts', {
    mission_id: missionId,
    code: p.code,
    name: p.name,
    place_name: p.placeName,
    lat: p.lat,
    lon: p.lon,
    opened_on: p.openedOn,
    closed_on: p.closedOn,
  });
}

async function insertUnit(writer: RecordWriter, missionId: number, u: Unit) {
  await writer.insert('mission_units', {
    mission_id: missionId,
    name: u.name,
    kind: u.kind,
    personnel: u.personnel,
    base: u.base,
    from_date: u.fromDate,
    to_date: u.toDate,
  });
}

/**
 * Records a mission with its mandate, units and posts. A second mission with the slug is refused.
 *
 * @example await createMission(db, ctx, { slug: 'observer-mission', name: 'Observer mission', mandate: { startsOn: '2020-11-10', termYears: 5 } })
 */
export async function createMission(
  db: Db,
  context: ChangeContext,
  input: MissionInput,
): Promise<{ id: number }> {
  const parsed = parseInput(MissionInput, input, 'mission');
  return audited(db, context, async (writer) => {
    const existing = await writer.trx
      .selectFrom('missions')
      .select('id')
      .where('slug', '=', parsed.slug)
      .executeTakeFirst();
    if (existing)
      throw conflict(`mission ${parsed.slug} already exists`, { field: 'slug', rule: 'must be unique' });
    const agreement = parsed.agreementSlug
      ? await writer.trx
          .selectFrom('agreements')
          .select('id')
          .where('slug', '=', parsed.agreementSlug)
          .executeTakeFirst()
      : undefined;
    if (parsed.agreementSlug && !agreement) throw notFound('agreement', parsed.agreementSlug);
    const row = await writer.insert('missions', {
      slug: parsed.slug,
      name: parsed.name,
      agreement_id: agreement?.id ?? null,
      mandate: JSON.stringify(parsed.mandate),
    });
    for (const unit of parsed.units) await insertUnit(writer, row.id, unit);
    for (const post of parsed.posts) await insertPost(writer, row.id, post);
    return { id: row.id };
  });
}

async function missionId(db: Pick<Db, 'selectFrom'>, slug: string): Promise<number> {
  const row = await db.selectFrom('missions').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw notFound('mission', slug);
  return Number(row.id);
}

/**
 * Files one day's activity record; a second record for the same day is refused (`conflict`),
 * backed by a unique constraint. `key` is the submission's idempotency key when it has one (see
 * `recordActivityOnce`, which decides a resend by it).
 *
 * @example await recordActivity(db, ctx, 'observer-mission', { day: '2020-11-20', patrols: 4, returned: 1130 })
 */
export async function recordActivity(
  db: Db,
  context: ChangeContext,
  slug: string,
  input: ActivityInput,
  key: string | null = null,
): Promise<Activity> {
  const a = parseInput(ActivityInput, input, 'activity');
  return audited(db, context, async (writer) => {
    const id = await missionId(writer.trx, slug);
    const existing = await writer.trx
      .selectFrom('mission_activity')
      .select('id')
      .where('mission_id', '=', id)
      .where('day', '=', a.day)
      .executeTakeFirst();
    if (existing)
      throw conflict(`mission ${slug} already has a record for ${a.day}`, {
        field: 'day',
        rule: 'one record per day',
      });
    await writer.insert('mission_activity', {
      mission_id: id,
      day: a.day,
      ...activityColumns(a),
      recorded_at: writer.at,
      ...(key === null ? {} : { idempotency_key: key }),
    });
    return a;
  });
}

async function activityRow(db: Pick<Db, 'selectFrom'>, slug: string, day: string) {
  const id = await missionId(db, slug);
  const row = await db
    .selectFrom('mission_activity')
    .selectAll()
    .where('mission_id', '=', id)
    .where('day', '=', day)
    .executeTakeFirst();
  if (!row) throw notFound(`activity of mission ${slug} for`, day);
  return row;
}

const activityColumns = (a: Activity) => ({
  personnel: a.personnel,
  armoured_vehicles: a.armouredVehicles,
  other_vehicles: a.otherVehicles,
  observation_posts: a.observationPosts,
  patrols: a.patrols,
  patrol_areas: JSON.stringify(a.patrolAreas),
  escort_corridor: a.escortCorridor,
  escort_vehicles: a.escortVehicles,
  escort_people: a.escortPeople,
  returned: a.returned,
  demined_hectares: a.deminedHectares,
  demined_road_km: a.deminedRoadKm,
  demined_buildings: a.deminedBuildings,
  explosive_items: a.explosiveItems,
  humanitarian_tonnes: a.humanitarianTonnes,
  violations_recorded: a.violationsRecorded,
  notes: a.notes,
  sources: JSON.stringify(a.sources),
});

/**
 * Corrects a filed day: the figures given replace the filed ones, and what the day held before is
 * kept as a correction (who, when, why), in the same audited transaction.
 *
 * @example await correctActivity(db, ctx, 'observer-mission', '2020-11-20', { patrols: 5, reason: 'two patrols were left out' })
 */
export async function correctActivity(
  db: Db,
  context: ChangeContext,
  options: { readonly slug: string; readonly day: string; readonly input: ActivityCorrectionInput },
): Promise<ActivityDay> {
  const { slug, day, input } = options;
  await audited(db, context, async (writer) => {
    const row = await activityRow(writer.trx, slug, day);
    const previous = presentActivity(row);
    const next = correctedActivity(previous, input);
    await writer.update('mission_activity', Number(row.id), activityColumns(next), {
      action: 'correct',
      reason: input.reason,
    });
    await writer.insert('mission_activity_corrections', {
      activity_id: Number(row.id),
      previous: JSON.stringify(previous),
      reason: input.reason.trim(),
      corrected_by: context.actor,
      corrected_at: writer.at,
    });
  });
  return getActivityDay(db, slug, day);
}

/**
 * One filed day with its corrections, each with the figures it replaced and the fields it changed.
 *
 * @example (await getActivityDay(db, 'observer-mission', '2020-11-20')).corrections[0]?.previous.patrols
 */
export async function getActivityDay(db: Db, slug: string, day: string): Promise<ActivityDay> {
  const row = await activityRow(db, slug, day);
  const activity = presentActivity(row);
  const rows = await db
    .selectFrom('mission_activity_corrections')
    .selectAll()
    .where('activity_id', '=', Number(row.id))
    .orderBy('id')
    .execute();
  const states = [...rows.map((r) => ActivityInput.parse(JSON.parse(r.previous))), activity];
  return {
    activity,
    corrections: rows.map((r, i) => {
      const before = states[i] ?? activity;
      return {
        correctedAt: r.corrected_at,
        correctedBy: r.corrected_by,
        reason: r.reason,
        previous: before,
        changed: changedFields(before, states[i + 1] ?? activity),
      };
    }),
  };
}

export function presentActivity(r: Selectable<MissionActivityTable>): Activity {
  return {
    day: r.day,
    personnel: r.personnel,
    armouredVehicles: r.armoured_vehicles,
    otherVehicles: r.other_vehicles,
    observationPosts: r.observation_posts,
    patrols: Number(r.patrols),
    patrolAreas: z.array(z.string()).parse(JSON.parse(r.patrol_areas)),
    escortCorridor: r.escort_corridor,
    escortVehicles: Number(r.escort_vehicles),
    escortPeople: Number(r.escort_people),
    returned: Number(r.returned),
    deminedHectares: Number(r.demined_hectares),
    deminedRoadKm: Number(r.demined_road_km),
    deminedBuildings: Number(r.demined_buildings),
    explosiveItems: Number(r.explosive_items),
    humanitarianTonnes: Number(r.humanitarian_tonnes),
    violationsRecorded: Number(r.violations_recorded),
    notes: r.notes,
    sources: z.array(Evidence).parse(JSON.parse(r.sources)),
  };
}

/**
 * The mission with this slug (or the first one) and all its facts, for `missionStatus`.
 *
 * @example missionStatus(await loadMissionFacts(db), '2020-12-01')
 */
export async function loadMissionFacts(db: Db, slug?: string): Promise<MissionFacts> {
  let query = db.selectFrom('missions').selectAll().orderBy('id');
  if (slug) query = query.where('slug', '=', slug);
  const mission = await query.executeTakeFirst();
  if (!mission) throw notFound('mission', slug ?? '(any)');
  const id = Number(mission.id);
  const [agreement, units, posts, activity] = await Promise.all([
    mission.agreement_id === null
      ? undefined
      : db.selectFrom('agreements').select('slug').where('id', '=', mission.agreement_id).executeTakeFirst(),
    db.selectFrom('mission_units').selectAll().where('mission_id', '=', id).orderBy('id').execute(),
    db.selectFrom('observation_posts').selectAll().where('mission_id', '=', id).orderBy('code').execute(),
    db.selectFrom('mission_activity').selectAll().where('mission_id', '=', id).orderBy('day').execute(),
  ]);
  return {
    slug: mission.slug,
    name: mission.name,
    agreement: agreement?.slug ?? null,
    mandate: MandateInput.parse(JSON.parse(mission.mandate)),
    units: units.map((u) => ({
      name: u.name,
      kind: UnitInput.shape.kind.parse(u.kind),
      personnel: u.personnel,
      base: u.base,
      fromDate: u.from_date,
      toDate: u.to_date,
    })),
    posts: posts.map((p) => ({
      code: p.code,
      name: p.name,
      placeName: p.place_name,
      lat: Number(p.lat),
      lon: Number(p.lon),
      openedOn: p.opened_on,
      closedOn: p.closed_on,
    })),
    activity: activity.map(presentActivity),
  };
}
