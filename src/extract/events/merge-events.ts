import type { Gazetteer, GazetteerPlace } from '../../gazetteer/gazetteer.js';
import { parseDay } from '../day-math.js';
import type { PlaceMention } from '../places.js';
import type { Event } from '../schema.js';
import { kindsWhere } from '../../vocabulary/index.js';
import { RANK_SPEECH, type DateRank } from './event-dates.js';
import { ONE_OFF_KINDS, type EventKind } from './taxonomy.js';

/** An event as the stage builds it, with what merging needs to know about its mentions. */
export interface Candidate {
  readonly kind: EventKind;
  readonly event: Event;
  /** How its date was found (see `pickDate`): lower is better. */
  readonly rank: DateRank;
  /** The index of the last sentence that told of it (its trigger's, or a detail's after it). */
  readonly unit: number;
  /** The index of the sentence its trigger is in. */
  readonly origin: number;
  /** The place mention chosen, with its parents. */
  readonly mention: PlaceMention;
  /** Read from the headline. */
  readonly isTitle: boolean;
  /** Written as a reference to an event told before ("the attack on peacekeepers"). */
  readonly isReference: boolean;
  /** Whose dead its killed figure counts, when a figure gave it. */
  readonly killedSide?: 'group' | 'other' | undefined;
  /** How many people its trigger says were set free or handed over ("handed over 11 hostages"). */
  readonly released?: number | undefined;
}

/** An event mentioned a thousand times keeps its first spans, not all of them. */
const MAX_EVIDENCE = 25;
/** A bound on distinct events per document, so merging stays linear on pathological input. */
const MAX_EVENTS = 500;

export const SPECIFICITY: Readonly<Record<string, number>> = {
  checkpoint: 0,
  observation_post: 0,
  pass: 1,
  corridor: 1,
  road: 1,
  settlement: 2,
  district: 3,
  line_of_contact: 4,
  border: 4,
  region: 5,
  country: 6,
};

const VIOLENCE = kindsWhere((k) => k.isViolence);
/** "the air strikes" after a missile attack refers to it: fire from afar is one family for references. */
const REMOTE: ReadonlySet<EventKind> = new Set<EventKind>(['shelling', 'air_strike']);
const sameStrike = (a: EventKind, b: EventKind) => a === b || (REMOTE.has(a) && REMOTE.has(b));
const sameFamily = (a: EventKind, b: EventKind) => a === b || (VIOLENCE.has(a) && VIOLENCE.has(b));

export interface MergeContext {
  readonly gazetteer: Gazetteer;
  /** Every place mention of the text, for the parents of the places events name. */
  readonly mentions: readonly PlaceMention[];
  readonly published: string | null;
}

interface Places {
  readonly gazetteer: Gazetteer;
  readonly byId: ReadonlyMap<string, GazetteerPlace>;
  readonly published: number | null;
}

/** An undated mention is the same event as a dated one only when that date is recent news. */
const RECENT_DAYS = 2;

/**
 * Folds mentions of one real-world event into one event: the headline into the body's first
 * event of its family, references ("the attack on …") into the event they point at, then
 * mentions of the same kind whose places are the same or nested (any place for once-per-article
 * kinds) and whose dates overlap or were inferred.
 *
 * @example mergeCandidates(candidates, gazetteer, places).length // 1
 */
export function mergeCandidates(candidates: readonly Candidate[], context: MergeContext): Event[] {
  const byId = new Map<string, GazetteerPlace>();
  for (const m of [...context.mentions, ...candidates.map((c) => c.mention)]) byId.set(m.place.id, m.place);
  const places: Places = { gazetteer: context.gazetteer, byId, published: parseDay(context.published) };
  const folded = foldInto(
    foldInto(
      [...candidates],
      (c) => c.isTitle,
      (c, o) => !o.isTitle && sameFamily(c.kind, o.kind),
      'first',
    ),
    (c) => c.isReference && !c.isTitle,
    (c, o) => sameStrike(o.kind, c.kind) && o.unit < c.unit,
    'last',
  );
  const out: Candidate[] = [];
  for (const c of folded) {
    const i = out.findIndex((o) => isSameEvent(o, c, places));
    const existing = out[i];
    if (existing) out[i] = combine(existing, c);
    else if (out.length < MAX_EVENTS) out.push(c);
  }
  return absorbBreaches(out, places).map((c) => c.event);
}

