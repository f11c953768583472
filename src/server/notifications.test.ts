import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { reviewIncident } from '../record/review-store.js';
import type { User } from '../record/user-store.js';
import { buildScene, getAs, type Scene } from './test-support/visibility-scene.js';

interface Notifications {
  review: { candidates: number; underReview: number; openDuplicates: number } | null;
  awaitingReply: {
    party: string;
    total: number;
    items: { id: number; title: string; status: string }[];
  } | null;
}

/**
 * What waits for each role. In the scene each party is named by a confirmed, a candidate and a
 * rejected incident of its own and one naming both SD and SS: SD's liaison awaits four replies
 * (the rejected ones are closed), until it answers one.
 */
describeEachDatabase('notifications and the right of reply', (t) => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await buildScene(t.db, t.config);
  });
  const notificationsOf = async (who: string) => {
    const answer = await getAs(scene, who, '/api/notifications');
    expect(answer.status).toBe(200);
    return JSON.parse(answer.body) as Notifications;
  };
  const record = (name: string) => {
    const found = scene.records.find((r) => r.name === name);
    if (!found) throw new Error(`no record ${name}`);
    return found;
  };
  const titlesOf = (n: Notifications) => (n.awaitingReply?.items ?? []).map((i) => i.title).sort();
  const titles = (...names: string[]) => names.map((n) => `Clash ${record(n).marker}`).sort();

  it('lists for a liaison the incidents naming their party that their party has not answered', async () => {
    const sd = await notificationsOf('liaison-SD');
    expect(sd.review).toBeNull();
    expect(sd.awaitingReply).toMatchObject({ party: 'SD', total: 4 });
    expect(titlesOf(sd)).toEqual(titles('confirmed/A', 'confirmed/both', 'candidate/A', 'candidate/both'));
    const ss = await notificationsOf('liaison-SS');
    expect(titlesOf(ss)).toEqual(titles('confirmed/B', 'confirmed/both', 'candidate/B', 'candidate/both'));
    const paged = JSON.parse(
      (await getAs(scene, 'liaison-SD', '/api/notifications?limit=1')).body,
    ) as Notifications;
    expect(paged.awaitingReply).toMatchObject({ total: 4, limit: 1 });
    expect(paged.awaitingReply?.items).toHaveLength(1);
  });

  it("takes an incident off the list once the liaison's party answers it, and only for that party", async () => {
    const both = record('confirmed/both');
    const response = await scene.app.request(`/api/incidents/${both.incidentId}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${scene.tokens['liaison-SD']}` },
      body: JSON.stringify({ stance: 'denies', text: 'Our units were not in the area that evening.' }),
    });
    expect(response.status).toBe(201);
    expect(titlesOf(await notificationsOf('liaison-SD'))).toEqual(
      titles('confirmed/A', 'candidate/A', 'candidate/both'),
    );
    expect(titlesOf(await notificationsOf('liaison-SS'))).toContain(`Clash ${both.marker}`);
  });

  it('says on the incident whether the caller may reply: only a liaison of a party it names', async () => {
    const mayReply = async (who: string, name: string) => {
      const answer = await getAs(scene, who, `/api/incidents/${record(name).incidentId}`);
      expect(answer.status).toBe(200);
      return (JSON.parse(answer.body) as { mayReply: boolean }).mayReply;
    };
    expect(await mayReply('liaison-SD', 'confirmed/A')).toBe(true);
    expect(await mayReply('liaison-SD', 'candidate/both')).toBe(true);
    expect(await mayReply('liaison-SD', 'confirmed/B')).toBe(false);
    expect(await mayReply('liaison-SDL', 'confirmed/A')).toBe(false);
    expect(await mayReply('analyst', 'confirmed/A')).toBe(false);
    expect(await mayReply('public', 'confirmed/A')).toBe(false);
    // What the flag promises holds: the liaison of another party is refused.
    const refused = await scene.app.request(`/api/incidents/${record('confirmed/B').incidentId}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${scene.tokens['liaison-SD']}` },
      body: JSON.stringify({ stance: 'denies', text: 'Not ours.' }),
    });
    expect(refused.status).toBe(403);
  });

  it('gives reviewers the open counts of the queues, and the other roles nothing', async () => {
    const before = await notificationsOf('analyst');
    expect(before.awaitingReply).toBeNull();
    expect(before.review).toMatchObject({ candidates: 5, underReview: 0 });
    const open = await t.db
      .selectFrom('duplicate_suggestions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirst();
    expect(before.review?.openDuplicates).toBe(Number(open?.n ?? 0));
    const analyst = await t.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'party'])
      .where('username', '=', 'scene-analyst')
      .executeTakeFirstOrThrow();
    const user: User = { ...analyst, displayName: analyst.display_name, role: 'analyst' };
    await reviewIncident(t.db, user, {
      id: record('candidate/none').incidentId,
      status: 'under_review',
      reason: 'looking',
    });
    expect((await notificationsOf('admin')).review).toMatchObject({ candidates: 4, underReview: 1 });
    expect(await notificationsOf('monitor')).toEqual({ review: null, awaitingReply: null });
    expect((await getAs(scene, 'public', '/api/notifications')).status).toBe(401);
  });
});
