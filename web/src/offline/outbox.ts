import { ApiError, postJson } from '../api-client.js';
import { me, onSessionChange } from '../session.js';

/**
 * The outbox: what a monitor files is kept on the device (IndexedDB) before it is sent, so a
 * report typed with no connection, or whose request failed on the way, is not lost by closing the
 * tab, reloading or restarting the phone. Entries are sent in the order they were made, when the
 * connection returns (`online`), on demand (`sendOutbox`), and again with a growing delay after a
 * failure on the way. Each entry carries the key that makes a resend harmless: the server decides
 * by it (a field report's or a day's idempotency key), so a report sent twice (the answer lost in
 * a crash) is one record, and the resend is answered with the first answer. Only that answer counts
 * as sent: a refusal (a 409 included) is shown as refused, never taken for a delivery. Photos are
 * kept as Blobs and put into the body (base64) only when the entry is sent.
 *
 * States: `waiting` (not sent yet, or to be tried again), `sending`, `sent` (with the server's
 * reference), `refused` (a 4xx: the server's reason and the field it names, to fix and resend).
 * A 401 stops the outbox until the person signs in again; nothing is dropped.
 */
export type OutboxState = 'waiting' | 'sending' | 'sent' | 'refused';

export interface OutboxDraft {
  /** Which form made it (each page lists its own kind). */
  readonly kind: string;
  /** The API path it is POSTed to (`/field-reports`). */
  readonly path: string;
  /** What the list shows for it. */
  readonly label: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** The key the server deduplicates by (sent in the body by the form). */
  readonly idempotencyKey: string;
  /** Photos taken with the form, kept on the device as they are; sent in the body's `photos`. */
  readonly photos?: readonly Blob[];
}

export interface OutboxEntry extends OutboxDraft {
  readonly id: number;
  /** When the person filed it (ISO time), not when it was sent. */
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** Not before this time (ms since the epoch) after a failure on the way. */
  readonly nextTryAt: number | null;
  readonly sentAt: string | null;
  /** The server's answer when sent (`{ incidentId }`, the day filed). */
  readonly answer: unknown;
  /** The server's reason when refused, and the field it names. */
  readonly reason: string | null;
  readonly field: string | null;
  /** Why the last attempt did not get through (no connection, the server unavailable). */
  readonly lastFailure: string | null;
}

const DB_NAME = 'truce-outbox';
const STORE = 'entries';

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the outbox could not be opened'));
  });
  return opened;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return database().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error ?? new Error('the outbox could not be written'));
      }),
  );
}

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DB_NAME);
channel?.addEventListener('message', () => notify(false));

/** Calls `listener` whenever the outbox changes (here or in another tab); returns the function that stops it. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(broadcast = true): void {
  for (const listener of listeners) listener();
  if (broadcast) channel?.postMessage('changed');
}

/** Every entry, oldest first. */
export async function listOutbox(): Promise<OutboxEntry[]> {
  const all = await run<OutboxEntry[]>('readonly', (store) => store.getAll() as IDBRequest<OutboxEntry[]>);
  return all.sort((a, b) => a.id - b.id);
}

async function getEntry(id: number): Promise<OutboxEntry | undefined> {
  return run<OutboxEntry | undefined>(
    'readonly',
    (store) => store.get(id) as IDBRequest<OutboxEntry | undefined>,
  );
}

async function putEntry(entry: OutboxEntry): Promise<void> {
  await run('readwrite', (store) => store.put(entry));
  notify();
}

/** Keeps a new entry, waiting to be sent; returns it. */
export async function addToOutbox(draft: OutboxDraft, now: Date = new Date()): Promise<OutboxEntry> {
  const fresh: Omit<OutboxEntry, 'id'> = {
    ...draft,
    createdAt: now.toISOString(),
    state: 'waiting',
    attempts: 0,
    nextTryAt: null,
    sentAt: null,
    answer: null,
    reason: null,
    field: null,
    lastFailure: null,
  };
  const id = await run('readwrite', (store) => store.add(fresh));
  notify();
  return { ...fresh, id: Number(id) };
}

/**
 * A refused (or still waiting) entry edited by the person: the new body, the same key (the
 * server never recorded it), waiting again.
 */
export async function reviseEntry(id: number, draft: OutboxDraft): Promise<OutboxEntry | undefined> {
  const entry = await getEntry(id);
  if (!entry || entry.state === 'sent' || entry.state === 'sending') return undefined;
  const revised: OutboxEntry = {
    ...entry,
    ...draft,
    idempotencyKey: entry.idempotencyKey,
    body: { ...draft.body, idempotencyKey: entry.idempotencyKey },
    state: 'waiting',
    nextTryAt: null,
    reason: null,
    field: null,
  };
  await putEntry(revised);
  return revised;
}

/** Takes a sent or refused entry off the list. */
export async function removeEntry(id: number): Promise<void> {
  await run('readwrite', (store) => store.delete(id));
  notify();
}

export async function entryById(id: number): Promise<OutboxEntry | undefined> {
  return getEntry(id);
}

/** Why sending stopped: the session ended (sign in again), else nothing. */
let stoppedBySession = false;

