import { z } from 'zod';
import { AsOfText } from '../agreement/as-of.js';
import { actorOf } from '../audit/actor.js';
import {
  ActivityCorrectionInput,
  ActivityInput,
  dayForOutsiders,
  prefillFrom,
} from '../agreement/activity.js';
import { agreementStatus, statusForOutsiders } from '../agreement/agreement-status.js';
import { getAgreement } from '../agreement/agreement-store.js';
import type { Signer } from '../audit/keys.js';
import { buildBulletin } from '../agreement/bulletin.js';
import { renderHtml, renderMarkdown } from '../agreement/bulletin-render.js';
import { loadBulletinInputs } from '../agreement/bulletin-store.js';
import { bulletinIndex, MAX_INDEX_LIMIT } from '../agreement/bulletin-index-store.js';
import { renderPdf } from '../agreement/bulletin-pdf-io.js';
import {
  amendDeadline,
  linkIncident,
  loadCommitmentFacts,
  recordAssessment,
  unlinkIncident,
} from '../agreement/commitment-store.js';
import {
  AmendmentInput,
  AssessmentInput,
  IncidentLinkInput,
  IncidentUnlinkInput,
} from '../agreement/commitment.js';
import { recordActivityOnce } from '../agreement/activity-once-store.js';
import { checkActivityFiler, checkAgreementEditor } from '../agreement/permissions.js';
import { missionStatus } from '../agreement/mission.js';
import {
  correctActivity,
  getActivityDay,
  loadMissionFacts,
  recordActivity,
} from '../agreement/mission-store.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { IsoDate } from '../record/schemas.js';
import { IdempotencyKey, scopedKey } from '../record/submission-store.js';
import { json, jsonBody, type AppContext, type RouteSpec } from './route.js';
import {
  ActivityDaySchema,
  ActivityPage,
  ActivityPrefillSchema,
  ActivitySchema,
  AgreementStatus,
  AmendmentSchema,
  AssessmentSchema,
  BulletinIndexSchema,
  BulletinSchema,
  IncidentLinkSchema,
  MissionStatus,
} from './schemas/agreement.js';
import { canSeeIncident } from '../record/visibility-store.js';
import { isStaff, requireUser, visibilityOf } from './visibility.js';

