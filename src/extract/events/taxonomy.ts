/** Truce incident kinds (design.md) — a closed set; each maps to one ACLED type and sub-type. */
export const EVENT_KINDS = [
  'ceasefire_violation',
  'armed_clash',
  'shelling',
  'air_strike',
  'aircraft_shot_down',
  'landmine',
  'attack',
  'attack_on_monitors',
  'movement_restriction',
  'territory_change',
  'detention',
  'protest',
  'riot',
  'agreement',
  'deployment',
  'withdrawal',
  'territory_handover',
  'return_of_displaced',
  'prisoner_exchange',
  'humanitarian_delivery',
  'demining',
  'monitoring_suspended',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface AcledCode {
  readonly event_type: string;
  readonly sub_event_type: string;
}

const BATTLES = 'Battles';
const REMOTE = 'Explosions/Remote violence';
const STRATEGIC = 'Strategic developments';
const VAC = 'Violence against civilians';

/** The total mapping from Truce kinds to ACLED (a `Record` over the union, so none is missing). */
export const ACLED: Readonly<Record<EventKind, AcledCode>> = {
  ceasefire_violation: { event_type: BATTLES, sub_event_type: 'Armed clash' },
  armed_clash: { event_type: BATTLES, sub_event_type: 'Armed clash' },
  shelling: { event_type: REMOTE, sub_event_type: 'Shelling/artillery/missile attack' },
  air_strike: { event_type: REMOTE, sub_event_type: 'Air/drone strike' },
  aircraft_shot_down: { event_type: REMOTE, sub_event_type: 'Shelling/artillery/missile attack' },
  landmine: { event_type: REMOTE, sub_event_type: 'Remote explosive/landmine/IED' },
  attack: { event_type: VAC, sub_event_type: 'Attack' },
  attack_on_monitors: { event_type: VAC, sub_event_type: 'Attack' },
  movement_restriction: { event_type: STRATEGIC, sub_event_type: 'Other' },
  territory_change: { event_type: BATTLES, sub_event_type: 'Government regains territory' },
  detention: { event_type: STRATEGIC, sub_event_type: 'Arrests' },
  protest: { event_type: 'Protests', sub_event_type: 'Peaceful protest' },
  riot: { event_type: 'Riots', sub_event_type: 'Violent demonstration' },
  agreement: { event_type: STRATEGIC, sub_event_type: 'Agreement' },
  deployment: { event_type: STRATEGIC, sub_event_type: 'Other' },
  withdrawal: { event_type: STRATEGIC, sub_event_type: 'Non-violent transfer of territory' },
  territory_handover: { event_type: STRATEGIC, sub_event_type: 'Non-violent transfer of territory' },
  return_of_displaced: { event_type: STRATEGIC, sub_event_type: 'Other' },
  prisoner_exchange: { event_type: STRATEGIC, sub_event_type: 'Other' },
  humanitarian_delivery: { event_type: STRATEGIC, sub_event_type: 'Other' },
  demining: { event_type: STRATEGIC, sub_event_type: 'Other' },
  monitoring_suspended: { event_type: STRATEGIC, sub_event_type: 'Other' },
  other: { event_type: STRATEGIC, sub_event_type: 'Other' },
};

/** Kinds that happen once per article: every mention is the same event whatever place it names. */
export const ONE_OFF_KINDS: ReadonlySet<EventKind> = new Set(['agreement', 'deployment']);
