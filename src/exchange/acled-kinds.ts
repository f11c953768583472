import { INCIDENT_KINDS, type IncidentKind } from '../record/taxonomy.js';

/** ACLED's six event types and their 25 sub-event types (codebook, hierarchy order). */
export const ACLED_SUB_EVENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

/**
 * The Truce kind each of ACLED's 25 sub-event types reads as (total: every sub-event type has
 * one). Where Truce has no kind of that nature yet the kind is `other`; the ACLED coding itself
 * is kept on the incident as given, so nothing is lost and no event is given a nature it lacks
 * (a disrupted weapons use is not an aircraft shot down).
 */
export const KIND_OF_SUB_EVENT: Readonly<Record<string, IncidentKind>> = {
  'Government regains territory': 'territory_change',
  'Non-state actor overtakes territory': 'territory_change',
  'Armed clash': 'armed_clash',
  'Excessive force against protesters': 'protest',
  'Protest with intervention': 'protest',
  'Peaceful protest': 'protest',
  'Violent demonstration': 'riot',
  'Mob violence': 'riot',
  'Chemical weapon': 'other',
  'Air/drone strike': 'air_strike',
  'Suicide bomb': 'other',
  'Shelling/artillery/missile attack': 'shelling',
  'Remote explosive/landmine/IED': 'landmine',
  Grenade: 'other',
  'Sexual violence': 'other',
  Attack: 'attack',
  'Abduction/forced disappearance': 'detention',
  Agreement: 'agreement',
  Arrests: 'detention',
  'Change to group/activity': 'other',
  'Disrupted weapons use': 'other',
  'Headquarters or base established': 'deployment',
  'Looting/property destruction': 'other',
  'Non-violent transfer of territory': 'territory_handover',
  Other: 'other',
};

/** The tag Truce adds to ACLED's `tags` so that its own kind survives a round trip. */
export const KIND_TAG = 'truce kind=';

/**
 * The kind of an imported row: the Truce kind tag when present, else the sub-event type's kind.
 *
 * @example kindOfRow('Disrupted weapons use', '') // 'other'
 * @example kindOfRow('Armed clash', 'truce kind=ceasefire_violation') // 'ceasefire_violation'
 */
export function kindOfRow(subEventType: string, tags: string): IncidentKind {
  const tagged = tags
    .split(';')
    .map((t) => t.trim())
    .find((t) => t.startsWith(KIND_TAG))
    ?.slice(KIND_TAG.length);
  const known = INCIDENT_KINDS.find((k) => k === tagged);
  return known ?? KIND_OF_SUB_EVENT[subEventType] ?? 'other';
}
