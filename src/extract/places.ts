import { ancestorsOf, type Gazetteer, type GazetteerPlace } from '../gazetteer/gazetteer.js';
import { distanceKm, isGeoNamesTown, resolveCandidates, type Candidate } from '../gazetteer/resolve.js';
import { AFTER_COMMA, SHORT_FORMS } from '../gazetteer/short-forms.js';
import { isLocative, isWordNotTown, personNameRole, wordUseOf } from '../gazetteer/name-context.js';
import type { Place } from './schema.js';
import { matchPhrases } from './text/phrase-trie.js';
import { isTight, tokenIndexAt, type Token } from './text/tokens.js';

export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly first: number;
  readonly last: number;
  readonly place: GazetteerPlace;
  /** Written as "near X", "outside X": the fact is close to, not in, the place. */
  readonly isNear: boolean;
  /** How sure the resolution is (0.5 a toss-up, 1 certain) and why it chose this place. */
  readonly confidence: number;
  readonly reason: string;
  /** The first-level division the place lies in (or is), when the gazetteer knows it. */
  readonly admin1: GazetteerPlace | null;
}

const LOWERCASE_KINDS = new Set(['line_of_contact', 'border']);
/** Words after a name that only a division takes: its governor, or "state" in lower case. */
const DIVISION_CUE = /^\s(?:Gov\.|Gov\b|Governor\b|Lt\. Gov|state\b)/;
/** Bounds the work on one text: real articles name a few dozen places. */
const MAX_CANDIDATES = 2000;

interface Span {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly options: readonly GazetteerPlace[];
}

/**
 * Finds the place names of a text and resolves each: the curated names (countries, divisions,
 * world regions, the packs' places) wherever written, short forms ("U.S.", "UK"), and the
 * world's towns where written with capitals and not part of a person's name; then each name
 * goes to one place by the document's geography (see `resolveCandidates`).
 *
 * @example findPlaces('Shelling hit Kherson.', tokens, gazetteer)[0]?.place.name // 'Kherson'
 */
export function findPlaces(text: string, tokens: readonly Token[], gazetteer: Gazetteer): PlaceMention[] {
  const curated = curatedSpans(text, tokens, gazetteer);
  const found = [...curated, ...townSpans(text, tokens, gazetteer, curated)].sort(
    (a, b) => a.start - b.start,
  );
  const spans = dropPeople(text, tokens, dropJoinedNames(text, tokens, found)).slice(0, MAX_CANDIDATES);
  const candidates: Candidate[] = spans.map((s, i) => ({
    start: s.start,
    end: s.end,
    options: s.options,
    locative: isLocative(text, s.start),
    host: hostOf(text, spans, i),
    key: tokensKey(tokens, s.first, s.last),
    divisionCue: DIVISION_CUE.test(text.slice(s.end, s.end + 12)),
  }));
  const out: PlaceMention[] = [];
  const nameOf = (id: string) => gazetteer.byId.get(id)?.name ?? id;
  resolveCandidates(candidates, nameOf).forEach((r, i) => {
    const s = spans[i];
    if (r && s) out.push({ ...s, place: r.place, isNear: isNearText(text, s.start), ...rest(gazetteer, r) });
  });
  return inTheirTheatre(text, out);
}

/** A theatre's line or border written in common words is that theatre's only this near its other places. */
const THEATRE_KM = 300;

/**
 * Phenomenon: "the contact line", "the border" in common words name a pack's feature only in a
 * text about that feature's conflict; in a text about another ("the contact line in Donbas"
 * read against a Karabakh pack) they are not that feature. Kept when the text names another
 * place in the feature's country or within THEATRE_KM of it, or names no other place (the theatre
 * in force is then its only context); always kept when capitalised.
 */
