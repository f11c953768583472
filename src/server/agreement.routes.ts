import { z } from 'zod';
import { AsOfText } from '../agreement/as-of.js';
import { actorOf } from '../audit/actor.js';
import { ActivityInput } from '../agreement/activity.js';
import { agreementStatus } from '../agreement/agreement-status.js';
import { getAgreement } from '../agreement/agreement-store.js';
import type { Signer } from '../audit/keys.js';
import { buildBulletin } from '../agreement/bulletin.js';
import { renderHtml, renderMarkdown } from '../agreement/bulletin-render.js';
import { loadBulletinInputs } from '../agreement/bulletin-store.js';
import { loadCommitmentFacts } from '../agreement/commitment-store.js';
import { missionStatus } from '../agreement/mission.js';
import { loadMissionFacts, recordActivity } from '../agreement/mission-store.js';
import { invalid } from '../platform/errors.js';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { IsoDate } from '../record/schemas.js';
import { json, jsonBody, type AppContext, type RouteSpec } from './route.js';
import {
  ActivityPage,
  ActivitySchema,
  AgreementStatus,
  BulletinSchema,
  MissionStatus,
} from './schemas/agreement.js';
import { requireUser } from './visibility.js';

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
const BULLETIN_FORMATS = ['json', 'md', 'html'] as const;
const BulletinQuery = z.object({ format: z.enum(BULLETIN_FORMATS).default('json') });

const MissionQuery = z.object({ mission: Slug.optional() });

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
        return c.json(agreementStatus(agreement, await loadCommitmentFacts(db, agreement), asOf));
      },
    },
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
      responses: { 201: json('The record as filed', ActivitySchema) },
      errors: [404, 409],
      summary: "File one day's activity record of the mission",
      allow: ['admin', 'analyst', 'monitor'],
      body: ActivityInput,
      handler: async (c) => {
        const user = requireUser(c);
        const facts = await loadMissionFacts(db, queryOf(MissionQuery, c).mission);
        const input = parseInput(ActivityInput, await jsonBody(c), 'body');
        return c.json(
          await recordActivity(
            db,
            { actor: actorOf(user), reason: 'daily activity', clock },
            facts.slug,
            input,
          ),
          201,
        );
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
          description: "The day's bulletin, as JSON, Markdown or HTML (format)",
          content: {
            'application/json': BulletinSchema,
            'text/markdown': z.string(),
            'text/html': z.string(),
          },
        },
      },
      summary:
        "The day's bulletin (format=json|md|html), ending with the audit head and the signed checkpoint it was made at, with the cosignatures known now",
      allow: 'anyone',
      handler: async (c) => {
        const date = parseInput(IsoDate, c.req.param('date'), 'date');
        const format = BULLETIN_FORMATS.find((f) => f === (c.req.query('format') ?? 'json'));
        if (!format) throw invalid('format', 'must be json, md or html');
        const bulletin = buildBulletin(await loadBulletinInputs(db, { date, signer, clock }));
        if (format === 'md')
          return c.text(renderMarkdown(bulletin), 200, { 'content-type': 'text/markdown; charset=utf-8' });
        if (format === 'html') return c.html(renderHtml(bulletin));
        return c.json(bulletin);
      },
    },
  ];
}
