import { demonymPattern } from '../actors/nationality.js';
import { ATTACK_ON_MONITORS } from './monitors.js';
import type { EventKind } from './taxonomy.js';

export interface TriggerRule {
  readonly kind: EventKind;
  readonly re: RegExp;
  /** Lower-case strings one of which every match contains: a cheap test before the pattern runs. */
  readonly keys: readonly string[];
  /** The sentence must also match this. */
  readonly requires?: RegExp;
  /** The sentence must not match this. */
  readonly unless?: RegExp;
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
    keys: ['shot down', 'shoot down', 'shooting down', 'downed'],
    kind: 'aircraft_shot_down',
    re: new RegExp(
      `\\b(?:shot down|shoot down|shooting down|downed)\\b[^.]{0,60}?\\b${AIRCRAFT}s?\\b|\\b${AIRCRAFT}s?\\b[^.]{0,40}?\\b(?:was|were|had been|has been)\\s+(?:shot down|downed)\\b`,
      'gi',
    ),
  },
  {
    keys: ['came under', 'shot', 'attack', 'assault', 'ambush', 'target', 'fired', 'opened fire', 'killed'],
    kind: 'attack_on_monitors',
    re: ATTACK_ON_MONITORS,
  },
  {
    keys: ['air strike', 'airstrike', 'drone', 'air raid', 'bombing raid', 'jet', 'warplane', 'aircraft'],
    kind: 'air_strike',
    // Phenomenon: a drone or aircraft that attacks ("a drone attacked a substation").
    re: /\b(?:air ?strikes?|drone (?:strikes?|attacks?)|air raids?|bombing raids?|(?:drones?|jets?|warplanes?|aircraft)\b[^.]{0,30}?\b(?:attacked|struck|bombed|hit))\b/gi,
  },
  {
    keys: ['shell', 'came under', 'bombard', 'artillery', 'rocket', 'mortar', 'missile', 'fired'],
    kind: 'shelling',
    re: /\b(?:shell(?:ed|ing)|came under (?:heavy |intense |renewed )?(?:shelling|artillery fire|rocket fire|bombardment|fire)|bombard(?:ed|ing|ment)|(?:artillery |mortar )?shells (?:landed|hit|fell|struck|exploded)|artillery (?:fire|strikes?|attacks?)|rocket (?:fire|attacks?)|mortar (?:fire|attacks?|rounds)|missile (?:strikes?|attacks?)|fired (?:rockets|shells|missiles|mortars))\b/gi,
  },
  {
    keys: ['opened', 'attacked', 'hit ', 'struck', 'targeted'],
    kind: 'shelling',
    // Phenomenon: fire from heavy weapons or missiles written around the verb ("opened intense
    // fire from artillery systems", "attacked the port with cruise missiles", "hit by 13 missiles").
    re: /\b(?:opened (?:[\w-]+ )?fire from (?:artillery|mortars?|rocket|heavy)|attacked\b[^.]{0,50}?\bwith (?:[\w-]+ ){0,2}(?:missiles|rockets|shells|mortars)|(?:hit|struck|targeted) (?:by|with) (?:\d+ |[\w-]+ )?(?:[\w-]+ )?(?:missiles|rockets|shells))\b/gi,
  },
  {
    keys: ['mine', 'land', 'explosive device', 'ied', 'bomb'],
    kind: 'landmine',
    re: /\b(?:land ?mines?|mine (?:explosion|blast)|stepped on a mine|explosive device|IEDs?|(?:hit|struck|drove over|ran over) an? (?:land ?)?mine|\ban? mine (?:exploded|blew up|wounded|killed|went off|detonated|hit)|(?:roadside|planted|car) bombs?|bomb (?:exploded|detonated|went off|killed|targeted|hit|struck))\b/gi,
    requires: /\b(?:kill|injur|wound|explo|blast|detonat|stepped|hit|struck|target)\w*/i,
  },
  {
    keys: ['cease', 'truce', 'explosions'],
    kind: 'ceasefire_violation',
    re: /\b(?:(?:violat(?:ed|ing|ions?)|break(?:ing|s)?|broke(?:n)?|breach(?:ed|es|ing)?) (?:of )?(?:the |a |an )?(?:[\w-]+ ){0,2}?(?:cease-?fire|truce)|(?:cease-?fire|truce) violations?|breach(?:ed|es)? (?:of )?(?:the )?(?:cease-?fire|truce)|(?:cease-?fire|truce) (?:was|has been|had been) (?:violated|broken|breached)|recorded (?:\d[\d,]* |several |many |two |three |four |five |six |seven |eight |nine |ten |dozens of )?(?:undetermined )?explosions)\b/gi,
  },
  {
    keys: [
      'clash',
      'fire',
      'gun',
      'shoot',
      'skirmish',
      'fighting',
      'raid',
      'attack',
      'assault',
      'launched',
      'carried out',
      'staged',
    ],
    kind: 'armed_clash',
    re: /\b(?:clash(?:ed|es)|opened (?:[\w-]+ )?fire|fired (?:at|on|upon)|exchanged fire|exchange of fire|firefights?|gun ?battles?|shoot-?outs?|skirmish(?:es)?|fighting (?:has |had )?(?:erupted|broke out|resumed|raged|began)|heavy fighting|(?:raid|attacks?|assault) on (?:an? |the |two |three |several )?(?:military |army |police |security )?(?:base|camp|checkpoints?|posts?|positions?|barracks)|attacked (?:an? |the |two |three |several )?(?:military |army |police |security )?(?:base|camp|checkpoints?|posts?|positions?|barracks)|(?:launched|carried out|staged) (?:an? |the )?(?:[\w-]+ ){0,2}(?:raid|attack|assault))\b/gi,
    // Phenomenon: clashes between named factions, police and insurgents, not only armies.
    requires:
      /\b(?:forces|troops|soldiers?|army|armed|military|positions|fighters?|police\w*|militants?|insurgents?|rebels?|gunmen|guards?|militia\w*|terrorists?|jihadists?|factions?)\b/i,
  },
  {
    keys: ['attack', 'civilian', 'targeted', 'incident', 'assault'],
    kind: 'attack',
    re: /\b(?:attack(?:ed|s)? on civilians|civilians? (?:were|was) (?:killed|shot|attacked|wounded)|targeted civilians|(?:deadly|violent|armed|terrorist) (?:attack|incident|assault)s?)\b/gi,
  },
  {
    keys: ['denied', 'blocked', 'stopped', 'prevented'],
    kind: 'movement_restriction',
    re: /\b(?:denied (?:access|passage)|(?:blocked|stopped|prevented)\b[^.]{0,30}?\b(?:monitors|observers|patrol|mission))\b/gi,
  },
  {
    keys: [
      'captur',
      'seized',
      'retook',
      'liberated',
      'took',
      'taken control',
      'gained control',
      'fell to',
      'overran',
    ],
    kind: 'territory_change',
    re: /\b(?:captured|recaptured|seized|retook|liberated|took (?:over )?(?:the )?(?:town|city|village|villages|district|region|settlement) of|took control of|taken control of|gained control of|fell to|overran)\b/gi,
    needsOwnPlace: true,
  },
  {
    keys: ['detained', 'arrested', 'taken prisoner', 'taken captive'],
    kind: 'detention',
    re: /\b(?:detained|arrested|taken prisoner|taken captive)\b/gi,
  },
  {
    keys: ['storm', 'riot', 'loot', 'smashed', 'clashed', 'set fire', 'torch'],
    kind: 'riot',
    re: /\b(?:stormed|riot(?:s|ed|ing)?|looted|smashed windows|clashed with police|set fire to|torched)\b/gi,
    requires: /\b(?:protest\w*|demonstrat\w*|crowds?|rioters?|mob|police)\b/i,
  },
  {
    keys: ['protest', 'demonstrat', 'rall', 'took to the streets', 'marched', 'sit-in'],
    kind: 'protest',
    re: /\b(?:protest(?:ed|ers|s)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|took to the streets|marched|sit-in)\b/gi,
  },
  {
    keys: ['agreement', 'deal', 'cease', 'truce', 'accord', 'cessation', 'hostilities', 'fighting'],
    kind: 'agreement',
    re: /\b(?:signed|agreed|reached|struck|brokered|concluded)\b[^.]{0,40}?\b(?:agreement|deal|cease-?fire|truce|accord)\b|\b(?:agreement|deal|cease-?fire|truce|accord)\b[^.]{0,12}?\b(?:was |were |has been )?(?:signed|agreed|reached|brokered|struck)\b|\bannounced (?:the |a |an )?(?:\w+ )?(?:agreement|deal|cease-?fire|truce)\b|\b(?:cease-?fire|truce) (?:took|takes|came into|went into|entered into) (?:effect|force)\b|\b(?:cease-?fire|truce) (?:began|started|begins|starts)\b|\bdeclared (?:an? |the )?(?:[\w-]+ ){0,2}(?:cease-?fire|truce)\b|\bagreed (?:on )?(?:an? |the )?(?:[\w-]+ ){0,3}(?:plan|roadmap) to (?:cease|end|halt|stop) (?:hostilities|fighting|the fighting)\b|\b(?:signed|agreed|reached)\b[^.]{0,30}?\bcessation of hostilities\b/gi,
  },
  {
    keys: ['hostage', 'prisoner', 'detainee', 'captive', 'pows'],
    kind: 'prisoner_exchange',
    // Phenomenon: hostages and prisoners released, freed, handed over or carried home are one
    // side of an exchange ("handed over 11 hostages to the Red Cross", "freed 39 prisoners").
    re: /\b(?:(?:released|freed|handed over|set free|transferr?(?:ed)?|transfer|swapped)\b[^.]{0,40}?\b(?:hostages|prisoners|detainees|captives|POWs)|operation\b[^.]{0,40}?\bto (?:transfer|release|free|exchange|swap)\b[^.]{0,40}?\b(?:hostages|prisoners|detainees|captives)|(?:hostages|prisoners|detainees|captives)\b[^.]{0,60}?\b(?:were|have been|had been) (?:released|freed|handed over)|(?:hostages|prisoners|detainees|captives)\b[^.]{0,80}?\bleft\b[^.]{0,40}?\b(?:crossing|border|prison|airport))\b/gi,
    requires: /\b(?:\d|hostages|prisoners|detainees|captives)/i,
  },
  {
    keys: ['released', 'freed'],
    kind: 'prisoner_exchange',
    // "freed 39 Palestinians": a count of people by their nationality (capitalised, so case matters here).
    re: /\b(?:released|freed)\s+(?:\d[\d,]*|dozens of|hundreds of)\s+[A-Z][a-z]+s\b/g,
  },
  {
    keys: ['hand', 'returned to'],
    kind: 'territory_handover',
    // People handed over are released, not territory (the release rules read them).
    unless: /\b(?:hostages|prisoners|detainees|captives|civilians|bodies|remains|children)\b/i,
    // "returned to Peruvian (government) control": any nationality of the world base.
    re: new RegExp(
      `\\b(?:handed over|hand over|handover of|returned to (?:the )?(?:${demonymPattern()})(?: government| state)? control)\\b`,
      'gi',
    ),
  },
  {
    keys: ['withdr', 'pulled', 'disengag'],
    kind: 'withdrawal',
    // Phenomenon: a disengagement of forces is their withdrawal from the line.
    re: /\b(?:withdr(?:ew|awn)|pulled (?:out|back)|have withdrawn|began withdrawing|disengag(?:ement|ing) (?:of )?(?:the )?forces|disengagement (?:began|started|has begun))\b/gi,
    requires: TROOPS,
  },
  {
    keys: ['deploy', 'arriv', 'stationed', 'took up positions', 'dispatched', 'patrol', 'set up'],
    kind: 'deployment',
    re: /\b(?:deploy(?:ed|ing|ment of)|arrived?|arriving|stationed|took up positions|dispatched|began patrol\w*|patrolled|set up (?:\w+ ){0,2}(?:observation )?posts)\b/gi,
    requires: TROOPS,
  },
  {
    keys: ['return'],
    kind: 'return_of_displaced',
    re: /\b(?:returned (?:home|to their homes)|(?:refugees|people|residents|families|displaced (?:people|persons|residents)) (?:have |had )?returned|return of (?:refugees|displaced))\b/gi,
  },
  {
    keys: ['prisoner', 'exchange', 'swap'],
    kind: 'prisoner_exchange',
    re: /\b(?:prisoner swap|exchange of (?:prisoners|detainees|bodies|remains|POWs)|swapped prisoners|exchanged (?:prisoners|detainees|bodies)|prisoner exchange)\b/gi,
  },
  {
    keys: ['humanitarian', 'deliver', 'convoy', 'truck', 'aid', 'supplies', 'cargo'],
    kind: 'humanitarian_delivery',
    // Phenomenon: an aid convoy or its trucks arriving, entering or delivering.
    re: /\b(?:humanitarian (?:aid|convoy|cargo|supplies) (?:arrived|was delivered|reached)|delivered (?:humanitarian )?aid|(?:convoy|trucks|aid|supplies|cargo)\b[^.]{0,60}?\b(?:arrived|had arrived|has arrived|entered|reached|began to enter|has begun to enter|were delivered|delivered))\b/gi,
  },
  {
    keys: ['demin', 'de-min', 'mine clearance', 'cleared', 'sappers'],
    kind: 'demining',
    re: /\b(?:demining|de-mining|mine clearance|cleared (?:of )?(?:mines|explosives)|sappers)\b/gi,
  },
  {
    keys: ['suspended'],
    kind: 'monitoring_suspended',
    re: /\b(?:suspended (?:its )?(?:monitoring|patrols|mission|operations)|monitoring (?:was |has been )?suspended)\b/gi,
  },
  {
    keys: ['killed', 'wounded', 'injured'],
    kind: 'attack',
    re: /\b(?:civilians?|residents?|villagers?|children|women)\b[^.]{0,40}?\b(?:were|was|have been|had been) (?:killed|wounded|injured)\b/gi,
    isFallback: true,
    needsOwnPlace: true,
  },
  {
    keys: ['killed', 'wounded', 'injured', 'killing', 'wounding'],
    kind: 'armed_clash',
    re: /\b(?:were|was|have been|had been) (?:killed|wounded|injured)\b|\b(?:killing|wounding) (?:\w+ )?(?:soldiers|servicemen|troops)\b/gi,
    requires: /\b(?:soldiers?|servicem[ae]n|troops|fighters|conscripts|officers?)\b/i,
    isFallback: true,
    needsOwnPlace: true,
  },
];