const Slug = z.string().min(1).max(200);
const AgreementQuery = z.object({
  asOf: AsOfText.optional().meta({
    description: 'The day (YYYY-MM-DD, or an instant) to assess; today by default',
  }),
  agreement: Slug.optional().meta({ description: "The agreement's slug; the only one on record by default" }),
});
const MissionDayQuery = z.object({
  asOf: IsoDate.optional().meta({ description: 'The day; today by default' }),
  mission: Slug.optional().meta({ description: "The mission's slug; the only one on record by default" }),
});
const MissionRangeQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  mission: Slug.optional(),
});
const BULLETIN_FORMATS = ['json', 'md', 'html', 'pdf'] as const;
const BulletinQuery = z.object({ format: z.enum(BULLETIN_FORMATS).default('json') });
const BulletinIndexQuery = z.object({
  before: IsoDate.optional().meta({ description: 'Days before this one (the `next` of the page before)' }),
  after: IsoDate.optional().meta({
    description:
      'Instead, the days after this one, nearest first (`after=DAY&limit=1` is the next day with content)',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_INDEX_LIMIT)
    .default(60)
    .meta({ description: `How many days, 1–${MAX_INDEX_LIMIT}` }),
});

const MissionQuery = z.object({ mission: Slug.optional() });
const AgreementOnly = z.object({
  agreement: Slug.optional().meta({ description: "The agreement's slug; the only one on record by default" }),
});
const PrefillQuery = z.object({
  day: IsoDate.meta({ description: 'The day about to be filed' }),
  mission: Slug.optional(),
});
const DayParams = z.object({ day: IsoDate });
/** A day as filed from a form: its figures, and the key its device made for this submission. */
const ActivitySubmission = ActivityInput.extend({
  idempotencyKey: IdempotencyKey.optional().meta({
    description:
      'Made by the sender for this submission: a resend with the same key gets the first answer (200)',
  }),
});
const Removed = z.object({ removed: z.literal(true) });

/** The query as the route's schema reads it (the same schema the OpenAPI document shows). */
const queryOf = <T extends z.ZodType>(schema: T, c: AppContext): z.infer<T> =>
  parseInput(schema, c.req.query(), 'query');

const today = (clock: () => Date) => clock().toISOString().slice(0, 10);

/** The agreement board, the mission dashboard, its daily activity, and the bulletins. */
export function agreementRoutes(
  runtime: Runtime,
  clock: () => Date,
  signer: Signer | null = null,
): RouteSpec[] {
  const { db } = runtime;
  return [
    {
      method: 'GET',
      path: '/api/agreements/status',
      operationId: 'getAgreementStatus',
      query: AgreementQuery,
      responses: { 200: json('Every commitment with its status', AgreementStatus) },
      errors: [404],
      summary: 'Commitments of the agreement with their compliance status as of a date (asOf)',
      allow: 'anyone',
      handler: async (c) => {
        const query = queryOf(AgreementQuery, c);
        const asOf = query.asOf ?? parseInput(AsOfText, today(clock), 'asOf');
        const agreement = await getAgreement(db, query.agreement);
        const status = agreementStatus(agreement, await loadCommitmentFacts(db, agreement), asOf);
        if (isStaff(c)) return c.json(status);
        const linked = [
          ...new Set(status.commitments.flatMap((x) => x.history.links.map((l) => l.incidentId))),
        ];
        const visibility = visibilityOf(c);
        const seen = new Set<number>();
        for (const id of linked) if (await canSeeIncident(db, id, visibility)) seen.add(id);
        return c.json(statusForOutsiders(status, (id) => seen.has(id)));
      },
    },
    ...agreementChanges(db, clock),
    {
      method: 'GET',
      path: '/api/mission/status',
      operationId: 'getMissionStatus',
      query: MissionDayQuery,
      responses: { 200: json("The mission's status that day", MissionStatus) },
      errors: [404],
      summary:
        "The mission's mandate, term, next notice date, strength against ceilings and posts as of a date",
      allow: 'anyone',
      handler: async (c) => {
        // Input first: a bad date is a 400 whether or not the mission exists.
        const query = queryOf(MissionDayQuery, c);
        return c.json(missionStatus(await loadMissionFacts(db, query.mission), query.asOf ?? today(clock)));
      },
    },
    {
      method: 'GET',
      path: '/api/mission/activity',
      operationId: 'listMissionActivity',
      query: MissionRangeQuery,
      responses: { 200: json('The daily records', ActivityPage) },
      errors: [404],
      summary: 'Daily activity records between from and to',
      allow: 'anyone',
      handler: async (c) => {
        const query = queryOf(MissionRangeQuery, c);
        const from = query.from ?? '0000-01-01';
        const to = query.to ?? '9999-12-31';
        const facts = await loadMissionFacts(db, query.mission);
        const items = facts.activity.filter((a) => a.day >= from && a.day <= to);
        return c.json({ items, total: items.length, limit: items.length, offset: 0 });
      },
    },
    {
      method: 'POST',
      path: '/api/mission/activity',
      operationId: 'recordMissionActivity',
      query: MissionQuery,
      responses: {
        200: json('A resend with the same idempotencyKey: the day as it was first filed', ActivitySchema),
        201: json('The record as filed', ActivitySchema),
      },
      errors: [404, 409],
      summary: "File one day's activity record of the mission",
      allow: ['admin', 'analyst', 'monitor'],
      body: ActivitySubmission,
      handler: async (c) => {
        const user = requireUser(c);
        const facts = await loadMissionFacts(db, queryOf(MissionQuery, c).mission);
        const { idempotencyKey, ...input } = parseInput(ActivitySubmission, await jsonBody(c), 'body');
        const context = { actor: actorOf(user), reason: 'daily activity', clock };
        if (idempotencyKey === undefined)
          return c.json(await recordActivity(db, context, facts.slug, input), 201);
        const key = scopedKey('activity', user.username, idempotencyKey);
        const outcome = await recordActivityOnce(db, context, facts.slug, input, key);
        return c.json(outcome.activity, outcome.status === 'created' ? 201 : 200);
      },
    },
    ...activityCorrections(db, clock),
    {
      method: 'GET',
      path: '/api/bulletins',
      operationId: 'listBulletinDays',
      query: BulletinIndexQuery,
      responses: { 200: json('Days with content, newest first, with what each holds', BulletinIndexSchema) },
      summary:
        'The index of bulletins: the days that have incidents, statements or mission activity, newest first, paged by `before`',
      allow: 'anyone',
      handler: async (c) => {
        const query = queryOf(BulletinIndexQuery, c);
        if (query.before && query.after) throw invalid('after', 'cannot be given with before');
        return c.json(await bulletinIndex(db, query));
      },
    },
    {
      method: 'GET',
      path: '/api/bulletins/:date',
      operationId: 'getBulletin',
      params: z.object({ date: IsoDate }),
      query: BulletinQuery,
      responses: {
        200: {
          description: "The day's bulletin, as JSON, Markdown, HTML or PDF (format)",
          content: {
            'application/json': BulletinSchema,
            'text/markdown': z.string(),
            'text/html': z.string(),
            'application/pdf': z.string().meta({ format: 'binary' }),
          },
        },
      },
      summary:
        "The day's bulletin (format=json|md|html|pdf), ending with the audit head and the signed checkpoint it was made at, with the cosignatures known now",
      allow: 'anyone',
      handler: async (c) => {
        const date = parseInput(IsoDate, c.req.param('date'), 'date');
        const format = BULLETIN_FORMATS.find((f) => f === (c.req.query('format') ?? 'json'));
        if (!format) throw invalid('format', 'must be json, md, html or pdf');
        const bulletin = buildBulletin(await loadBulletinInputs(db, { date, signer, clock }));
        if (format === 'md')
          return c.text(renderMarkdown(bulletin), 200, { 'content-type': 'text/markdown; charset=utf-8' });
        if (format === 'html') return c.html(renderHtml(bulletin));
        if (format === 'pdf') {
          const pdf = await renderPdf(bulletin, clock());
          return c.body(new Uint8Array(pdf), 200, {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="bulletin-${date}.pdf"`,
          });
        }
        return c.json(bulletin);
      },
    },
  ];
}

/** The signed-in user allowed to change commitments (the route's roles, then the rule itself). */
function agreementEditor(c: AppContext) {
  const user = requireUser(c);
  checkAgreementEditor(user.role);
  return user;
}

/** Assess a commitment, amend its deadline, link an incident to it or remove a link. */
function agreementChanges(db: Runtime['db'], clock: () => Date): RouteSpec[] {
  const change = async <S extends z.ZodType>(c: AppContext, schema: S, reason: string) => {
    const user = agreementEditor(c);
    const { agreement } = queryOf(AgreementOnly, c);
    const input: z.infer<S> = parseInput(schema, await jsonBody(c), 'body');
    const found = await getAgreement(db, agreement);
    return { slug: found.slug, input, context: { actor: actorOf(user), reason, clock } };
  };
  return [
    {
      method: 'POST',
      path: '/api/agreements/assessments',
      operationId: 'assessCommitment',
      query: AgreementOnly,
      body: AssessmentInput,
      responses: { 201: json('The assessment as recorded in the status history', AssessmentSchema) },
      errors: [404],
      summary: "Add to a commitment's status history: status, 0–3 score, evidence and note as of a day",
      allow: ['admin', 'analyst'],
      handler: async (c) => {
        const { slug, input, context } = await change(c, AssessmentInput, 'assessment');
        const { id: _id, ...assessment } = await recordAssessment(db, context, slug, input);
        return c.json(assessment, 201);
      },
    },
    {
      method: 'POST',
      path: '/api/agreements/amendments',
      operationId: 'amendDeadline',
      query: AgreementOnly,
      body: AmendmentInput,
      responses: { 201: json('The amendment, with the deadline it replaced', AmendmentSchema) },
      errors: [404],
      summary: "Move a commitment's deadline; the old one is kept in its history",
      allow: ['admin', 'analyst'],
      handler: async (c) => {
        const { slug, input, context } = await change(c, AmendmentInput, 'amendment');
        const { id: _id, ...amendment } = await amendDeadline(db, context, slug, input);
        return c.json(amendment, 201);
      },
    },
    {
      method: 'POST',
      path: '/api/agreements/links',
      operationId: 'linkIncidentToCommitment',
      query: AgreementOnly,
      body: IncidentLinkInput,
      responses: { 201: json('The link as the status shows it', IncidentLinkSchema) },
      errors: [404, 409],
      summary: 'Link an incident to a commitment it violates, implements, or bears on in a disputed way',
      allow: ['admin', 'analyst'],
      handler: async (c) => {
        const { slug, input, context } = await change(c, IncidentLinkInput, 'link');
        await linkIncident(db, context, slug, input);
        const incident = await db
          .selectFrom('incidents')
          .select(['date_start', 'status', 'title'])
          .where('id', '=', input.incidentId)
          .executeTakeFirstOrThrow();
        return c.json(
          {
            incidentId: input.incidentId,
            effect: input.effect,
            incidentDate: incident.date_start,
            incidentStatus: incident.status,
            incidentTitle: incident.title,
            note: input.note ?? null,
          },
          201,
        );
      },
    },
    {
      method: 'POST',
      path: '/api/agreements/unlink',
      operationId: 'unlinkIncidentFromCommitment',
      query: AgreementOnly,
      body: IncidentUnlinkInput,
      responses: { 200: json('The link was removed (the audit log keeps it)', Removed) },
      errors: [404],
      summary: 'Remove the link between an incident and a commitment, saying why',
      allow: ['admin', 'analyst'],
      handler: async (c) => {
        const { slug, input, context } = await change(c, IncidentUnlinkInput, 'unlink');
        await unlinkIncident(db, context, slug, input);
        return c.json({ removed: true as const });
      },
    },
  ];
}

/** Pre-fill a new day from the last one filed; read and correct a filed day. */
function activityCorrections(db: Runtime['db'], clock: () => Date): RouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/api/mission/activity/prefill',
      operationId: 'prefillMissionActivity',
      query: PrefillQuery,
      responses: {
        200: json("The last filed day's figures, to start the new day from", ActivityPrefillSchema),
      },
      errors: [404],
      summary:
        'The figures of the last day filed before `day`, as a new day starts from (notes and sources left empty)',
      allow: 'anyone',
      handler: async (c) => {
        const query = queryOf(PrefillQuery, c);
        const facts = await loadMissionFacts(db, query.mission);
        const before = facts.activity.filter((a) => a.day < query.day).at(-1);
        return c.json({ from: before?.day ?? null, activity: prefillFrom(facts.activity, query.day) });
      },
    },
    {
      method: 'GET',
      path: '/api/mission/activity/:day',
      operationId: 'getMissionActivityDay',
      params: DayParams,
      query: MissionQuery,
      responses: {
        200: json(
          'The day as filed now, with every correction and the figures it replaced',
          ActivityDaySchema,
        ),
      },
      summary: "One filed day's activity with its corrections history",
      allow: 'anyone',
      handler: async (c) => {
        const { day } = parseInput(DayParams, c.req.param(), 'path');
        const facts = await loadMissionFacts(db, queryOf(MissionQuery, c).mission);
        const found = await getActivityDay(db, facts.slug, day);
        return c.json(isStaff(c) ? found : dayForOutsiders(found));
      },
    },
    {
      method: 'POST',
      path: '/api/mission/activity/:day/corrections',
      operationId: 'correctMissionActivity',
      params: DayParams,
      query: MissionQuery,
      body: ActivityCorrectionInput,
      responses: { 201: json('The day as corrected, with its corrections history', ActivityDaySchema) },
      summary: "Correct a filed day's figures, saying why; the old values are kept in its history",
      allow: ['admin', 'analyst', 'monitor'],
      handler: async (c) => {
        const user = requireUser(c);
        checkActivityFiler(user.role);
        const { day } = parseInput(DayParams, c.req.param(), 'path');
        const facts = await loadMissionFacts(db, queryOf(MissionQuery, c).mission);
        const input = parseInput(ActivityCorrectionInput, await jsonBody(c), 'body');
        const context = { actor: actorOf(user), reason: input.reason, clock };
        return c.json(await correctActivity(db, context, { slug: facts.slug, day, input }), 201);
      },
    },
  ];
}
