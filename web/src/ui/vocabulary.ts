// Generated from src/vocabulary by `node --import tsx scripts/generate-web-vocabulary.ts`.
// Do not edit: a test fails when this file and the server vocabulary differ.

/** The closed sets the forms offer (the server checks them again). */
export const INCIDENT_KINDS = [
  'ceasefire_violation',
  'armed_clash',
  'shelling',
  'air_strike',
  'aircraft_shot_down',
  'landmine',
  'grenade',
  'suicide_bomb',
  'chemical_weapon',
  'disrupted_weapons_use',
  'attack',
  'sexual_violence',
  'attack_on_monitors',
  'movement_restriction',
  'territory_change',
  'territory_seized',
  'detention',
  'abduction',
  'protest',
  'protest_with_intervention',
  'excessive_force_against_protesters',
  'riot',
  'mob_violence',
  'agreement',
  'deployment',
  'withdrawal',
  'territory_handover',
  'return_of_displaced',
  'prisoner_exchange',
  'looting',
  'armed_group_change',
  'humanitarian_delivery',
  'demining',
  'monitoring_suspended',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, string>> = {
  ceasefire_violation: 'Ceasefire violation',
  armed_clash: 'Armed clash',
  shelling: 'Shelling',
  air_strike: 'Air or drone strike',
  aircraft_shot_down: 'Aircraft shot down',
  landmine: 'Landmine or explosive device',
  grenade: 'Grenade attack',
  suicide_bomb: 'Suicide bombing',
  chemical_weapon: 'Chemical weapon attack',
  disrupted_weapons_use: 'Disrupted weapons use',
  attack: 'Attack on civilians',
  sexual_violence: 'Sexual violence',
  attack_on_monitors: 'Attack on monitors',
  movement_restriction: 'Movement restriction',
  territory_change: 'Territory change',
  territory_seized: 'Territory seized by a non-state actor',
  detention: 'Detention',
  abduction: 'Abduction or forced disappearance',
  protest: 'Protest',
  protest_with_intervention: 'Protest with intervention',
  excessive_force_against_protesters: 'Excessive force against protesters',
  riot: 'Riot',
  mob_violence: 'Mob violence',
  agreement: 'Agreement',
  deployment: 'Deployment',
  withdrawal: 'Withdrawal',
  territory_handover: 'Territory handover',
  return_of_displaced: 'Return of displaced people',
  prisoner_exchange: 'Prisoner exchange',
  looting: 'Looting or property destruction',
  armed_group_change: 'Change to an armed group',
  humanitarian_delivery: 'Humanitarian delivery',
  demining: 'Demining',
  monitoring_suspended: 'Monitoring suspended',
  other: 'Other',
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
/** The statuses the public record holds: the only ones a filter offers the public (the server refuses others). */
export const PUBLISHED_STATUSES = ['confirmed', 'disputed'] as const;
export const REVIEW_TARGETS = ['under_review', 'confirmed', 'disputed', 'rejected', 'candidate'] as const;
/** Where a reviewer may move an incident from each status (the server checks again). */
export const REVIEW_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  candidate: ['under_review', 'rejected'],
  under_review: ['confirmed', 'disputed', 'rejected', 'candidate'],
  confirmed: ['under_review', 'disputed'],
  disputed: ['under_review', 'confirmed', 'rejected'],
  rejected: ['under_review'],
  merged: [],
};
export const STANCES = ['accepts', 'denies', 'disputes_attribution', 'adds_information'] as const;
export type Stance = (typeof STANCES)[number];
export const ROLES = ['admin', 'analyst', 'monitor', 'liaison', 'public'] as const;
export type Role = (typeof ROLES)[number];
export const DATE_PRECISIONS = [
  'day',
  'night',
  'days',
  'week',
  'month',
  'season',
  'year',
  'decade',
  'unknown',
] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export const DATE_PRECISION_LABELS: Readonly<Record<DatePrecision, string>> = {
  day: 'on the day',
  night: 'overnight',
  days: 'within a few days',
  week: 'within the week',
  month: 'within the month',
  season: 'within a few months',
  year: 'within the year',
  decade: 'within the decade',
  unknown: 'date unknown',
};
/** What is shown for an incident no report dates: never the day it was read. */
export const NO_DATE_TEXT = 'date not stated';
export const PLACE_PRECISIONS = ['exact', 'near', 'district', 'region', 'country'] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];
export const CASUALTY_CATEGORIES = [
  'killed',
  'injured',
  'missing',
  'detained',
  'displaced',
  'returned',
] as const;
export type CasualtyCategory = (typeof CASUALTY_CATEGORIES)[number];
export const QUALIFIERS = [
  'exact',
  'about',
  'at_least',
  'more_than',
  'fewer_than',
  'up_to',
  'nearly',
  'between',
  'several',
  'few',
  'dozens',
  'hundreds',
  'thousands',
  'tens_of_thousands',
  'many',
  'unknown',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
/** What an analyst may assess a commitment as, the 0–3 scores by name, how an incident bears on a clause. */
export const ASSESSED_STATUSES = ['pending', 'in_progress', 'fulfilled', 'violated', 'disputed'] as const;
export const IMPLEMENTATION_SCORES = ['not_initiated', 'minimal', 'intermediate', 'full'] as const;
export const INCIDENT_EFFECTS = ['violates', 'implements', 'disputed'] as const;