function foldInto(
  list: Candidate[],
  isFoldable: (c: Candidate) => boolean,
  isTarget: (c: Candidate, other: Candidate) => boolean,
  which: 'first' | 'last',
): Candidate[] {
  const out = [...list];
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i];
    if (!c || !isFoldable(c)) continue;
    const j = targetIndex(out, i, (o) => isTarget(c, o), which);
    const target = out[j];
    if (j < 0 || !target) continue;
    out[j] = combine(target, c, true);
    out.splice(i, 1);
  }
  return out;
}

function targetIndex(
  list: readonly Candidate[],
  skip: number,
  isTarget: (o: Candidate) => boolean,
  which: 'first' | 'last',
): number {
  const step = which === 'first' ? 1 : -1;
  for (let j = which === 'first' ? 0 : list.length - 1; j >= 0 && j < list.length; j += step) {
    const o = list[j];
    if (j !== skip && o && isTarget(o)) return j;
  }
  return -1;
}

/** Violence of a known nature that a breach report could be describing. */
const SPECIFIC_VIOLENCE = kindsWhere((k) => k.isSpecificViolence);

/**
 * "The army violated the ceasefire by shelling the town": a breach of unknown nature is the
 * same event as a specific attack at the same place and time, so it folds into it.
 */
function absorbBreaches(events: Candidate[], places: Places): Candidate[] {
  const breaches = absorb(
    events,
    places,
    (k) => k === 'ceasefire_violation',
    (k) => SPECIFIC_VIOLENCE.has(k) || k === 'attack',
  );
  const monitors = absorb(
    breaches,
    places,
    (k) => VAGUE_VIOLENCE.has(k),
    (k) => k === 'attack_on_monitors',
  );
  // Phenomenon: "their vehicles hit a mine and were fired upon": one sentence, one attack of the specific kind.
  return foldInto(
    monitors,
    (c) => VAGUE_VIOLENCE.has(c.kind),
    (c, o) => o.origin === c.origin && SPECIFIC_VIOLENCE.has(o.kind),
    'first',
  );
}

/**
 * Phenomenon: one attack on monitors told in several sentences ("peacekeepers were killed …",
 * "the convoy was attacked …"): a clash or attack read from the casualties at the same place and
 * time is the attack on the monitors.
 */
const VAGUE_VIOLENCE: ReadonlySet<EventKind> = new Set<EventKind>(['armed_clash', 'attack']);

function absorb(
  events: Candidate[],
  places: Places,
  isGeneral: (kind: EventKind) => boolean,
  isSpecific: (kind: EventKind) => boolean,
): Candidate[] {
  const out = [...events];
  for (let i = out.length - 1; i >= 0; i--) {
    const general = out[i];
    if (!general || !isGeneral(general.kind)) continue;
    const j = out.findIndex(
      (e) =>
        isSpecific(e.kind) &&
        (isSameEvent({ ...e, kind: general.kind }, general, places) ||
          (general.event.date?.inferred === true &&
            placesAgree(e.mention.place, general.mention.place, places))),
    );
    const target = out[j];
    if (!target) continue;
    out[j] = combine(target, general, true);
    out.splice(i, 1);
  }
  return out;
}

function isSameEvent(a: Candidate, b: Candidate, places: Places): boolean {
  if (a.kind !== b.kind) return false;
  // Phenomenon: releases in stages ("handed over 11 hostages" today, "13 and seven" two days
  // before): two releases of different numbers of people are two releases, not one told twice.
  if (a.released !== undefined && b.released !== undefined && a.released !== b.released) return false;
  if (!ONE_OFF_KINDS.has(a.kind) && !placesAgree(a.mention.place, b.mention.place, places)) return false;
  const [da, db] = [a.event.date, b.event.date];
  if (!da || !db) return true;
  // Phenomenon: an undated lead is today's news, not the dated background event further down.
  if (da.inferred !== db.inferred) return isRecent(da.inferred ? db : da, places.published);
  if (da.inferred) return true;
  // The day a statement was made does not contradict the day the event is said to have happened.
  if (a.rank === RANK_SPEECH || b.rank === RANK_SPEECH)
    return isRecent(a.rank === RANK_SPEECH ? db : da, places.published);
  return da.start <= db.end && db.start <= da.end;
}

