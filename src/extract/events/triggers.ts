import { demonymPattern } from '../actors/nationality.js';
import { ATTACK_ON_MONITORS } from './monitors.js';
import type { EventKind } from './taxonomy.js';

export interface TriggerRule {
  readonly kind: EventKind;
  readonly re: RegExp;
  /** The sentence must also match this. */
  readonly requires?: RegExp;
  /** Needs a place named in its own sentence. */
  readonly needsOwnPlace?: boolean;
  /** Fires only when no other rule fired in the sentence (bare casualty reports). */
  readonly isFallback?: boolean;
}

const AIRCRAFT = '(?:helicopter|aircraft|plane|jet|drone|UAV|Su-25|fighter|warplane)';
const TROOPS =
  /\b(?:peace-?keep\w*|troops|soldiers|forces|units|contingent|monitors|observers|mission|battalion|servicemen)\b/i;

/** Rules in priority order; within one sentence a kind fires once. Every pattern is bounded. */
export const TRIGGERS: readonly TriggerRule[] = [
  {
    kind: 'aircraft_shot_down',
    re: new RegExp(
      `\\b(?:shot down|shoot down|shooting down|downed)\\b[^.]{0,60}?\\b${AIRCRAFT}s?\\b|\\b${AIRCRAFT}s?\\b[^.]{0,40}?\\b(?:was|were|had been|has been)\\s+(?:shot down|downed)\\b`,
      'gi',
    ),
  },
  { kind: 'attack_on_monitors', re: ATTACK_ON_MONITORS },
  { kind: 'air_strike', re: /\b(?:air ?strikes?|drone strikes?|air raids?|bombing raids?)\b/gi },
  {
    kind: 'shelling',
    re: /\b(?:shell(?:ed|ing)|came under (?:heavy |intense |renewed )?(?:shelling|artillery fire|rocket fire|bombardment|fire)|bombard(?:ed|ing|ment)|(?:artillery |mortar )?shells (?:landed|hit|fell|struck|exploded)|artillery (?:fire|strikes?|attacks?)|rocket (?:fire|attacks?)|mortar (?:fire|attacks?|rounds)|missile (?:strikes?|attacks?)|fired (?:rockets|shells|missiles|mortars))\b/gi,
  },
  {
    kind: 'landmine',
    re: /\b(?:land ?mines?|mine (?:explosion|blast)|stepped on a mine|explosive device|IEDs?)\b/gi,
    requires: /\b(?:kill|injur|wound|explo|blast|detonat|stepped)\w*/i,
  },
  {
    kind: 'ceasefire_violation',
    re: /\b(?:(?:violat(?:ed|ing|ions?)|break(?:ing|s)?|broke(?:n)?|breach(?:ed|es|ing)?) (?:of )?(?:the |a |an )?(?:[\w-]+ ){0,2}?(?:ceasefire|truce)|(?:ceasefire|truce) violations?|breach(?:ed|es)? (?:of )?(?:the )?(?:ceasefire|truce)|(?:ceasefire|truce) (?:was|has been|had been) (?:violated|broken|breached))\b/gi,
  },
  {
    kind: 'armed_clash',
    re: /\b(?:clash(?:ed|es)|opened fire|fired (?:at|on|upon)|exchanged fire|exchange of fire|firefights?|skirmish(?:es)?|fighting (?:erupted|broke out|resumed|raged)|heavy fighting)\b/gi,
    requires: /\b(?:forces|troops|soldiers|army|armed|military|positions|fighters)\b/i,
  },
  {
    kind: 'attack',
    re: /\b(?:attack(?:ed|s)? on civilians|civilians? (?:were|was) (?:killed|shot|attacked|wounded)|targeted civilians)\b/gi,
  },
  {
    kind: 'movement_restriction',
    re: /\b(?:denied (?:access|passage)|(?:blocked|stopped|prevented)\b[^.]{0,30}?\b(?:monitors|observers|patrol|mission))\b/gi,
  },
  {
    kind: 'territory_change',
    re: /\b(?:captured|recaptured|seized|retook|liberated|took (?:over )?(?:the )?(?:town|city|village|villages|district|region|settlement) of|took control of|taken control of|gained control of|fell to|overran)\b/gi,
    needsOwnPlace: true,
  },
  { kind: 'detention', re: /\b(?:detained|arrested|taken prisoner|taken captive)\b/gi },
  {
    kind: 'riot',
    re: /\b(?:stormed|riot(?:s|ed|ing)?|looted|smashed windows|clashed with police|set fire to|torched)\b/gi,
    requires: /\b(?:protest\w*|demonstrat\w*|crowds?|rioters?|mob|police)\b/i,
  },
  {
    kind: 'protest',
    re: /\b(?:protest(?:ed|ers|s)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|took to the streets|marched|sit-in)\b/gi,
  },
  {
    kind: 'agreement',
    re: /\b(?:signed|agreed|reached|struck|brokered|concluded)\b[^.]{0,40}?\b(?:agreement|deal|ceasefire|truce|accord)\b|\b(?:agreement|deal|ceasefire|truce|accord)\b[^.]{0,12}?\b(?:was |were |has been )?(?:signed|agreed|reached|brokered|struck)\b|\bannounced (?:the |a |an )?(?:\w+ )?(?:agreement|deal|ceasefire|truce)\b|\b(?:ceasefire|truce) (?:took|takes|came into|went into|entered into) (?:effect|force)\b/gi,
  },
  {
    kind: 'territory_handover',
    // "returned to Peruvian (government) control": any nationality of the world base.
    re: new RegExp(
      `\\b(?:handed over|hand over|handover of|returned to (?:the )?(?:${demonymPattern()})(?: government| state)? control)\\b`,
      'gi',
    ),
  },
  {
    kind: 'withdrawal',
    re: /\b(?:withdr(?:ew|awn)|pulled (?:out|back)|have withdrawn|began withdrawing)\b/gi,
    requires: TROOPS,
  },
  {
    kind: 'deployment',
    re: /\b(?:deploy(?:ed|ing|ment of)|arrived?|arriving|stationed|took up positions|dispatched|began patrol\w*|patrolled|set up (?:\w+ ){0,2}(?:observation )?posts)\b/gi,
    requires: TROOPS,
  },
  {
    kind: 'return_of_displaced',
    re: /\b(?:returned (?:home|to their homes)|(?:refugees|displaced (?:people|persons|residents)) (?:have )?returned|return of (?:refugees|displaced))\b/gi,
  },
  {
    kind: 'prisoner_exchange',
    re: /\b(?:prisoner swap|exchange of (?:prisoners|detainees|bodies|remains|POWs)|swapped prisoners|exchanged (?:prisoners|detainees|bodies)|prisoner exchange)\b/gi,
  },
  {
    kind: 'humanitarian_delivery',
    re: /\b(?:humanitarian (?:aid|convoy|cargo|supplies) (?:arrived|was delivered|reached)|delivered (?:humanitarian )?aid)\b/gi,
  },
  {
    kind: 'demining',
    re: /\b(?:demining|de-mining|mine clearance|cleared (?:of )?(?:mines|explosives)|sappers)\b/gi,
  },
  {
    kind: 'monitoring_suspended',
    re: /\b(?:suspended (?:its )?(?:monitoring|patrols|mission|operations)|monitoring (?:was |has been )?suspended)\b/gi,
  },
  {
    kind: 'attack',
    re: /\b(?:civilians?|residents?|villagers?|children|women)\b[^.]{0,40}?\b(?:were|was|have been|had been) (?:killed|wounded|injured)\b/gi,
    isFallback: true,
    needsOwnPlace: true,
  },
  {
    kind: 'armed_clash',
    re: /\b(?:were|was|have been|had been) (?:killed|wounded|injured)\b|\b(?:killing|wounding) (?:\w+ )?(?:soldiers|servicemen|troops)\b/gi,
    requires: /\b(?:soldiers?|servicem[ae]n|troops|fighters|conscripts|officers?)\b/i,
    isFallback: true,
    needsOwnPlace: true,
  },
];

/** Words just before a trigger that make it hypothetical, planned or negated. */
export const NOT_HAPPENED =
  /\b(?:could|would|might|may|should|if|unless|threatened to|plans? to|planned|call(?:ed|s)? for|will|shall|not|never|no|to|attempts? at|hopes? (?:for|to)|ready to|expected to)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** Words before an agreement trigger that refer to an earlier deal ("under the Norwegian-brokered agreement"). */
export const EARLIER_DEAL =
  /\b(?:under|in line with|terms of|since|after|before|of|violat\w*|break\w*) (?:the|a|an|this|last)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]*$/iu;

/** A sentence that tells of failed or merely attempted events. */
export const FAILED = /\b(?:unsuccessful|failed to|attempts at|to no avail)\b/i;

/** Peacekeepers taking control of a place is a deployment, not a change of territory. */
export const PEACEKEEPING = /\bpeace-?keep\w*/i;
