import { createHash } from 'node:crypto';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import { activeTheatre } from '../theatre/active.js';
import type { Theatre } from '../theatre/theatre.js';
import { actorIndex } from './actors/actor-index.js';
import { findEntities } from './actors/entities.js';
import { cleanDocument } from './clean/index.js';
import { findDates } from './dates.js';
import { partyMentions } from './events/event-context.js';
import { findEvents } from './events/events.js';
import { findFigures } from './figures.js';
import { detectLanguage } from './language.js';
import { buildMentions } from './mentions.js';
import { findNumbers } from './numbers.js';
import { findAdjectivePlaces, findPlaces, placeTokenMask } from './places.js';
import { respectStatedDivisions } from './stated-division.js';
import { divisionsWrittenAsTowns } from './division-by-town.js';
import { findUnlistedPlaces } from './unlisted-places.js';
import { speakerCandidates } from './quotes/candidates.js';
import { findQuotedSpans } from './quotes/quoted-spans.js';
import { findQuotes } from './quotes/quotes.js';
import type { DocumentInfo, Extraction } from './schema.js';
import { splitSentences } from './text/sentences.js';
import { tokenize } from './text/tokens.js';

export interface ExtractInput {
  readonly bytes: Uint8Array;
  /** A Content-Type header or file hint (`text/html; charset=windows-1251`). */
  readonly contentType?: string;
}

export interface ExtractOptions {
  /** Publication date (YYYY-MM-DD); else the page's metadata; else relative dates stay unresolved. */
  readonly published?: string | null;
  /** The knowledge in force (packs + world base); default: the process's `activeTheatre()`. */
  readonly theatre?: Theatre;
  /** The places to look for; default: the theatre's gazetteer. */
  readonly gazetteer?: Gazetteer;
}

/**
 * Turns one article (HTML or plain text bytes) into the extraction contract: the clean body
 * with its SHA-256, events, quotes, figures and mentions, every fact with offsets into
 * `document.text`. Non-English documents are flagged and get no facts.
 *
 * @example extract({ bytes: new TextEncoder().encode(article) }, { published: '2020-11-10' }).events
 */
export function extract(input: ExtractInput, options: ExtractOptions = {}): Extraction {
  const cleaned = cleanDocument(
    input.contentType ? { bytes: input.bytes, contentType: input.contentType } : { bytes: input.bytes },
  );
  const published = options.published ?? cleaned.published ?? null;
  const language = detectLanguage(cleaned.text).language;
  const flags = documentFlags(cleaned.text, language);
  const document: DocumentInfo = {
    title: cleaned.title,
    text: cleaned.text,
    published,
    language,
    sha256: createHash('sha256').update(cleaned.text, 'utf8').digest('hex'),
    isHtml: cleaned.isHtml,
    charset: cleaned.charset,
    flags,
  };
  if (flags.includes('empty') || flags.includes('not_english'))
    return { document, events: [], quotes: [], figures: [], mentions: emptyMentions() };
  const theatre = options.theatre ?? activeTheatre();
  const gazetteer = options.gazetteer ?? defaultGazetteer(theatre);
  return { document, ...extractFacts(cleaned.text, published, gazetteer, theatre) };
}

/**
 * Why facts may be missing: no text, a language other than English, or too little text to tell.
 *
 * @example documentFlags('Bonjour', 'fr') // ['not_english']
 */
export function documentFlags(text: string, language: string): string[] {
  if (text.trim() === '') return ['empty'];
  if (language === 'und') return ['language_undetermined'];
  return language === 'en' ? [] : ['not_english'];
}

function emptyMentions(): Extraction['mentions'] {
  return { people: [], organizations: [], places: [] };
}

/**
 * The fact stages over an already clean English text.
 *
 * @example extractFacts(text, '2020-11-10', defaultGazetteer(theatre), theatre).events
 */
export function extractFacts(
  text: string,
  published: string | null,
  gazetteer: Gazetteer,
  theatre: Theatre = activeTheatre(),
): Omit<Extraction, 'document'> {
  const tokens = tokenize(text);
  const sentences = splitSentences(text);
  const listed = findPlaces(text, tokens, gazetteer);
  const places = respectStatedDivisions(
    text,
    divisionsWrittenAsTowns(
      text,
      [...listed, ...findUnlistedPlaces(text, tokens, listed)].sort((a, b) => a.start - b.start),
      gazetteer,
    ),
  );
  const entities = findEntities(text, tokens, placeTokenMask(tokens, places), theatre);
  const dates = findDates(text, published);
  const figures = findFigures(text, findNumbers(text));
  const spans = findQuotedSpans(text);
  const candidates = speakerCandidates(text, entities, spans, places, actorIndex(theatre));
  const quotes = findQuotes({ text, sentences, candidates, spans });
  const parties = partyMentions(text, tokens, entities, places, theatre);
  const events = findEvents({
    text,
    sentences,
    places,
    dates,
    figures,
    parties,
    quotes: spans,
    published,
    gazetteer,
  });
  // Adjectives of places ("Turkish") are place mentions for readers, never events' places.
  const adjectives = findAdjectivePlaces(text, tokens, gazetteer, places);
  return { events, quotes, figures, mentions: buildMentions(entities, places, adjectives) };
}
