import { render as draw } from 'preact';
import { messageOf } from './api-client.js';
import { currentLocation, type Location } from './router.js';
import { loadSession } from './session.js';
import { h, replace } from './ui/dom.js';
import { Account, Nav, SearchBox } from './ui/header.js';
import { announce, errorBox } from './ui/layout.js';
import { findPage } from './routes.js';
import { loadTheatre } from './ui/theatre.js';
import { startOutbox } from './offline/outbox.js';

/**
 * Boots the app: who is signed in, then the page the URL names, again on every hash change.
 * Each navigation gets a number; a page that finishes loading after the person has moved on
 * drew into its own detached container and is released, so only the latest page is shown.
 */
let cleanup: (() => void) | undefined;
let navigation = 0;
let rendered = 0;

async function render(): Promise<void> {
  const location = currentLocation();
  if (location.path === '/') {
    window.location.replace('#/map');
    return;
  }
  const nav = document.getElementById('nav');
  if (nav) draw(<Nav current={`/${location.segments[0] ?? ''}`} />, nav);
  const main = document.getElementById('main');
  if (main) await show(main, location);
}

async function show(main: HTMLElement, location: Location): Promise<void> {
  const mine = ++navigation;
  cleanup?.();
  cleanup = undefined;
  const container = h('div', { class: 'page' });
  const loading = h('p', { class: 'loading', role: 'status' }, 'Loading…');
  replace(main, loading, container);
  main.setAttribute('aria-busy', 'true');
  let title = 'Truce';
  let release: (() => void) | void = undefined;
  try {
    const page = await findPage(location);
    title = page.title;
    if (mine !== navigation) return;
    release = await page.render(container, location);
  } catch (error) {
    if (mine !== navigation) return;
    replace(container, h('h1', {}, title === 'Truce' ? 'This page could not load' : title), failure(error));
  } finally {
    if (mine === navigation) {
      loading.remove();
      main.removeAttribute('aria-busy');
    }
  }
  if (mine !== navigation) {
    release?.();
    return;
  }
  cleanup = release ?? undefined;
  document.title = `${title} — Truce`;
  announce(title);
  const heading = container.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  // Move the focus to the new page's heading, except on the first load (the browser's default).
  if (rendered++ > 0) heading?.focus();
}

/** What failed, in words, and a way to try again. */
function failure(error: unknown): HTMLElement {
  const retry = h('button', { type: 'button' }, 'Try again');
  retry.addEventListener('click', () => void render());
  const box = errorBox(`${messageOf(error)}. `);
  box.append(retry);
  return box;
}

/** The skip link focuses the content without touching the hash (the router owns it). */
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

const account = document.getElementById('account');
if (account) {
  const search = h('div', { class: 'header-search-slot' });
  account.before(search);
  draw(<SearchBox />, search);
}
window.addEventListener('hashchange', () => void render());
void Promise.all([loadSession(), loadTheatre()]).then(() => {
  if (account) draw(<Account />, account);
  startOutbox();
  return render();
});

// The service worker keeps the app shell and the monitor's pages for offline use (docs/web.md).
if ('serviceWorker' in navigator)
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
