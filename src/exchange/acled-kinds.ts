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
 * The Truce kind each of ACLED's 25 sub-event types reads as. Total and exact: every sub-event
 * type has a kind, and that kind's ACLED mapping (`INCIDENT_KIND[kind].acled`) gives the same
 * sub-event type back, so an imported event keeps its nature through Truce.
 */
export const KIND_OF_SUB_EVENT: Readonly<Record<string, IncidentKind>> = {
  'Government regains territory': 'territory_change',
  'Non-state actor overtakes territory': 'territory_seized',
  'Armed clash': 'armed_clash',
  'Excessive force against protesters': 'excessive_force_against_protesters',
  'Protest with intervention': 'protest_with_intervention',
  'Peaceful protest': 'protest',
  'Violent demonstration': 'riot',
  'Mob violence': 'mob_violence',
  'Chemical weapon': 'chemical_weapon',
  'Air/drone strike': 'air_strike',
  'Suicide bomb': 'suicide_bomb',
  'Shelling/artillery/missile attack': 'shelling',
  'Remote explosive/landmine/IED': 'landmine',
  Grenade: 'grenade',
  'Sexual violence': 'sexual_violence',
  Attack: 'attack',
  'Abduction/forced disappearance': 'abduction',
  Agreement: 'agreement',
  Arrests: 'detention',
  'Change to group/activity': 'armed_group_change',
  'Disrupted weapons use': 'disrupted_weapons_use',
  'Headquarters or base established': 'deployment',
  'Looting/property destruction': 'looting',
  'Non-violent transfer of territory': 'territory_handover',
  Other: 'other',
};

/** The tag Truce adds to ACLED's `tags` so that its own kind survives a round trip. */
export const KIND_TAG = 'truce kind=';

/**
 * The kind of an imported row: the Truce kind tag when present, else the sub-event type's kind.
 *
 * @example kindOfRow('Disrupted weapons use', '') // 'disrupted_weapons_use'
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
