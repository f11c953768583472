/**
 * Who the audit log says made a change: one shape, `KIND:NAME`. A person is `user:USERNAME`
 * (whatever their role, which the users table holds); a process is `system:NAME`; the public
 * report form is `public`.
 */

const USER = 'user:';
const SYSTEM = 'system:';
export const PUBLIC_ACTOR = 'public';
/** What the public and liaisons see in place of any staff or system identity. */
export const CENTER_ACTOR = 'monitoring center';

const MAX_NAME = 200;

/**
 * The audit actor of a signed-in user (or one named with `--as` and found in the users table).
 *
 * @example actorOf({ username: 'amira' }) // 'user:amira'
 */
export function actorOf(user: { readonly username: string }): string {
  return `${USER}${user.username}`;
}

/**
 * The audit actor of a process acting on its own (an importer, a feed, the demo loader).
 *
 * @example systemActor('ingest') // 'system:ingest'
 */
export function systemActor(name: string): string {
  return `${SYSTEM}${name}`;
}

/**
 * An actor given as free text (`truce ingest --as TEXT`): `system:…` and `user:…` are kept,
 * anything else is the name of a person, `user:TEXT`. Control characters are dropped and the
 * text is bounded.
 *
 * @example actorOfText('amira') // 'user:amira'
 * @example actorOfText('system:ingest') // 'system:ingest'
 */
export function actorOfText(text: string): string {
  const clean = text
    .slice(0, MAX_NAME * 2)
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, MAX_NAME);
  if (clean.startsWith(USER) || clean.startsWith(SYSTEM)) return clean;
  return `${USER}${clean || 'unknown'}`;
}

/**
 * What the public record shows of an audit actor: the public form stays `public`; every other
 * actor, whatever its shape or prefix (old entries included), becomes the monitoring center.
 *
 * @example publicActor('user:amira') // 'monitoring center'
 * @example publicActor('Amira Haddad') // 'monitoring center'
 */
export function publicActor(actor: string): string {
  return actor === PUBLIC_ACTOR ? PUBLIC_ACTOR : CENTER_ACTOR;
}
