import { getJson, postJson, setCsrfToken, whenUnauthenticated } from './api-client.js';
import type { Me, Role, User } from './types.js';

/** Who is using the app: loaded once from `/api/auth/me`, updated on sign-in and sign-out. */
let current: Me = { user: null, role: 'public', csrfToken: null };
const listeners = new Set<() => void>();

export function me(): Me {
  return current;
}

export function hasRole(...roles: readonly Role[]): boolean {
  return roles.includes(current.role);
}

/** Calls `listener` after every sign-in and sign-out; returns the function that stops it. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(next: Me): void {
  current = next;
  setCsrfToken(next.csrfToken);
  for (const listener of listeners) listener();
}

/** True once a signed-in session has ended without the person signing out (it expired). */
let expired = false;

export function sessionExpired(): boolean {
  return expired;
}

// A 401 while signed in: the session ended. The app becomes public and says so, with a sign-in
// link that comes back to the page (what the person typed stays where the page keeps it).
whenUnauthenticated(() => {
  if (current.user === null) return;
  expired = true;
  update({ user: null, role: 'public', csrfToken: null });
});

export async function loadSession(): Promise<void> {
  update(await getJson<Me>('/auth/me').catch((): Me => ({ user: null, role: 'public', csrfToken: null })));
}

export async function signIn(username: string, password: string): Promise<User> {
  const answer = await postJson<{ user: User; csrfToken: string }>('/auth/login', { username, password });
  expired = false;
  update({ user: answer.user, role: answer.user.role, csrfToken: answer.csrfToken });
  return answer.user;
}

export async function signOut(): Promise<void> {
  await postJson<unknown>('/auth/logout', {}).catch(() => undefined);
  update({ user: null, role: 'public', csrfToken: null });
}
