export interface LanguageGuess {
  /** ISO 639-1 code, or `und` when the text gives too little to tell. */
  readonly language: string;
  readonly confidence: number;
}

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'that',
    'is',
    'was',
    'for',
    'on',
    'with',
    'said',
    'by',
    'it',
    'as',
    'from',
    'has',
    'have',
    'were',
    'which',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'une',
    'dans',
    'que',
    'pour',
    'du',
    'sur',
    'pas',
    'au',
    'avec',
    'qui',
    'ont',
    'selon',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'den',
    'von',
    'sich',
    'auf',
    'ein',
    'eine',
    'dem',
    'wurde',
    'auch',
  ],
  es: ['el', 'los', 'las', 'del', 'que', 'por', 'una', 'con', 'para', 'como', 'pero', 'fue', 'sus', 'según'],
  it: ['il', 'gli', 'della', 'che', 'per', 'una', 'con', 'sono', 'nel', 'dei', 'anche', 'stato'],
  pt: ['os', 'das', 'não', 'uma', 'com', 'para', 'foi', 'mais', 'pelo', 'segundo', 'também'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'olarak', 'da', 'de', 'çok', 'daha', 'gibi', 'olan'],
  az: ['və', 'bir', 'bu', 'üçün', 'ilə', 'olan', 'edib', 'tərəfindən', 'bildirib', 'isə'],
  nl: ['het', 'een', 'van', 'niet', 'zijn', 'voor', 'met', 'ook', 'naar', 'maar'],
};

const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Han}/gu, 'zh'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Ethiopic}/gu, 'am'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Tamil}/gu, 'ta'],
  [/\p{Script=Sinhala}/gu, 'si'],
  [/\p{Script=Myanmar}/gu, 'my'],
  [/\p{Script=Khmer}/gu, 'km'],
];

const SAMPLE = 6_000;
const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

/**
 * Guesses the language of a text from its script and its most common words, reading at most
 * the first 6,000 characters.
 *
 * @example detectLanguage('The ceasefire held overnight, the ministry said.').language // 'en'
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE);
  const letters = codePoints(sample.replace(NOT_LETTERS, ''));
  if (letters < 20) return { language: 'und', confidence: 0 };
  // Scripts do not overlap: when characters outside Latin and the shared scripts are too few for
  // any script to pass the share, the per-script counts are not needed.
  const others = codePoints(sample.replace(LATIN_OR_SHARED, ''));
  const script = others / letters > DOMINANT_SHARE ? dominantScript(sample, letters) : undefined;
  if (script) return script;
  return byStopwords(sample);
}

const DOMINANT_SHARE = 0.4;
const SURROGATE = /[\ud800-\udfff]/;
const NOT_LETTERS = /\P{L}+/gu;
const LATIN_OR_SHARED = /[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu;

/** Code points in a string: an astral character's surrogate pair counts once, a lone surrogate once. */
function codePoints(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

function dominantScript(sample: string, letters: number): LanguageGuess | undefined {
  for (const [re, lang] of SCRIPTS) {
    const n = (sample.match(re) ?? []).length;
    if (n / letters > DOMINANT_SHARE) return { language: lang, confidence: Math.min(1, n / letters) };
  }
  return undefined;
}

function byStopwords(sample: string): LanguageGuess {
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    for (const lang of LOOKUP.get(m[0]) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || words === 0 || top[1] / words < 0.05) return { language: 'und', confidence: 0 };
  const margin = second ? (top[1] - second[1]) / top[1] : 1;
  return { language: top[0], confidence: Math.round(Math.min(1, margin + top[1] / words) * 100) / 100 };
}
