import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { isWithin } from '../../gazetteer/gazetteer.js';
import { parseDay } from '../day-math.js';
import type { Event, Place } from '../schema.js';
import { kindsWhere } from '../../vocabulary/index.js';
import { ONE_OFF_KINDS, type EventKind } from './taxonomy.js';

/** An event mentioned a thousand times keeps its first spans, not all of them. */
const MAX_EVIDENCE = 25;
/** A bound on distinct events per document, so merging stays linear on pathological input. */
const MAX_EVENTS = 500;

const SPECIFICITY: Readonly<Record<string, number>> = {
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

/**
 * Folds mentions of one real-world event into one event: same kind, places that are the same
 * or nested (any place for once-per-article kinds), and dates that overlap or were inferred.
 */
export function mergeEvents(events: readonly Event[], gazetteer: Gazetteer): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const i = out.findIndex((o) => isSameEvent(o, e, gazetteer));
    const existing = out[i];
    if (existing) out[i] = combine(existing, e);
    else if (out.length < MAX_EVENTS) out.push(e);
  }
  return absorbBreaches(out, gazetteer);
}

/** Violence of a known nature that a breach report could be describing. */
const SPECIFIC_VIOLENCE = kindsWhere((k) => k.isSpecificViolence);

/**
 * "The army violated the ceasefire by shelling the town": a breach of unknown nature is the
 * same event as a specific attack at the same place and time, so it folds into it.
 */
function absorbBreaches(events: Event[], gazetteer: Gazetteer): Event[] {
  const breaches = absorb(
    events,
    gazetteer,
    (k) => k === 'ceasefire_violation',
    (k) => SPECIFIC_VIOLENCE.has(k),
  );
  return absorb(
    breaches,
    gazetteer,
    (k) => VAGUE_VIOLENCE.has(k),
    (k) => k === 'attack_on_monitors',
  );
}

/**
 * Phenomenon: one attack on monitors told in several sentences ("peacekeepers were killed …",
 * "the convoy was attacked …"): a clash or attack read from the casualties at the same place and
 * time is the attack on the monitors.
 */
const VAGUE_VIOLENCE: ReadonlySet<EventKind> = new Set<EventKind>(['armed_clash', 'attack']);

function absorb(
  events: Event[],
  gazetteer: Gazetteer,
  isGeneral: (kind: EventKind) => boolean,
  isSpecific: (kind: EventKind) => boolean,
): Event[] {
  const out = [...events];
  for (let i = out.length - 1; i >= 0; i--) {
    const general = out[i];
    if (!general || !isGeneral(general.kind)) continue;
    const j = out.findIndex(
      (e) => isSpecific(e.kind) && isSameEvent({ ...e, kind: general.kind }, general, gazetteer),
    );
    const target = out[j];
    if (!target) continue;
    out[j] = {
      ...target,
      ...(target.killed || !general.killed ? {} : { killed: general.killed }),
      ...(target.injured || !general.injured ? {} : { injured: general.injured }),
      evidence: uniqueSpans([...target.evidence, ...general.evidence]),
    };
    out.splice(i, 1);
  }
  return out;
}

function isSameEvent(a: Event, b: Event, gazetteer: Gazetteer): boolean {
  if (a.kind !== b.kind) return false;
  if (!ONE_OFF_KINDS.has(a.kind) && !placesAgree(a.place, b.place, gazetteer)) return false;
  if (!a.date || !b.date || a.date.inferred || b.date.inferred) return true;
  return a.date.start <= b.date.end && b.date.start <= a.date.end;
}

function placesAgree(a: Place | null, b: Place | null, gazetteer: Gazetteer): boolean {
  if (!a || !b) return true;
  return a.id === b.id || isWithin(gazetteer, a.id, b.id) || isWithin(gazetteer, b.id, a.id);
}

function combine(a: Event, b: Event): Event {
  return {
    ...a,
    date: betterDate(a, b),
    place: morePrecise(a.place, b.place),
    actor1: a.actor1 ?? b.actor1,
    actor2: a.actor2 ?? b.actor2,
    killed: a.killed ?? b.killed,
    injured: a.injured ?? b.injured,
    evidence: a.evidence.length >= MAX_EVIDENCE ? a.evidence : uniqueSpans([...a.evidence, ...b.evidence]),
  };
}

function betterDate(a: Event, b: Event): Event['date'] {
  if (!a.date) return b.date;
  if (!b.date || b.date.inferred) return a.date;
  if (a.date.inferred) return b.date;
  return width(b.date) < width(a.date) ? b.date : a.date;
}

function width(d: NonNullable<Event['date']>): number {
  return (parseDay(d.end) ?? 0) - (parseDay(d.start) ?? 0);
}

function morePrecise(a: Place | null, b: Place | null): Place | null {
  if (!a) return b;
  if (!b) return a;
  return (SPECIFICITY[b.kind] ?? 9) < (SPECIFICITY[a.kind] ?? 9) ? b : a;
}

function uniqueSpans(spans: Event['evidence']): Event['evidence'] {
  const byStart = new Map(spans.map((s) => [s.start, s] as const));
  return [...byStart.values()].slice(0, MAX_EVIDENCE);
}
