import { z } from 'zod';

/**
 * The Truce incident taxonomy (design.md, "Incident kinds"), one definition for extraction, the
 * record, the exports and the web app. Add a kind only together with its row in `INCIDENT_KIND`:
 * the table is a `Record` over the kinds, so TypeScript refuses a kind without its properties.
 */
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
export const IncidentKind = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKind>;

export const ACLED_EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type AcledEventType = (typeof ACLED_EVENT_TYPES)[number];

/** An ACLED event type and sub-event type (ACLED codebook, 2023+). */
export interface AcledType {
  readonly event_type: AcledEventType;
  readonly sub_event_type: string;
}

/**
 * Kinds of one family may be mentions of the same event (a "clash" and "shelling" in two reports);
 * kinds of different families never are. A kind alone in its family merges only with itself.
 */
export type IncidentFamily =
  | 'violence'
  | 'unrest'
  | 'handover'
  | 'restriction'
  | 'detention'
  | 'agreement'
  | 'exchange'
  | 'return'
  | 'aid'
  | 'demining'
  | 'monitoring'
  | 'property'
  | 'group'
  | 'other';

export interface IncidentKindProperties {
  /** How people read it ("Armed clash"). */
  readonly label: string;
  readonly acled: AcledType;
  readonly family: IncidentFamily;
  /** Armed violence: one of the acts a ceasefire forbids by force. Family `violence`, and only it. */
  readonly isViolence: boolean;
  /** Violence whose nature is known, which a breach report of unknown nature may be describing. */
  readonly isSpecificViolence: boolean;
  /** A bulletin counts it among the day's ceasefire violations. */
  readonly isBreach: boolean;
  /** Happens once per article: every mention is the same event, whatever place it names. */
  readonly isOncePerArticle: boolean;
}

const acled = (event_type: AcledEventType, sub_event_type: string): AcledType => ({
  event_type,
  sub_event_type,
});

type Flags = Partial<Pick<IncidentKindProperties, 'isSpecificViolence' | 'isBreach' | 'isOncePerArticle'>>;

const kind = (
  label: string,
  type: AcledType,
  family: IncidentFamily,
  flags: Flags = {},
): IncidentKindProperties => ({
  label,
  acled: type,
  family,
  isViolence: family === 'violence',
  isSpecificViolence: flags.isSpecificViolence ?? false,
  isBreach: flags.isBreach ?? false,
  isOncePerArticle: flags.isOncePerArticle ?? false,
});

const SHELLING = acled('Explosions/Remote violence', 'Shelling/artillery/missile attack');
const TRANSFER = acled('Strategic developments', 'Non-violent transfer of territory');
const STRATEGIC_OTHER = acled('Strategic developments', 'Other');
const REMOTE = (sub: string) => acled('Explosions/Remote violence', sub);
const specific = { isSpecificViolence: true, isBreach: true } as const;

/**
 * Every kind's properties. Why some differ from what the family suggests:
 * a landmine is specific violence but not counted as a breach (a mine laid long before the
 * ceasefire may go off under it); a shoot-down and a change of territory are violence and
 * breaches but of a shape a bare "violation" report is not folded into; a movement restriction
 * of monitors is a breach without violence; a disrupted weapons use (a drone shot down, a missile
 * intercepted, a device defused or seized) is violence that did not land, so not counted as a breach.
 */
