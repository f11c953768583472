import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../platform/db/dialect.js';

import { PUBLISHED_STATUSES, type Visibility } from './visibility.js';

export { PUBLISHED_STATUSES, type Visibility } from './visibility.js';

/** Column references of an incident in a query (`incidents.id` or an alias's `i.id`). */
export interface IncidentColumns {
  readonly id: string;
  readonly status: string;
}

/**
 * The visibility predicate as a SQL condition on an incident's columns.
 *
 * @example db.selectFrom('incidents as i').where(visibleIncident(v, { id: 'i.id', status: 'i.status' }))
 */
export function visibleIncident(visibility: Visibility, columns: IncidentColumns): Expression<SqlBool> {
  if (visibility.kind === 'all') return sql<SqlBool>`1 = 1`;
  const published = sql<SqlBool>`${sql.ref(columns.status)} in (${sql.join([...PUBLISHED_STATUSES])})`;
  if (visibility.kind === 'published') return published;
  return sql<SqlBool>`(${published} or ${sql.ref(columns.id)} in (select incident_id from incident_parties where party = ${visibility.party}))`;
}

/**
 * The ids of the sources the caller may see: those a visible incident rests on (staff: all).
 *
 * @example db.selectFrom('sources').where('id', 'in', visibleSourceIds(db, v))
 */
export function visibleSourceIds(db: Db, visibility: Visibility) {
  return db
    .selectFrom('reports as vr')
    .innerJoin('incident_reports as vl', 'vl.report_id', 'vr.id')
    .innerJoin('incidents as vi', 'vi.id', 'vl.incident_id')
    .select('vr.source_id')
    .where('vr.source_id', 'is not', null)
    .where(visibleIncident(visibility, { id: 'vi.id', status: 'vi.status' }));
}

/**
 * Whether the caller may see this incident; an unknown id is simply not visible.
 *
 * @example if (!(await canSeeIncident(db, 7, v))) throw notFound('incident', 7)
 */
export async function canSeeIncident(db: Db, id: number, visibility: Visibility): Promise<boolean> {
  const row = await db
    .selectFrom('incidents')
    .select('id')
    .where('id', '=', id)
    .where(visibleIncident(visibility, { id: 'incidents.id', status: 'incidents.status' }))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the caller may see this source (staff: any that exists).
 *
 * @example if (!(await canSeeSource(db, 3, v))) throw notFound('source', 3)
 */
export async function canSeeSource(db: Db, id: number, visibility: Visibility): Promise<boolean> {
  if (visibility.kind === 'all') return true;
  const row = await visibleSourceIds(db, visibility).where('vr.source_id', '=', id).executeTakeFirst();
  return row !== undefined;
}
