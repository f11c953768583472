import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, language, rememberLanguage, t, type MessageKey } from '../i18n/i18n.js';
import { currentLocation, hrefOf, navigate } from '../router.js';
import { hasRole, me, onSessionChange, sessionExpired, signOut } from '../session.js';
import type { Role } from '../types.js';
import { NotificationCount } from '../notifications/notification-count.js';
import { partyLabel } from './theatre.js';

/** The header's parts (navigation, search, account) as Preact components, redrawn on sign-in and sign-out. */

interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly roles?: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { path: '/map', label: 'nav.map' },
  { path: '/list', label: 'nav.list' },
  { path: '/timeline', label: 'nav.timeline' },
  { path: '/agreement', label: 'nav.agreement' },
  { path: '/mission', label: 'nav.mission' },
  { path: '/bulletins', label: 'nav.bulletins' },
  { path: '/verify', label: 'nav.verify' },
  { path: '/report', label: 'nav.report' },
  { path: '/review', label: 'nav.review', roles: ['admin', 'analyst'] },
  { path: '/duplicates', label: 'nav.duplicates', roles: ['admin', 'analyst'] },
  { path: '/field-report', label: 'nav.fieldReport', roles: ['admin', 'analyst', 'monitor'] },
  { path: '/activity', label: 'nav.activity', roles: ['admin', 'analyst', 'monitor'] },
  { path: '/feeds', label: 'nav.feeds', roles: ['admin'] },
  { path: '/admin/users', label: 'nav.accounts', roles: ['admin'] },
  { path: '/admin/tokens', label: 'nav.tokens', roles: ['admin'] },
  { path: '/replies', label: 'nav.replies', roles: ['liaison'] },
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
          <a href={hrefOf(item.path)} aria-current={current === item.path ? 'page' : undefined}>
            {t(item.label)}
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
      aria-label={t('header.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const query = q.trim();
        if (query) navigate('/search', new URLSearchParams({ q: query }));
      }}
    >
      <label for="header-search-q" class="visually-hidden">
        {t('header.searchLabel')}
      </label>
      <input
        id="header-search-q"
        name="q"
        type="search"
        maxLength={300}
        placeholder={t('header.searchLabel')}
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
      />
      <button type="submit">{t('header.search')}</button>
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
        {t('header.signIn')}
      </a>
    );
    if (!sessionExpired()) return link;
    return (
      <span class="expired" role="alert">
        {t('header.sessionEnded')} {link}
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
        {t('header.signOut')}
      </button>
    </>
  );
}

/**
 * The language switcher: the choice goes into the URL (`lang`, kept across navigation) and into
 * localStorage; the app loads that language's catalogue on the hash change and draws again.
 */
export function LanguageSwitcher() {
  const current = language().code;
  return (
    <div class="language-switcher">
      <label for="header-lang" class="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id="header-lang"
        value={current}
        onChange={(event) => {
          const code = event.currentTarget.value;
          rememberLanguage(code);
          const location = currentLocation();
          const query = new URLSearchParams(location.query);
          query.set('lang', code);
          navigate(location.path, query);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