/** Words just before a trigger that make it hypothetical, planned or negated. */
export const NOT_HAPPENED =
  /\b(?:could|would|might|may|should|if|unless|threatened to|plans? to|planned|call(?:ed|s)? for|will|shall|not|never|no|to|attempts? at|hopes? (?:for|to)|ready to|expected to|prevent|avoid|any|respect|demand(?:s|ed|ing)? that|aimed at|intended to|in order to|supposed to|due to)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** Words before an agreement trigger that refer to an earlier deal ("under the Norwegian-brokered agreement"). */
export const EARLIER_DEAL =
  /\b(?:under|in line with|terms of|since|after|before|of|violat\w*|break\w*) (?:the|a|an|this|last)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]*$/iu;

/** A sentence that tells of failed or merely attempted events. */
export const FAILED = /\b(?:unsuccessful|failed to|attempts at|to no avail)\b/i;

/** Peacekeepers taking control of a place is a deployment, not a change of territory. */
export const PEACEKEEPING = /\bpeace-?keep\w*/i;

/**
 * True when a lower-cased text holds one of the rule's keys, so its pattern may match; `keys` is
 * what `keysIn` found in the text.
 *
 * @example mayMatch(rule, keysIn('shells landed')) // true for the shelling rule
 */
export function mayMatch(rule: TriggerRule, keys: ReadonlySet<string>): boolean {
  return rule.keys.some((k) => keys.has(k));
}

