/**
 * The Truce incident taxonomy and its total mapping to ACLED event and sub-event types
 * (ACLED codebook, 2023+). Add a kind only together with its mapping.
 */
export const INCIDENT_KINDS = [
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
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export type AcledEventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

export interface AcledType {
  readonly event_type: AcledEventType;
  readonly sub_event_type: string;
}

export const ACLED_TYPE: Readonly<Record<IncidentKind, AcledType>> = {
  ceasefire_violation: { event_type: 'Battles', sub_event_type: 'Armed clash' },
  armed_clash: { event_type: 'Battles', sub_event_type: 'Armed clash' },
  shelling: { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' },
  air_strike: { event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' },
  // Brought down from the ground (a missile or gunfire), so not a strike by aircraft.
  aircraft_shot_down: {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Shelling/artillery/missile attack',
  },
  landmine: { event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' },
  attack: { event_type: 'Violence against civilians', sub_event_type: 'Attack' },
  attack_on_monitors: { event_type: 'Violence against civilians', sub_event_type: 'Attack' },
  movement_restriction: { event_type: 'Strategic developments', sub_event_type: 'Other' },
  territory_change: { event_type: 'Battles', sub_event_type: 'Government regains territory' },
  detention: { event_type: 'Strategic developments', sub_event_type: 'Arrests' },
  protest: { event_type: 'Protests', sub_event_type: 'Peaceful protest' },
  riot: { event_type: 'Riots', sub_event_type: 'Violent demonstration' },
  agreement: { event_type: 'Strategic developments', sub_event_type: 'Agreement' },
  deployment: { event_type: 'Strategic developments', sub_event_type: 'Headquarters or base established' },
  withdrawal: { event_type: 'Strategic developments', sub_event_type: 'Non-violent transfer of territory' },
  territory_handover: {
    event_type: 'Strategic developments',
    sub_event_type: 'Non-violent transfer of territory',
  },
  return_of_displaced: { event_type: 'Strategic developments', sub_event_type: 'Other' },
  prisoner_exchange: { event_type: 'Strategic developments', sub_event_type: 'Agreement' },
  humanitarian_delivery: { event_type: 'Strategic developments', sub_event_type: 'Other' },
  demining: { event_type: 'Strategic developments', sub_event_type: 'Other' },
  monitoring_suspended: { event_type: 'Strategic developments', sub_event_type: 'Other' },
  other: { event_type: 'Strategic developments', sub_event_type: 'Other' },
};

export const INCIDENT_STATUSES = [
  'candidate',
  'under_review',
  'confirmed',
  'disputed',
  'rejected',
  'merged',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'season', 'year', 'decade', 'unknown'] as const;
export const GEO_PRECISIONS = ['exact', 'near', 'district', 'region', 'country'] as const;
export const CASUALTY_CATEGORIES = [
  'killed',
  'injured',
  'missing',
  'detained',
  'displaced',
  'returned',
] as const;
export const QUALIFIERS = [
  'exact',
  'about',
  'at_least',
  'more_than',
  'up_to',
  'between',
  'several',
  'dozens',
  'hundreds',
  'thousands',
  'unknown',
] as const;
export const ROLES = ['admin', 'analyst', 'monitor', 'liaison', 'public'] as const;
export type Role = (typeof ROLES)[number];
