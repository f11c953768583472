import { hasRole, me, signOut } from '../session.js';
import type { Role } from '../types.js';
import { h, replace } from './dom.js';
import { partyLabel } from './theatre.js';

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
];

/** Fills the header's navigation for the current role and marks the current page. */
export function renderNav(nav: HTMLElement, currentPath: string): void {
  const items = NAV.filter((item) => !item.roles || hasRole(...item.roles)).map((item) => {
    const link = h('a', { href: `#${item.path}` }, item.label);
    if (currentPath === item.path) link.setAttribute('aria-current', 'page');
    return h('li', {}, link);
  });
  replace(nav, h('ul', {}, ...items));
}

/** The sign-in link, or who is signed in and a sign-out button. */
export function renderAccount(box: HTMLElement): void {
  const user = me().user;
  if (!user) {
    replace(box, h('a', { href: '#/login' }, 'Sign in'));
    return;
  }
  const button = h('button', { type: 'button', class: 'link' }, 'Sign out');
  button.addEventListener('click', () => void signOut().then(() => (window.location.hash = '#/map')));
  replace(
    box,
    h(
      'span',
      { class: 'who' },
      `${user.username} (${user.role}${user.party ? `, ${partyLabel(user.party)}` : ''})`,
    ),
    ' ',
    button,
  );
}

/** Tells screen readers which page is now shown. */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = message;
}

/** A message in place of a page that could not load. */
export function errorBox(message: string): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, message);
}