/** Keys are ASCII (lower case, as the texts they are looked for in), so a trie node's transitions fit a table of 128. */
const ASCII = 128;

/** Every rule's keys in one character trie, so one pass over a sentence finds all of them. */
function keyTrie(keys: readonly string[]): { readonly next: Int32Array; readonly keyAt: readonly string[] } {
  const rows: number[][] = [new Array<number>(ASCII).fill(0)];
  const keyAt: string[] = [''];
  for (const key of keys) {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code >= ASCII) throw new Error(`trigger key "${key}": must be ASCII`);
      const row = rows[node] as number[];
      if (row[code] === 0) {
        row[code] = rows.length;
        rows.push(new Array<number>(ASCII).fill(0));
        keyAt.push('');
      }
      node = row[code] as number;
    }
    keyAt[node] = key;
  }
  return { next: Int32Array.from(rows.flat()), keyAt };
}

const KEY_TRIE = keyTrie(TRIGGERS.flatMap((rule) => rule.keys));

/**
 * The keys of the trigger rules that occur anywhere in a lower-cased text (as substrings, the
 * way `includes` finds them): one walk of the key trie from each character.
 *
 * @example keysIn('shells landed').has('shell') // true
 */
export function keysIn(lower: string): ReadonlySet<string> {
  const { next, keyAt } = KEY_TRIE;
  const found = new Set<string>();
  for (let i = 0; i < lower.length; i++) {
    let node = 0;
    for (let j = i; j < lower.length; j++) {
      const code = lower.charCodeAt(j);
      node = code < ASCII ? (next[node * ASCII + code] ?? 0) : 0;
      if (node === 0) break;
      const key = keyAt[node];
      if (key) found.add(key);
    }
  }
  return found;
}
