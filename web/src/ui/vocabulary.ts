/** The closed sets the forms offer (the server's taxonomy; it checks them again). */
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

export const INCIDENT_STATUSES = [
  'candidate',
  'under_review',
  'confirmed',
  'disputed',
  'rejected',
  'merged',
] as const;

export const REVIEW_TARGETS = ['under_review', 'confirmed', 'disputed', 'rejected', 'candidate'] as const;

export const STANCES = ['accepts', 'denies', 'disputes_attribution', 'adds_information'] as const;
