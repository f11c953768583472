import type { Db } from '../platform/db/dialect.js';
import { CLOSED_TO_REPLY } from './reply.js';

/** What waits for the analysts: open counts (not "since you last looked"; see docs/api.md). */
export interface ReviewCounts {
  readonly candidates: number;
  readonly underReview: number;
  readonly openDuplicates: number;
}

/** An incident naming a liaison's party that their party has not answered yet. */
export interface AwaitingReply {
  readonly id: number;
  readonly publicId: string;
  readonly title: string;
  readonly kind: string;
  readonly status: string;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly place: string | null;
  readonly country: string | null;
  readonly createdAt: string;
}

/**
 * How many candidates and incidents under review wait in the queue, and how many possible
 * duplicates are open.
 *
 * @example await reviewCounts(db) // { candidates: 12, underReview: 3, openDuplicates: 4 }
 */
export async function reviewCounts(db: Db): Promise<ReviewCounts> {
  const [statuses, duplicates] = await Promise.all([
    db
      .selectFrom('incidents')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .where('status', 'in', ['candidate', 'under_review'])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('duplicate_suggestions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirst(),
  ]);
  const count = (status: string) => Number(statuses.find((s) => s.status === status)?.n ?? 0);
  return {
    candidates: count('candidate'),
    underReview: count('under_review'),
    openDuplicates: Number(duplicates?.n ?? 0),
  };
}

/**
 * The incidents naming `party` that no response of that party answers yet, newest first
 * (rejected and merged ones excluded), one page of them and how many in all.
 *
 * @example await awaitingReply(db, 'KE', { limit: 50, offset: 0 }) // { items: [...], total: 3 }
 */
export async function awaitingReply(
  db: Db,
  party: string,
  page: { limit: number; offset: number },
): Promise<{ items: AwaitingReply[]; total: number }> {
  const base = db
    .selectFrom('incidents as i')
    .where('i.status', 'not in', [...CLOSED_TO_REPLY])
    .where('i.id', 'in', (eb) =>
      eb.selectFrom('incident_parties').select('incident_id').where('party', '=', party),
    )
    .where('i.id', 'not in', (eb) =>
      eb.selectFrom('party_responses').select('incident_id').where('party', '=', party),
    );
  const [rows, counted] = await Promise.all([
    base
      .select([
        'i.id',
        'i.public_id',
        'i.title',
        'i.kind',
        'i.status',
        'i.date_start',
        'i.date_end',
        'i.place_name',
        'i.country',
        'i.created_at',
      ])
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      publicId: r.public_id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      dateStart: r.date_start,
      dateEnd: r.date_end,
      place: r.place_name,
      country: r.country,
      createdAt: r.created_at,
    })),
    total: Number(counted?.n ?? 0),
  };
}

/**
 * The party codes an incident names (its `incident_parties` rows).
 *
 * @example await namedParties(db, 7) // ['KE', 'UG']
 */
export async function namedParties(db: Db, incidentId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_parties')
    .select('party')
    .where('incident_id', '=', incidentId)
    .orderBy('party')
    .execute();
  return rows.map((r) => r.party);
}