function inTheirTheatre(text: string, mentions: readonly PlaceMention[]): PlaceMention[] {
  const common = (m: PlaceMention) =>
    LOWERCASE_KINDS.has(m.place.kind) &&
    text.slice(m.start, m.end) === text.slice(m.start, m.end).toLowerCase();
  const others = mentions.filter((m) => !LOWERCASE_KINDS.has(m.place.kind));
  return mentions.filter(
    (m) =>
      !common(m) ||
      others.length === 0 ||
      others.some(
        (o) =>
          o.place.country === m.place.country ||
          distanceKm(o.place.lat, o.place.lon, m.place.lat, m.place.lon) <= THEATRE_KM,
      ),
  );
}

function rest(gazetteer: Gazetteer, r: { place: GazetteerPlace; confidence: number; reason: string }) {
  return { confidence: r.confidence, reason: r.reason, admin1: admin1Of(gazetteer, r.place) };
}

/** The division a place lies in: its nearest ancestor that is a region of the world base. */
function admin1Of(gazetteer: Gazetteer, place: GazetteerPlace): GazetteerPlace | null {
  return ancestorsOf(gazetteer, place.id).find((p) => p.id.startsWith('admin1:')) ?? null;
}

function isNearText(text: string, start: number): boolean {
  return /\b(?:near|outside|close to|outskirts of|vicinity of|near to)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, start - 24), start),
  );
}

/**
 * Drops the names that are people's or words here: part of a person's name ("Georgia
 * Stevens", and then "Georgia" alone in the same text unless written as a place, "in Georgia"),
 * and one-word towns the text uses as a word or a surname (see `isWordNotTown`).
 */
function dropPeople(text: string, tokens: readonly Token[], spans: readonly Span[]): Span[] {
  const use = wordUseOf(text, tokens);
  const people = new Set<string>();
  const kept = spans.filter((s) => {
    const role = personNameRole(text, tokens, s.first, s.last, s.options);
    if (role === 'first-name' && (!s.options.every(isGeoNamesTown) || isSurnameAlone(tokens, s.last)))
      people.add(tokensKey(tokens, s.first, s.last));
    return role === null;
  });
  return kept.filter((s) => {
    const single = s.last - s.first === 1;
    if (single && people.has(tokensKey(tokens, s.first, s.last)) && !isLocative(text, s.start)) return false;
    const townOnly = s.options.every(isGeoNamesTown);
    return !(single && townOnly && isWordNotTown(text, tokens, s.first, use));
  });
}

/**
 * Whether the capitalised word at `at`, written after a town's name, stands alone elsewhere in
 * the text as a surname does ("Paris Hilton … Hilton said"): a town's name before a word the
 * text never writes alone is the town's own name of something ("the London Free Press", "the
 * Edmonton Oilers"), and the town alone elsewhere is still the town.
 */
function isSurnameAlone(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at];
  if (!word) return false;
  return tokens.some((t, i) => i !== at && t.isCap && t.norm === word.norm && tokens[i - 1]?.isCap !== true);
}

/**
 * Two place names written together with one space between ("George Washington", "Jordan
 * Henderson") are one name of something else; a name and its country or division still count
 * ("Calgary Alberta" is rare, "Paris, Texas" has its comma).
 */
function dropJoinedNames(text: string, tokens: readonly Token[], spans: readonly Span[]): Span[] {
  const joined = new Set<number>();
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    const left = a && tokens[a.last - 1];
    const right = b && tokens[b.first];
    if (!a || !b || !left || !right || b.first !== a.last || text.slice(left.end, right.start) !== ' ')
      continue;
    if (a.options.some((p) => b.options.some((h) => h.id === p.parent || h.id === p.country.toLowerCase())))
      continue;
    joined.add(i).add(i + 1);
  }
  return spans.filter((_, i) => !joined.has(i));
}

/** The next span, when only ", " separates them ("Paris, Texas"). */
function hostOf(text: string, spans: readonly Span[], i: number): number | null {
  const s = spans[i];
  const next = spans[i + 1];
  if (!s || !next) return null;
  return /^,\s?$/.test(text.slice(s.end, next.start)) ? i + 1 : null;
}

