import { forbidden, notFound } from '../platform/errors.js';
import type { Db } from '../platform/db/dialect.js';
import { canSeeIncident, type Visibility } from '../record/visibility-store.js';
import type { AppContext } from './route.js';

/**
 * What the caller may see of the record: staff everything; a liaison published incidents and
 * those naming their party's code; the public (and a liaison bound to no party) published ones.
 * Every route that returns record data asks this, and `record/visibility-store.ts` applies it.
 */
export function visibilityOf(c: AppContext): Visibility {
  const user = c.get('user');
  if (!user) return { kind: 'published' };
  if (user.role === 'liaison')
    return user.party ? { kind: 'party', party: user.party } : { kind: 'published' };
  return { kind: 'all' };
}

/** Throws not_found, exactly as for an unknown id, when the caller may not see this incident. */
export async function checkIncidentVisible(c: AppContext, db: Db, id: number): Promise<void> {
  if (!(await canSeeIncident(db, id, visibilityOf(c)))) throw notFound('incident', id);
}

export const isStaff = (c: AppContext): boolean => visibilityOf(c).kind === 'all';

export function requireUser(c: AppContext) {
  const user = c.get('user');
  if (!user) throw forbidden('sign in first');
  return user;
}
