import { render as draw } from 'preact';
import { messageOf } from './api-client.js';
import { chosenLanguage, language, t, useLanguage, wantedLanguage } from './i18n/i18n.js';
import { currentLocation, hrefOf, type Location } from './router.js';
import { loadSession } from './session.js';
import { h, replace } from './ui/dom.js';
import { Account, LanguageSwitcher, Nav, SearchBox } from './ui/header.js';
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
    window.location.replace(hrefOf('/map'));
    return;
  }
  await followLanguage(location);
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
  const loading = h('p', { class: 'loading', role: 'status' }, t('app.loading'));
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
    replace(container, h('h1', {}, title === 'Truce' ? t('app.failed') : title), failure(error));
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
  const retry = h('button', { type: 'button' }, t('app.retry'));
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

/**
 * The language the URL, the earlier choice or the browser asks for: its catalogue loaded, the
 * header drawn in it. A language chosen before but missing from the URL is put back into it.
 */
let headerLanguage = '';
async function followLanguage(location: Location): Promise<void> {
  const chosen = chosenLanguage(location.query.get('lang'));
  if (chosen && location.query.get('lang') !== chosen) {
    const query = new URLSearchParams(location.query);
    query.set('lang', chosen);
    history.replaceState(null, '', `#${location.path}?${query.toString()}`);
  }
  await useLanguage(wantedLanguage(location.query.get('lang')));
  if (headerLanguage !== language().code) {
    headerLanguage = language().code;
    drawHeader();
  }
}

const account = document.getElementById('account');
const searchSlot = h('div', { class: 'header-search-slot' });
const languageSlot = h('div', { class: 'header-language-slot' });
account?.before(searchSlot);
account?.after(languageSlot);
let sessionLoaded = false;

/** The header's parts and the page's fixed texts in the active language. */
function drawHeader(): void {
  // A fresh key per language: the components keep no state worth keeping across languages.
  draw(<SearchBox key={language().code} />, searchSlot);
  draw(<LanguageSwitcher key={language().code} />, languageSlot);
  if (account && sessionLoaded) draw(<Account key={language().code} />, account);
  const skip = document.getElementById('skip-link');
  if (skip) skip.textContent = t('app.skip');
  document.getElementById('nav')?.setAttribute('aria-label', t('app.mainNav'));
  const footer = document.querySelector('footer.bottom p');
  if (footer) footer.textContent = t('app.footer');
}

window.addEventListener('hashchange', () => void render());
void Promise.all([
  loadSession(),
  loadTheatre(),
  useLanguage(wantedLanguage(currentLocation().query.get('lang'))),
]).then(() => {
  sessionLoaded = true;
  headerLanguage = language().code;
  drawHeader();
  startOutbox();
  return render();
});

// The service worker keeps the app shell and the monitor's pages for offline use (docs/web.md).
if ('serviceWorker' in navigator)
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