function curatedSpans(text: string, tokens: readonly Token[], gazetteer: Gazetteer): Span[] {
  const trie = matchPhrases(text, tokens, gazetteer.trie, { requireCap: false }).filter((m) => {
    const head = tokens[m.first];
    if (m.values.some((p) => LOWERCASE_KINDS.has(p.kind))) return true;
    return head?.isCap === true && (m.last - m.first > 1 || !isShortLowerForm(head));
  });
  const spans: Span[] = trie.map((m) => ({
    ...m,
    options: withTowns(m.values, gazetteer.towns.lookup(tokensKey(tokens, m.first, m.last))),
  }));
  return [...extendedToTowns(text, tokens, gazetteer, spans), ...shortForms(text, tokens, gazetteer, spans)];
}

/**
 * Phenomenon: a town whose name is a curated place's name and more words ("Mexico City",
 * "New York City", "Kuwait City") is meant by the longer name when it lies in that place (the
 * country, or the division, it is named after): the longer span replaces the curated one, and
 * curated spans inside the longer one go.
 */
function extendedToTowns(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  spans: readonly Span[],
): Span[] {
  const out: Span[] = [];
  let covered = -1;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.first < covered) continue;
    const longer = longerTownIn(text, tokens, gazetteer, s);
    out.push(longer ?? s);
    covered = (longer ?? s).last;
  }
  return out;
}

function longerTownIn(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  s: Span,
): Span | undefined {
  const holds = (t: GazetteerPlace) =>
    s.options.some((p) => (p.kind === 'country' ? t.country === p.country : t.parent === p.id));
  let found: Span | undefined;
  for (let last = s.last + 1; last - s.first <= gazetteer.towns.maxWords && last <= tokens.length; last++) {
    const prev = tokens[last - 2];
    const tail = tokens[last - 1];
    if (!prev || !tail || !tail.isCap || !isTight(text, prev, tail)) break;
    const options = gazetteer.towns.lookup(tokensKey(tokens, s.first, last));
    if (options.some(holds)) found = { first: s.first, last, start: s.start, end: tail.end, options };
  }
  return found;
}

/**
 * Adjectives of places ("Turkish", "European"), capitalised, where no place name was found:
 * mentions of the place for `mentions.places`, kept apart from `findPlaces` so that the event
 * and speaker stages, which read country mentions as actors, do not see them.
 *
 * @example findAdjectivePlaces('Turkish envoys', tokens, gazetteer, [])[0]?.place.id // 'tr'
 */