export function outboxNeedsSignIn(): boolean {
  return stoppedBySession;
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/** The wait before the next try after `attempts` failures on the way: 2 s, 4 s, 8 s … at most 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

let running: Promise<void> | null = null;
let again = false;
let forceAgain = false;
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Sends what waits, oldest first. `force` (the Send now button) ignores the backoff delay. Only one
 * run at a time: a call during a run makes it look again once it is done.
 */
export function sendOutbox(force = false): Promise<void> {
  if (running) {
    again = true;
    forceAgain ||= force;
    return running;
  }
  running = (async () => {
    let forced = force;
    try {
      do {
        again = false;
        await sendWaiting(forced);
        forced = forceAgain;
        forceAgain = false;
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

async function sendWaiting(force: boolean): Promise<void> {
  if (stoppedBySession) return;
  for (const entry of await listOutbox()) {
    // `sending` left over from a closed tab: the answer was never recorded; the key makes a resend safe.
    if (entry.state !== 'waiting' && entry.state !== 'sending') continue;
    if (!force && entry.nextTryAt !== null && entry.nextTryAt > Date.now()) {
      schedule(entry.nextTryAt - Date.now());
      return; // in order: what comes after waits for it
    }
    const outcome = await sendOne(entry);
    if (outcome === 'stop') return;
  }
}

async function sendOne(entry: OutboxEntry): Promise<'next' | 'stop'> {
  const attempts = entry.attempts + 1;
  await putEntry({ ...entry, state: 'sending', attempts });
  try {
    const answer = await postJson<unknown>(entry.path, await bodyToSend(entry));
    await putEntry({
      ...entry,
      attempts,
      state: 'sent',
      answer,
      sentAt: new Date().toISOString(),
      nextTryAt: null,
      lastFailure: null,
    });
    return 'next';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      stoppedBySession = true;
      await putEntry({
        ...entry,
        attempts: entry.attempts,
        state: 'waiting',
        lastFailure: 'sign in again to send',
      });
      return 'stop';
    }
    if (error instanceof ApiError && isRefusal(error.status)) {
      await putEntry({
        ...entry,
        attempts,
        state: 'refused',
        reason: error.message,
        field: error.field ?? null,
        nextTryAt: null,
      });
      return 'next';
    }
    // No connection, or the server unavailable: try again later, and keep the order.
    const delay = backoffMs(attempts);
    await putEntry({
      ...entry,
      attempts,
      state: 'waiting',
      nextTryAt: Date.now() + delay,
      lastFailure:
        error instanceof ApiError ? `the server answered ${error.status}` : 'no connection to the server',
    });
    schedule(delay);
    return 'stop';
  }
}

/** The body as the API takes it: the entry's photos (Blobs) read into `photos` as base64. */
async function bodyToSend(entry: OutboxEntry): Promise<Readonly<Record<string, unknown>>> {
  if (!entry.photos || entry.photos.length === 0) return entry.body;
  const photos = [];
  for (const blob of entry.photos)
    photos.push({ mediaType: blob.type, data: toBase64(new Uint8Array(await blob.arrayBuffer())) });
  return { ...entry.body, photos };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A 4xx the person can fix; 408 (timeout) and 429 (too many) are tried again. */
const isRefusal = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

function schedule(delay: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    if (navigator.onLine) void sendOutbox();
  }, delay);
}

let started = false;

/**
 * Starts the outbox once, at boot: sends what waits now if there is a connection, again on every
 * `online` event, and after the person signs in again when a send found the session ended.
 */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void sendOutbox(true));
  onSessionChange(() => {
    // The service worker keeps the last `/api/auth/me` for offline use: read it again after a
    // sign-in or sign-out so a reload with no connection shows who is signed in now.
    if (navigator.onLine)
      void fetch('/api/auth/me', {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      }).catch(() => undefined);
    if (me().user !== null && stoppedBySession) {
      stoppedBySession = false;
      notify(false);
      void sendOutbox(true);
    }
  });
  if (navigator.onLine) void sendOutbox();
}

/** What the server gave back for a sent entry, in words: the reference the monitor can quote. */
export function referenceOf(entry: OutboxEntry): string {
  const answer = entry.answer as { incidentId?: unknown; day?: unknown } | null;
  if (answer && typeof answer.incidentId === 'number') return `candidate incident #${answer.incidentId}`;
  if (answer && typeof answer.day === 'string') return `the record for ${answer.day}`;
  return 'received';
}

/**
 * What a form does with what the person filed: keep it in the outbox (or, for an entry being
 * edited, revise it), then send at once when there is a connection. The answer says where it
 * stands: sent (with the entry, its answer and reference), refused (the server's reason and
 * field), or waiting in the outbox.
 *
 * @example const filed = await fileThroughOutbox({ kind: 'activity', path: '/mission/activity', label, body, idempotencyKey })
 */
export async function fileThroughOutbox(draft: OutboxDraft, editingId?: number): Promise<OutboxEntry> {
  const entry =
    (editingId === undefined ? undefined : await reviseEntry(editingId, draft)) ?? (await addToOutbox(draft));
  if (navigator.onLine) await sendOutbox(true);
  return (await entryById(entry.id)) ?? entry;
}
