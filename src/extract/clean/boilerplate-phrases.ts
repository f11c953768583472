/**
 * Phrase lists for what is never article text: comment forms, cookie and privacy notices (in
 * several languages), share bars, "related" headers, navigation, credits, photo-agency lines,
 * glued tag lists. Patterns are anchored alternations over one paragraph cut to MAX_TESTED
 * characters, so each test is linear in that bound.
 */

import { activeTheatre } from '../../theatre/active.js';
import { TEASER_HEADERS } from './furniture-lines.js';
import type { Theatre } from '../../theatre/theatre.js';

/** Only this much of a paragraph is tested; furniture is short. */
const MAX_TESTED = 400;
/** Paragraphs longer than this are prose, whatever words they contain. */
const MAX_FURNITURE = 300;

const COMMENT_FORM = [
  /^please enter your (?:comment|name|e-?mail|website)/i,
  /^leave a (?:reply|comment)/i,
  /^(?:post|submit|add) (?:a |your )?comment/i,
  /your e-?mail address will not be published/i,
  /required fields are marked/i,
  /^save my name,? e-?mail/i,
  /^cancel reply$/i,
  /^you must be (?:logged|signed) in to (?:post|leave) a comment/i,
  /^\d+ comments?$|^comments?(?: \(\d+\))?$|^no comments? yet/i,
  /^(?:name|e-?mail|website|comment)\s*\*?\s*$/i,
  /^notify me of (?:follow-up comments|new posts)/i,
];

const COOKIE_WORD = /cookie|куки|файлы cookie|datenschutz|confidentialit|privacy|privacidad/i;
const CONSENT_VERB =
  /(?:we use|this (?:site|website) uses|uses cookies|by (?:continuing|using)|accept|agree|consent|utilise(?:ons)? des|nous utilisons|en poursuivant|akzeptier|verwendet|verwenden|nutzt|zustimm|einverstanden|использует|используем|продолжая|согласи|utilizamos|acepta|usiamo|accett)/i;

const SHARE_WORD =
  '(?:share(?: this| on)?|tweet|e-?mail|print|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|vk|copy link|messenger|flipboard|partager|teilen|поделиться)';
const SHARE_BAR = new RegExp(`^${SHARE_WORD}(?:[\\s,|•·/:-]+${SHARE_WORD}){0,15}[\\s:]*$`, 'i');

const NAVIGATION = [
  /^(?:related|more|similar|recommended|latest|popular|trending|top) (?:articles?|stories|posts|news|reading|videos?)\b/i,
  /^(?:read|see) (?:also|more|next)\b/i,
  /^(?:you may|you might) (?:also )?(?:like|be interested)/i,
  /^more (?:from|on) (?:this|our|the)\b/i,
  /^back to (?:top|home)/i,
  /^advertisement$|^sponsored(?: content)?$|^skip to (?:main )?content/i,
  /^(?:subscribe|sign up) (?:to|for) (?:our|the)\b.{0,80}newsletter/i,
  /^follow us on\b/i,
  /^(?:click|tap) here to\b/i,
  /all rights reserved|^copyright\b|^©/i,
  /^(?:lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|читайте также|смотрите также|ver también|leggi anche)(?!\p{L})/iu,
];

const CREDITS = [
  /^(?:editing|edited|translating|translated|translation|writing|written|reporting|additional reporting|compiled|prepared)(?:,? (?:and )?(?:editing|translating|translation|writing|reporting))* by\b/i,
  /^(?:photos?|images?|pictures?|video|credits?|source)\s*(?:by\s|:|©|\/)/i,
];

const outletCredits = new WeakMap<Theatre, readonly RegExp[]>();

/**
 * Lines that are only a photo or wire credit ("(AFP)", "AP Photo", "Jane Roe / Reuters"), for the
 * news outlets the theatre knows (actors of kind `outlet`). Each pattern is an alternation of
 * literal names, so testing it stays linear.
 */
function creditLines(theatre: Theatre): readonly RegExp[] {
  const cached = outletCredits.get(theatre);
  if (cached) return cached;
  const names = theatre.actors
    .filter((a) => a.kind === 'outlet')
    .flatMap((a) => a.aliases)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const outlets = names.length > 0 ? names.join('|') : '(?!)';
  const patterns = [
    new RegExp(`^\\(?(?:photo|image|picture)?\\s*(?:${outlets})(?: photo| images)?\\)?[\\s./]*$`, 'i'),
    new RegExp(`^(?:[\\p{Lu}][\\p{L}.'-]+ ){0,3}(?:\\/|via) (?:${outlets})\\b`, 'iu'),
  ];
  outletCredits.set(theatre, patterns);
  return patterns;
}

const TAG_LIST = /^(?:tags?|tagged|topics|keywords|filed under|теги|schlagwörter|mots-clés)\s*[:\-–]/i;

function isCookieNotice(text: string): boolean {
  return text.length < 400 && COOKIE_WORD.test(text) && CONSENT_VERB.test(text);
}

/** Capitalised words glued without spaces ("PeruChileBoliviaTalks"). */
function isGluedTagList(text: string): boolean {
  if (text.length > 300 || /[.!?]\s/.test(text)) return false;
  const glued = text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0;
  return glued >= 2 && glued * 12 >= text.length / 2;
}

/**
 * Whether one paragraph is page furniture by its wording alone; wire and photo credits are
 * recognised for the outlets of the theatre in force.
 *
 * @example isBoilerplatePhrase('Leave a Reply') // true
 */
export function isBoilerplatePhrase(paragraph: string, theatre: Theatre = activeTheatre()): boolean {
  const text = paragraph.trim().slice(0, MAX_TESTED);
  if (text === '') return true;
  if (text.length > MAX_FURNITURE) return isCookieNotice(text);
  return (
    COMMENT_FORM.some((pattern) => pattern.test(text)) ||
    NAVIGATION.some((pattern) => pattern.test(text)) ||
    CREDITS.some((pattern) => pattern.test(text)) ||
    creditLines(theatre).some((pattern) => pattern.test(text)) ||
    TAG_LIST.test(text) ||
    SHARE_BAR.test(text) ||
    isCookieNotice(text) ||
    isGluedTagList(text) ||
    isListedTeaserHeader(text) ||
    isListedTeaserLine(text)
  );
}

/** A header of the language data's list standing alone ("ALSO READ", "Also check out..."). */
function isListedTeaserHeader(text: string): boolean {
  const lower = text.toLowerCase();
  const header = TEASER_HEADERS.find((phrase) => lower.startsWith(phrase));
  return header !== undefined && !/\p{L}/u.test(lower.slice(header.length));
}

/** A teaser header and one headline on a line ("Related: Talks resume in the capital"). */
const MAX_TEASER_LINE_WORDS = 20;

function isListedTeaserLine(text: string): boolean {
  const lower = text.toLowerCase();
  const header = TEASER_HEADERS.find((phrase) => lower.startsWith(phrase));
  if (header === undefined || !/^\s*[:|–-]/u.test(lower.slice(header.length))) return false;
  const words = lower.slice(header.length).match(/\p{L}\S*/gu)?.length ?? 0;
  return words <= MAX_TEASER_LINE_WORDS && !/[.!]["')]?\s*$/u.test(text);
}

/** Headers after which the rest of a paragraph run is other stories ("Related Articles"). */
export function isTeaserHeader(paragraph: string): boolean {
  const text = paragraph.trim().slice(0, MAX_TESTED);
  return (
    text.length < 60 &&
    (NAVIGATION.slice(0, 3).some((pattern) => pattern.test(text)) || isListedTeaserHeader(text))
  );
}