export function findAdjectivePlaces(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  places: readonly PlaceMention[],
): PlaceMention[] {
  if (gazetteer.adjectives.children.size === 0) return [];
  const out: PlaceMention[] = [];
  for (const m of matchPhrases(text, tokens, gazetteer.adjectives, { requireCap: true })) {
    const place = m.values[0];
    if (!place || places.some((p) => p.first < m.last && p.last > m.first)) continue;
    const reason = `an adjective of ${place.name}`;
    out.push({ ...m, place, isNear: false, confidence: 0.9, reason, admin1: null });
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/**
 * A curated name's places and the other towns of that name. A town that is the curated place
 * itself (same country, within 30 km) is not a rival: the curated place takes its population.
 */
function withTowns(curated: readonly GazetteerPlace[], towns: readonly GazetteerPlace[]): GazetteerPlace[] {
  if (towns.length === 0) return [...curated];
  const twinOf = (c: GazetteerPlace) =>
    c.kind === 'settlement'
      ? towns.find((t) => c.country === t.country && distanceKm(c.lat, c.lon, t.lat, t.lon) < 30)
      : undefined;
  const twins = new Set<GazetteerPlace>();
  const places = curated.map((c) => {
    const twin = twinOf(c);
    if (!twin) return c;
    twins.add(twin);
    return { ...c, population: twin.population ?? 0, feature: twin.feature ?? '' };
  });
  return [...places, ...towns.filter((t) => !twins.has(t))];
}

/** "Us", "Eu": a name of three letters or fewer counts only written in capitals ("US", "EU"). */
function isShortLowerForm(token: Token): boolean {
  return token.text.length <= 3 && token.text !== token.text.toUpperCase();
}

/** Short forms: dotted ("U.S.", "U.K."), in capitals ("US", "UK"), and after a comma ("Ky."). */
function shortForms(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  taken: readonly Span[],
): Span[] {
  const body = text.slice(0, 200_000);
  const found: { start: number; end: number; id: string | undefined }[] = [];
  for (const m of body.matchAll(/\b(?:[A-Z]\.){2,3}|\b(?:US|USA|UK|UAE)\b/g))
    found.push({ start: m.index, end: m.index + m[0].length, id: SHORT_FORMS.get(keyOf(m[0])) });
  for (const m of body.matchAll(/,\s?((?:[A-Z]\.\s?)?[A-Z][a-z]{0,4}\.)/g)) {
    const start = m.index + m[0].length - (m[1]?.length ?? 0);
    found.push({ start, end: m.index + m[0].length, id: AFTER_COMMA.get(keyOf(m[1] ?? '')) });
  }
  const out: Span[] = [];
  for (const f of found) {
    const place = f.id ? gazetteer.byId.get(f.id) : undefined;
    if (!place || [...taken, ...out].some((s) => s.start < f.end && s.end > f.start)) continue;
    const first = tokenIndexAt(tokens, f.start);
    out.push({ first, last: Math.max(first + 1, tokenIndexAt(tokens, f.end)), ...f, options: [place] });
  }
  return out;
}

function keyOf(form: string): string {
  return (form.match(/[A-Za-z]+/g) ?? []).join(' ').toLowerCase();
}

/** Town names at the tokens no curated name took: longest first, written with capitals, never a demonym ("Canadian"). */
function townSpans(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  taken: readonly Span[],
): Span[] {
  const mask = new Uint8Array(tokens.length);
  for (const s of taken) for (let i = s.first; i < s.last; i++) mask[i] = 1;
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (mask[i] === 1 || tokens[i]?.isCap !== true) continue;
    const found = longestTown(text, tokens, gazetteer, mask, i);
    if (found) {
      out.push(found);
      i = found.last - 1;
    }
  }
  return out;
}

function longestTown(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  mask: Uint8Array,
  i: number,
): Span | undefined {
  let n = 1;
  while (n < gazetteer.towns.maxWords && i + n < tokens.length && mask[i + n] !== 1) {
    const prev = tokens[i + n - 1];
    const next = tokens[i + n];
    if (!prev || !next || !isTight(text, prev, next)) break;
    n++;
  }
  for (; n >= 1; n--) {
    const lastTok = tokens[i + n - 1];
    if (!lastTok?.isCap) continue;
    const key = tokensKey(tokens, i, i + n);
    if (n === 1 && (gazetteer.adjectives.children.get(key)?.values.length ?? 0) > 0) continue;
    const options = gazetteer.towns.lookup(key);
    const head = tokens[i];
    if (options.length > 0 && head)
      return { first: i, last: i + n, start: head.start, end: lastTok.end, options };
  }
  return undefined;
}

function tokensKey(tokens: readonly Token[], first: number, last: number): string {
  return tokens
    .slice(first, last)
    .map((t) => t.norm)
    .join(' ');
}

/** The token flags of every place mention, for stages that must not read places as people. */
export function placeTokenMask(tokens: readonly Token[], mentions: readonly PlaceMention[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i < m.last; i++) mask[i] = 1;
  return mask;
}

/** The contract's place object for a mention. */
export function presentPlace(mention: PlaceMention): Place {
  const p = mention.place;
  return {
    id: p.id,
    name: p.name,
    names: [...p.names],
    kind: p.kind,
    country: p.country === '' ? null : p.country,
    lat: Number.isFinite(p.lat) ? p.lat : null,
    lon: Number.isFinite(p.lon) ? p.lon : null,
    precision: mention.isNear ? 'near' : (p.precision ?? precisionOf(p.kind)),
    ...(!Number.isFinite(p.lat) && p.parent ? { within: p.parent } : {}),
  };
}

function precisionOf(kind: string): Place['precision'] {
  if (kind === 'country') return 'country';
  if (kind === 'region' || kind === 'line_of_contact' || kind === 'border') return 'region';
  if (kind === 'district') return 'district';
  return 'exact';
}
