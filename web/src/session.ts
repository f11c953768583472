import { getJson, postJson, setCsrfToken } from './api-client.js';
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

export async function loadSession(): Promise<void> {
  update(await getJson<Me>('/auth/me').catch((): Me => ({ user: null, role: 'public', csrfToken: null })));
}

export async function signIn(username: string, password: string): Promise<User> {
  const answer = await postJson<{ user: User; csrfToken: string }>('/auth/login', { username, password });
  update({ user: answer.user, role: answer.user.role, csrfToken: answer.csrfToken });
  return answer.user;
}

export async function signOut(): Promise<void> {
  await postJson<unknown>('/auth/logout', {}).catch(() => undefined);
  update({ user: null, role: 'public', csrfToken: null });
}
