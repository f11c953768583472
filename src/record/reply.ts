import type { Role } from './taxonomy.js';

/**
 * The right of reply: a liaison answers for the one party their account is bound to, and only
 * on an incident that names that party (design.md, "Users and what they do"). Everyone else
 * reads the responses; nobody else files one.
 *
 * @example replyParty({ role: 'liaison', party: 'KE' }) // 'KE'
 * @example replyParty({ role: 'analyst', party: null }) // null
 */
export function replyParty(user: { role: Role; party: string | null } | null): string | null {
  return user?.role === 'liaison' && user.party ? user.party : null;
}

/**
 * Whether this user may file a response on an incident naming these parties.
 *
 * @example mayReply({ role: 'liaison', party: 'KE' }, ['KE', 'UG']) // true
 */
export function mayReply(
  user: { role: Role; party: string | null } | null,
  namedParties: readonly string[],
): boolean {
  const party = replyParty(user);
  return party !== null && namedParties.includes(party);
}

/** Incidents in these states no longer wait for a reply: rejected, or folded into another. */
export const CLOSED_TO_REPLY = ['rejected', 'merged'] as const;
