import { z } from 'zod';
import { parseInput } from '../platform/parse.js';
import type { Runtime } from '../platform/runtime.js';
import { awaitingReply, reviewCounts } from '../record/notification-store.js';
import { replyParty } from '../record/reply.js';
import { PageQuery } from '../record/schemas.js';
import { json, REVIEWERS, SIGNED_IN, type RouteSpec } from './route.js';
import { pageOf } from './schemas/common.js';
import { requireUser } from './visibility.js';

const Count = z.number().int().min(0);
const Nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const AwaitingReplySchema = z
  .object({
    id: z.number().int(),
    publicId: z.string(),
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    dateStart: Nullable(z.string()),
    dateEnd: Nullable(z.string()),
    place: Nullable(z.string()),
    country: Nullable(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: 'AwaitingReply' });
export type AwaitingReply = z.infer<typeof AwaitingReplySchema>;

export const Notifications = z
  .object({
    review: Nullable(
      z.object({ candidates: Count, underReview: Count, openDuplicates: Count }).meta({
        description: 'For analysts and admins: what is open now in the review and duplicates queues',
      }),
    ),
    awaitingReply: Nullable(
      pageOf(AwaitingReplySchema).extend({ party: z.string() }).meta({
        description:
          'For a liaison: the incidents naming their party that their party has not answered, newest first (rejected and merged ones left out)',
      }),
    ),
  })
  .meta({ id: 'Notifications' });
export type Notifications = z.infer<typeof Notifications>;

/**
 * What waits for the signed-in user: for reviewers the open counts of the queues (open counts,
 * not "new since you looked": the queue is the to-do list, and nothing has to remember visits);
 * for a liaison the incidents awaiting their party's reply; nothing for the other roles.
 */
export function notificationRoutes(runtime: Runtime): RouteSpec[] {
  const { db } = runtime;
  return [
    {
      method: 'GET',
      path: '/api/notifications',
      operationId: 'getNotifications',
      query: PageQuery,
      responses: { 200: json("What waits for the caller's role", Notifications) },
      summary:
        "What waits for you: open review candidates and possible duplicates (analysts, admins), incidents awaiting your party's reply (liaisons; paged)",
      allow: SIGNED_IN,
      handler: async (c) => {
        const page = parseInput(PageQuery, c.req.query(), 'query');
        const user = requireUser(c);
        const party = replyParty(user);
        const [review, awaiting] = await Promise.all([
          REVIEWERS.includes(user.role) ? reviewCounts(db) : null,
          party === null ? null : awaitingReply(db, party, page),
        ]);
        return c.json({
          review,
          awaitingReply: awaiting && { ...awaiting, party, limit: page.limit, offset: page.offset },
        });
      },
    },
  ];
}