function isRecent(d: NonNullable<Event['date']>, published: number | null): boolean {
  const end = parseDay(d.end);
  return published === null || end === null || end >= published - RECENT_DAYS;
}

function placesAgree(a: GazetteerPlace, b: GazetteerPlace, places: Places): boolean {
  if (a.id === b.id) return true;
  if (isCountryWide(a) || isCountryWide(b)) return a.country !== '' && a.country === b.country;
  return ancestry(a, places).includes(b.id) || ancestry(b, places).includes(a.id);
}

/** A country, or a part of it named by a compass word, which the stage cannot bound. */
const isCountryWide = (p: GazetteerPlace) => p.kind === 'country' || p.id.startsWith('compass:');

function ancestry(p: GazetteerPlace, places: Places): string[] {
  const out: string[] = [];
  let current: GazetteerPlace | undefined = p;
  while (current?.parent && out.length < 16 && !out.includes(current.parent)) {
    out.push(current.parent);
    current = places.byId.get(current.parent) ?? places.gazetteer.byId.get(current.parent);
  }
  return out;
}

/** One event from two mentions; `isAddition` keeps the first's kind and place unless the second's is finer. */
function combine(a: Candidate, b: Candidate, isAddition = false): Candidate {
  const [date, rank] = betterDate(a, b);
  const finer = isFiner(b.mention, a.mention) && (!isAddition || placesLoose(a, b));
  const killed = killedOf(a, b);
  const sides =
    killed === a.event.killed ? a.killedSide : killed === b.event.killed ? b.killedSide : undefined;
  return {
    ...a,
    rank,
    killedSide: sides,
    mention: finer ? b.mention : a.mention,
    event: {
      ...a.event,
      date,
      place: finer ? b.event.place : a.event.place,
      actor1: a.event.actor1 ?? b.event.actor1,
      actor2: a.event.actor2 ?? b.event.actor2,
      ...(killed ? { killed } : {}),
      ...((a.event.injured ?? b.event.injured) ? { injured: a.event.injured ?? b.event.injured } : {}),
      evidence:
        a.event.evidence.length >= MAX_EVIDENCE
          ? a.event.evidence
          : uniqueSpans([...a.event.evidence, ...b.event.evidence]),
    },
  };
}

/**
 * Phenomenon: deaths by side told in two sentences ("killing four police officers", "the
 * firefight left 13 militants dead"): the event's dead are both sides' together.
 */
function killedOf(a: Candidate, b: Candidate): Event['killed'] {
  const [ka, kb] = [a.event.killed, b.event.killed];
  if (!ka || !kb || !a.killedSide || !b.killedSide || a.killedSide === b.killedSide) return ka ?? kb;
  const sum = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);
  return {
    low: sum(ka.low, kb.low),
    best: ka.best + kb.best,
    high: sum(ka.high, kb.high),
    qualifier: ka.qualifier === kb.qualifier ? ka.qualifier : 'at_least',
  };
}

/** A headline's or a reference's place replaces the event's only when the event's is a country. */
const placesLoose = (a: Candidate, b: Candidate) =>
  isCountryWide(a.mention.place) && b.mention.place.country === a.mention.place.country;

function isFiner(p: PlaceMention, than: PlaceMention): boolean {
  return (SPECIFICITY[p.place.kind] ?? 9) < (SPECIFICITY[than.place.kind] ?? 9);
}

function betterDate(a: Candidate, b: Candidate): [Event['date'], DateRank] {
  if (!a.event.date) return [b.event.date, b.rank];
  if (!b.event.date) return [a.event.date, a.rank];
  if (b.rank !== a.rank) return b.rank < a.rank ? [b.event.date, b.rank] : [a.event.date, a.rank];
  return width(b.event.date) < width(a.event.date) ? [b.event.date, b.rank] : [a.event.date, a.rank];
}

function width(d: NonNullable<Event['date']>): number {
  return (parseDay(d.end) ?? 0) - (parseDay(d.start) ?? 0);
}

function uniqueSpans(spans: Event['evidence']): Event['evidence'] {
  const byStart = new Map(spans.map((s) => [s.start, s] as const));
  return [...byStart.values()].slice(0, MAX_EVIDENCE);
}
