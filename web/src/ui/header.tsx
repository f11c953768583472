import { useEffect, useState } from 'preact/hooks';
import { currentLocation, navigate } from '../router.js';
import { hasRole, me, onSessionChange, sessionExpired, signOut } from '../session.js';
import type { Role } from '../types.js';
import { NotificationCount } from '../notifications/notification-count.js';
import { partyLabel } from './theatre.js';

/** The header's parts (navigation, search, account) as Preact components, redrawn on sign-in and sign-out. */

interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly roles?: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { path: '/map', label: 'Map' },
  { path: '/list', label: 'Incidents' },
  { path: '/timeline', label: 'Timeline' },
  { path: '/agreement', label: 'Agreement' },
  { path: '/mission', label: 'Mission' },
  { path: '/bulletins', label: 'Bulletins' },
  { path: '/verify', label: 'Verify' },
  { path: '/report', label: 'Report an incident' },
  { path: '/review', label: 'Review queue', roles: ['admin', 'analyst'] },
  { path: '/duplicates', label: 'Duplicates', roles: ['admin', 'analyst'] },
  { path: '/field-report', label: 'Field report', roles: ['admin', 'analyst', 'monitor'] },
  { path: '/activity', label: 'Daily activity', roles: ['admin', 'analyst', 'monitor'] },
  { path: '/feeds', label: 'Feeds', roles: ['admin'] },
  { path: '/admin/users', label: 'Accounts', roles: ['admin'] },
  { path: '/admin/tokens', label: 'API tokens', roles: ['admin'] },
  { path: '/replies', label: 'Awaiting reply', roles: ['liaison'] },
];

/** Re-renders its caller when who is signed in changes. */
export function useSession(): ReturnType<typeof me> {
  const [session, setSession] = useState(me());
  useEffect(() => onSessionChange(() => setSession(me())), []);
  return session;
}

/** The navigation for the current role, the current page marked. */
export function Nav({ current }: { readonly current: string }) {
  useSession();
  const items = NAV.filter((item) => !item.roles || hasRole(...item.roles));
  return (
    <ul>
      {items.map((item) => (
        <li key={item.path}>
          <a href={`#${item.path}`} aria-current={current === item.path ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The search box: submitting it opens `#/search?q=…`. */
export function SearchBox() {
  const [q, setQ] = useState('');
  return (
    <form
      class="header-search"
      role="search"
      aria-label="Search the record"
      onSubmit={(event) => {
        event.preventDefault();
        const query = q.trim();
        if (query) navigate('/search', new URLSearchParams({ q: query }));
      }}
    >
      <label for="header-search-q" class="visually-hidden">
        Search the record
      </label>
      <input
        id="header-search-q"
        name="q"
        type="search"
        maxLength={300}
        placeholder="Search the record"
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}

/** The sign-in link, or who is signed in and a sign-out button. */
export function Account() {
  const { user } = useSession();
  if (!user) {
    // Signing in comes back to the page the person was on.
    const toLogin = (event: Event) => {
      if (currentLocation().segments[0] === 'login') return;
      event.preventDefault();
      navigate('/login', new URLSearchParams({ next: window.location.hash.slice(1) }));
    };
    const link = (
      <a href="#/login" onClick={toLogin}>
        Sign in
      </a>
    );
    if (!sessionExpired()) return link;
    return (
      <span class="expired" role="alert">
        Your session has ended. {link} again to go on.
      </span>
    );
  }
  return (
    <>
      <NotificationCount />{' '}
      <span class="who">
        {user.username} ({user.role}
        {user.party ? `, ${partyLabel(user.party)}` : ''})
      </span>{' '}
      <button
        type="button"
        class="link"
        onClick={() => void signOut().then(() => (window.location.hash = '#/map'))}
      >
        Sign out
      </button>
    </>
  );
}
