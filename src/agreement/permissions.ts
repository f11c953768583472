import { forbidden } from '../platform/errors.js';
import type { Role } from '../record/taxonomy.js';
import { actorOf } from '../audit/actor.js';

/** Who may change what is held against the agreement (deny by default). */

const AGREEMENT_EDITORS: ReadonlySet<Role> = new Set(['analyst', 'admin']);
const ACTIVITY_FILERS: ReadonlySet<Role> = new Set(['monitor', 'analyst', 'admin']);

/**
 * Analysts and admins assess commitments, amend deadlines and link incidents.
 *
 * @example checkAgreementEditor('liaison') // throws forbidden
 */
export function checkAgreementEditor(role: Role): void {
  if (!AGREEMENT_EDITORS.has(role))
    throw forbidden(`a ${role} may not change commitments; analysts and admins do`, { rule: 'role' });
}

/**
 * Monitors (and analysts, admins) file the mission's daily activity.
 *
 * @example checkActivityFiler('monitor') // passes
 */
export function checkActivityFiler(role: Role): void {
  if (!ACTIVITY_FILERS.has(role))
    throw forbidden(`a ${role} may not file mission activity; monitors, analysts and admins do`, {
      rule: 'role',
    });
}

/** The audit log's name for a user acting through the CLI or API (the one shape, `actorOf`). */
export const actorName = (user: { readonly role: Role; readonly username: string }): string => actorOf(user);
