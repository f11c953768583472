import { AsOfText } from '../agreement/as-of.js';
import { actorOf } from '../audit/actor.js';
import { ActivityInput } from '../agreement/activity.js';
import { agreementStatus } from '../agreement/agreement-status.js';
import { getAgreement } from '../agreement/agreement-store.js';
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
import { jsonBody, type AppContext, type RouteSpec } from './route.js';
import { requireUser } from './visibility.js';

const day = (c: AppContext, clock: () => Date, name = 'asOf') =>
  parseInput(IsoDate, c.req.query(name) ?? clock().toISOString().slice(0, 10), name);

/** The agreement board, the mission dashboard, its daily activity, and the bulletins. */
export function agreementRoutes(runtime: Runtime, clock: () => Date): RouteSpec[] {
  const { db } = runtime;
  return [
    {
      method: 'GET',
      path: '/api/agreements/status',
      summary: 'Commitments of the agreement with their compliance status as of a date (asOf)',
      allow: 'anyone',
      handler: async (c) => {
        const asOf = parseInput(AsOfText, c.req.query('asOf') ?? clock().toISOString().slice(0, 10), 'asOf');
        const agreement = await getAgreement(db, c.req.query('agreement'));
        return c.json(agreementStatus(agreement, await loadCommitmentFacts(db, agreement), asOf));
      },
    },
    {
      method: 'GET',
      path: '/api/mission/status',
      summary:
        "The mission's mandate, term, next notice date, strength against ceilings and posts as of a date",
      allow: 'anyone',
      handler: async (c) => {
        const asOf = day(c, clock); // input first: a bad date is a 400 whether or not the mission exists
        return c.json(missionStatus(await loadMissionFacts(db, c.req.query('mission')), asOf));
      },
    },
    {
      method: 'GET',
      path: '/api/mission/activity',
      summary: 'Daily activity records between from and to',
      allow: 'anyone',
      handler: async (c) => {
        const from =
          c.req.query('from') !== undefined ? parseInput(IsoDate, c.req.query('from'), 'from') : '0000-01-01';
        const to =
          c.req.query('to') !== undefined ? parseInput(IsoDate, c.req.query('to'), 'to') : '9999-12-31';
        const facts = await loadMissionFacts(db, c.req.query('mission'));
        const items = facts.activity.filter((a) => a.day >= from && a.day <= to);
        return c.json({ items, total: items.length, limit: items.length, offset: 0 });
      },
    },
    {
      method: 'POST',
      path: '/api/mission/activity',
      summary: "File one day's activity record of the mission",
      allow: ['admin', 'analyst', 'monitor'],
      body: ActivityInput,
      handler: async (c) => {
        const user = requireUser(c);
        const facts = await loadMissionFacts(db, c.req.query('mission'));
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
      summary: "The day's bulletin (format=json|md|html), ending with the audit head hash",
      allow: 'anyone',
      handler: async (c) => {
        const date = parseInput(IsoDate, c.req.param('date'), 'date');
        const format = c.req.query('format') ?? 'json';
        if (!['json', 'md', 'html'].includes(format)) throw invalid('format', 'must be json, md or html');
        const bulletin = buildBulletin(await loadBulletinInputs(db, { date }));
        if (format === 'md')
          return c.text(renderMarkdown(bulletin), 200, { 'content-type': 'text/markdown; charset=utf-8' });
        if (format === 'html') return c.html(renderHtml(bulletin));
        return c.json(bulletin);
      },
    },
  ];
}
