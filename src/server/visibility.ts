import { forbidden, notFound } from '../platform/errors.js';
import { PUBLISHED_STATUSES, type Visibility } from '../record/incident-store.js';
import { partyKey, partyKeys } from '../record/parties.js';
import type { AppContext } from './route.js';

/** What the caller may see of incidents: staff all, a liaison published + their party's, the public published. */
export function visibilityOf(c: AppContext): Visibility {
  const user = c.get('user');
  if (!user) return { kind: 'published' };
  if (user.role === 'liaison')
    return user.party ? { kind: 'party', party: user.party } : { kind: 'published' };
  return { kind: 'all' };
}

type VisibleFields = { id: number; status: string; actor1: string | null; actor2: string | null };

/** Whether the caller may see this incident. */
export function isVisible(c: AppContext, incident: VisibleFields): boolean {
  const visibility = visibilityOf(c);
  if (visibility.kind === 'all') return true;
  if ((PUBLISHED_STATUSES as readonly string[]).includes(incident.status)) return true;
  return (
    visibility.kind === 'party' &&
    partyKeys([incident.actor1, incident.actor2]).includes(partyKey(visibility.party))
  );
}

/** Throws not_found (never revealing it exists) when the caller may not see this incident. */
export function checkVisible(c: AppContext, incident: VisibleFields): void {
  if (!isVisible(c, incident)) throw notFound('incident', incident.id);
}

export const isStaff = (c: AppContext): boolean => visibilityOf(c).kind === 'all';

export function requireUser(c: AppContext) {
  const user = c.get('user');
  if (!user) throw forbidden('sign in first');
  return user;
}
