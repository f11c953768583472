import { messageOf } from './api-client.js';
import { currentLocation, type Location } from './router.js';
import { loadSession, onSessionChange } from './session.js';
import { h, replace } from './ui/dom.js';
import { announce, errorBox, renderAccount, renderNav } from './ui/layout.js';
import { findPage } from './routes.js';
import { loadTheatre } from './ui/theatre.js';
import { searchBox } from './search/search-box.js';

/** Boots the app: who is signed in, then the page the URL names, again on every hash change. */
let cleanup: (() => void) | undefined;

async function render(): Promise<void> {
  const location = currentLocation();
  if (location.path === '/') {
    window.location.replace('#/map');
    return;
  }
  cleanup?.();
  cleanup = undefined;
  const main = document.getElementById('main');
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  if (!main || !nav || !account) return;
  renderNav(nav, `/${location.segments[0] ?? ''}`);
  renderAccount(account);
  await show(main, location);
}

async function show(main: HTMLElement, location: Location): Promise<void> {
  const page = findPage(location);
  replace(main);
  main.setAttribute('aria-busy', 'true');
  try {
    cleanup = (await page.render(main, location)) ?? undefined;
  } catch (error) {
    replace(main, h('h1', {}, page.title), errorBox(messageOf(error)));
  } finally {
    main.removeAttribute('aria-busy');
  }
  document.title = `${page.title} — Truce`;
  announce(page.title);
  const heading = main.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  // Move the focus to the new page's heading, except on the first load (the browser's default).
  if (rendered++ > 0) heading?.focus();
}

let rendered = 0;

/** The skip link focuses the content without touching the hash (the router owns it). */
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

document.getElementById('account')?.before(searchBox());
window.addEventListener('hashchange', () => void render());
onSessionChange(() => {
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  if (nav) renderNav(nav, `/${currentLocation().segments[0] ?? ''}`);
  if (account) renderAccount(account);
});
void Promise.all([loadSession(), loadTheatre()]).then(render);