export const INCIDENT_KIND: Readonly<Record<IncidentKind, IncidentKindProperties>> = {
  ceasefire_violation: kind('Ceasefire violation', acled('Battles', 'Armed clash'), 'violence', {
    isBreach: true,
  }),
  armed_clash: kind('Armed clash', acled('Battles', 'Armed clash'), 'violence', specific),
  shelling: kind('Shelling', SHELLING, 'violence', specific),
  air_strike: kind(
    'Air or drone strike',
    acled('Explosions/Remote violence', 'Air/drone strike'),
    'violence',
    specific,
  ),
  // Brought down from the ground (a missile or gunfire), so not a strike by aircraft.
  aircraft_shot_down: kind('Aircraft shot down', SHELLING, 'violence', { isBreach: true }),
  landmine: kind(
    'Landmine or explosive device',
    acled('Explosions/Remote violence', 'Remote explosive/landmine/IED'),
    'violence',
    { isSpecificViolence: true },
  ),
  grenade: kind('Grenade attack', REMOTE('Grenade'), 'violence', specific),
  suicide_bomb: kind('Suicide bombing', REMOTE('Suicide bomb'), 'violence', specific),
  chemical_weapon: kind('Chemical weapon attack', REMOTE('Chemical weapon'), 'violence', specific),
  disrupted_weapons_use: kind(
    'Disrupted weapons use',
    acled('Strategic developments', 'Disrupted weapons use'),
    'violence',
  ),
  attack: kind('Attack on civilians', acled('Violence against civilians', 'Attack'), 'violence', specific),
  attack_on_monitors: kind(
    'Attack on monitors',
    acled('Violence against civilians', 'Attack'),
    'violence',
    specific,
  ),
  sexual_violence: kind(
    'Sexual violence',
    acled('Violence against civilians', 'Sexual violence'),
    'violence',
    specific,
  ),
  movement_restriction: kind('Movement restriction', STRATEGIC_OTHER, 'restriction', { isBreach: true }),
  territory_change: kind('Territory change', acled('Battles', 'Government regains territory'), 'violence', {
    isBreach: true,
  }),
  territory_seized: kind(
    'Territory seized by a non-state actor',
    acled('Battles', 'Non-state actor overtakes territory'),
    'violence',
    { isBreach: true },
  ),
  detention: kind('Detention', acled('Strategic developments', 'Arrests'), 'detention'),
  abduction: kind(
    'Abduction or forced disappearance',
    acled('Violence against civilians', 'Abduction/forced disappearance'),
    'detention',
  ),
  protest: kind('Protest', acled('Protests', 'Peaceful protest'), 'unrest'),
  protest_with_intervention: kind(
    'Protest with intervention',
    acled('Protests', 'Protest with intervention'),
    'unrest',
  ),
  excessive_force_against_protesters: kind(
    'Excessive force against protesters',
    acled('Protests', 'Excessive force against protesters'),
    'unrest',
  ),
  riot: kind('Riot', acled('Riots', 'Violent demonstration'), 'unrest'),
  mob_violence: kind('Mob violence', acled('Riots', 'Mob violence'), 'unrest'),
  agreement: kind('Agreement', acled('Strategic developments', 'Agreement'), 'agreement', {
    isOncePerArticle: true,
  }),
  deployment: kind(
    'Deployment',
    acled('Strategic developments', 'Headquarters or base established'),
    'handover',
    {
      isOncePerArticle: true,
    },
  ),
  withdrawal: kind('Withdrawal', TRANSFER, 'handover'),
  territory_handover: kind('Territory handover', TRANSFER, 'handover'),
  return_of_displaced: kind('Return of displaced people', STRATEGIC_OTHER, 'return'),
  prisoner_exchange: kind('Prisoner exchange', acled('Strategic developments', 'Agreement'), 'exchange'),
  looting: kind(
    'Looting or property destruction',
    acled('Strategic developments', 'Looting/property destruction'),
    'property',
  ),
  armed_group_change: kind(
    'Change to an armed group',
    acled('Strategic developments', 'Change to group/activity'),
    'group',
  ),
  humanitarian_delivery: kind('Humanitarian delivery', STRATEGIC_OTHER, 'aid'),
  demining: kind('Demining', STRATEGIC_OTHER, 'demining'),
  monitoring_suspended: kind('Monitoring suspended', STRATEGIC_OTHER, 'monitoring'),
  other: kind('Other', STRATEGIC_OTHER, 'other'),
};

/**
 * The kind a string names, or `other` when the taxonomy does not know it.
 *
 * @example incidentKindOf('shelling') // 'shelling'
 * @example incidentKindOf('bombardment') // 'other'
 */
export function incidentKindOf(value: string): IncidentKind {
  return INCIDENT_KINDS.find((k) => k === value) ?? 'other';
}

/** The kinds that have a property, in taxonomy order. */
export const kindsWhere = (
  test: (properties: IncidentKindProperties) => boolean,
): ReadonlySet<IncidentKind> => new Set(INCIDENT_KINDS.filter((k) => test(INCIDENT_KIND[k])));
