/**
 * The service worker (served from `/sw.js`, scope `/`), bundled on its own by
 * scripts/build-web.mjs, which fills in `__PRECACHE__` with the app shell and the chunks of the
 * monitor's pages (from esbuild's metafile) and `__CACHE_VERSION__` with their digest.
 *
 * - Hashed files under `/app/` are served cache first (their names change when they change).
 * - The page itself (`/`, `/index.html` and every navigation) is network first, the cached shell
 *   when the network is gone.
 * - What the monitor's pages read (`/api/vocabulary`, `/api/theatre`, `/api/theatre/places`,
 *   `/api/auth/me`) is network first with the last answer as the fallback, so a monitor signed in
 *   once stays signed in offline and still has the lists.
 * - Everything else (every POST, every other GET) goes to the network untouched: the outbox, not
 *   the worker, keeps what is sent.
 */

declare const __PRECACHE__: readonly string[];
declare const __CACHE_VERSION__: string;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const worker = self as unknown as WorkerScope;
const SHELL = `truce-shell-${__CACHE_VERSION__}`;
const DATA = 'truce-data';
const SHELL_PAGE = '/index.html';
/** The API reads kept for offline use (network first). */
const KEPT_READS = new Set(['/api/vocabulary', '/api/theatre', '/api/theatre/places', '/api/auth/me']);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([SHELL_PAGE, ...__PRECACHE__]))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('truce-shell-') && n !== SHELL).map((n) => caches.delete(n)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (url.pathname.startsWith('/app/')) event.respondWith(cacheFirst(request));
  else if (request.mode === 'navigate' || url.pathname === '/' || url.pathname === SHELL_PAGE)
    event.respondWith(networkFirst(request, SHELL, SHELL_PAGE));
  else if (KEPT_READS.has(url.pathname)) event.respondWith(networkFirst(request, DATA, url.pathname));
});

/** A hashed file: the cached copy, else the network's (kept for next time). */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

/**
 * The network's answer (kept under `key`), else the last kept one. A 401 from `/api/auth/me` is
 * an answer too (signed out), kept like any other so the device does not claim a session it lost.
 */
async function networkFirst(request: Request, cacheName: string, key: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok || response.status === 401) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}
