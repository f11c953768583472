import { IntlMessageFormat } from 'intl-messageformat';
import english from './messages/en.json';

/**
 * The app's languages: ICU messages (FormatJS's intl-messageformat) kept as one JSON catalogue
 * per language under ./messages. English is built in; another language's catalogue is its own
 * chunk, fetched at start when that language is active. A key a catalogue lacks falls back to
 * English, so a language may translate only some pages (Armenian and Azerbaijani: the report form).
 */
export type MessageKey = keyof typeof english;
export type Catalogue = Readonly<Partial<Record<string, string>>>;
export type Values = Readonly<Record<string, string | number>>;

export interface Language {
  readonly code: string;
  /** The language's name in itself, as the switcher shows it. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'hy', name: 'Հայերեն', dir: 'ltr' },
  { code: 'az', name: 'Azərbaycanca', dir: 'ltr' },
];

const LOADERS: Readonly<Record<string, () => Promise<Catalogue>>> = {
  ru: () => import('./messages/ru.json').then((m) => m.default),
  fr: () => import('./messages/fr.json').then((m) => m.default),
  ar: () => import('./messages/ar.json').then((m) => m.default),
  hy: () => import('./messages/hy.json').then((m) => m.default),
  az: () => import('./messages/az.json').then((m) => m.default),
};

const STORAGE_KEY = 'truce.lang';

let active: Language = LANGUAGES[0] as Language;
let catalogue: Catalogue = {};
const compiled = new Map<string, IntlMessageFormat>();

export function language(): Language {
  return active;
}

/** The language's code when it is known, otherwise undefined. */
export function languageOf(code: string | null | undefined): Language | undefined {
  const base = (code ?? '').toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l.code === base);
}

/**
 * The language to show: the URL's `lang`, else the one chosen before (localStorage), else the
 * first of the browser's languages the app has, else English.
 */
export function wantedLanguage(urlLang: string | null): Language {
  const chosen = languageOf(urlLang) ?? languageOf(storedLanguage());
  if (chosen) return chosen;
  for (const code of navigator.languages ?? [navigator.language]) {
    const found = languageOf(code);
    if (found) return found;
  }
  return LANGUAGES[0] as Language;
}

/** The language the person chose (from the switcher or a `?lang=` link), if any. */
export function chosenLanguage(urlLang: string | null): string | undefined {
  return languageOf(urlLang)?.code ?? languageOf(storedLanguage())?.code;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode: the URL still carries the choice.
  }
}

/** Loads the language's catalogue and marks the document with its `lang` and `dir`. */
export async function useLanguage(next: Language): Promise<void> {
  if (next.code !== active.code || document.documentElement.lang !== next.code) {
    const load = LOADERS[next.code];
    catalogue = load ? await load() : {};
    active = next;
    compiled.clear();
  }
  document.documentElement.lang = active.code;
  document.documentElement.dir = active.dir;
}

/** The message `key` in the active language (English when it lacks it), its arguments filled in. */
export function t(key: MessageKey, values?: Values): string {
  return format(key, values) ?? key;
}

/**
 * A message whose key is built from data (`kind.shelling`): undefined when no catalogue has it,
 * so the caller can fall back to the vocabulary's own English label.
 */
export function tData(key: string, values?: Values): string | undefined {
  return format(key, values);
}

function format(key: string, values?: Values): string | undefined {
  const own = catalogue[key];
  const source = own ?? (english as Catalogue)[key];
  if (source === undefined) return undefined;
  const id = `${own === undefined ? 'en' : active.code}:${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(source, own === undefined ? 'en' : active.code);
    compiled.set(id, message);
  }
  return String(message.format(values));
}

/** A number in the active language's digits and separators. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(active.code).format(value);
}

/**
 * A calendar day (`2020-11-09`) as the active language writes it. English keeps the ISO form the
 * record uses (sortable, unambiguous between conventions); other languages get their own.
 */
export function formatDay(iso: string): string {
  if (active.code === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(active.code, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (an ISO timestamp) in the active language, to the minute. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(active.code, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
