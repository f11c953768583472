/** What a counted noun counts. The last noun of a phrase decides ("armored personnel carriers"). */
export const COUNTED: Readonly<Record<string, string>> = {
  soldiers: 'troops',
  soldier: 'troops',
  troops: 'troops',
  peacekeepers: 'troops',
  peacekeeper: 'troops',
  servicemen: 'troops',
  servicemembers: 'troops',
  personnel: 'troops',
  fighters: 'troops',
  militants: 'troops',
  conscripts: 'troops',
  officers: 'troops',
  paratroopers: 'troops',
  reservists: 'troops',
  volunteers: 'troops',
  vehicles: 'vehicles',
  vehicle: 'vehicles',
  carriers: 'vehicles',
  apcs: 'vehicles',
  tanks: 'vehicles',
  trucks: 'vehicles',
  truck: 'vehicles',
  lorries: 'vehicles',
  convoys: 'convoys',
  lives: 'killed',
  police: 'troops',
  policemen: 'troops',
  guards: 'troops',
  rangers: 'troops',
  member: 'people',
  person: 'people',
  civilian: 'people',
  citizen: 'people',
  employee: 'people',
  monitor: 'monitors',
  observer: 'monitors',
  guard: 'troops',
  policeman: 'troops',
  officer: 'troops',
  hostage: 'detained',
  prisoner: 'detained',
  detainee: 'detained',
  armored: 'vehicles',
  armoured: 'vehicles',
  helicopters: 'aircraft',
  drones: 'aircraft',
  aircraft: 'aircraft',
  jets: 'aircraft',
  dead: 'killed',
  deaths: 'killed',
  fatalities: 'killed',
  bodies: 'remains',
  remains: 'remains',
  wounded: 'injured',
  injured: 'injured',
  injuries: 'injured',
  casualties: 'casualties',
  missing: 'missing',
  prisoners: 'detained',
  detainees: 'detained',
  captives: 'detained',
  hostages: 'detained',
  pows: 'detained',
  refugees: 'displaced',
  displaced: 'displaced',
  idps: 'displaced',
  evacuees: 'displaced',
  returnees: 'returned',
  protesters: 'protesters',
  protestors: 'protesters',
  demonstrators: 'protesters',
  monitors: 'monitors',
  observers: 'monitors',
  violations: 'violations',
  breaches: 'violations',
  incidents: 'incidents',
  posts: 'posts',
  checkpoints: 'posts',
  positions: 'positions',
  hectares: 'hectares',
  km: 'distance',
  kilometres: 'distance',
  kilometers: 'distance',
  miles: 'distance',
  mines: 'mines',
  shells: 'munitions',
  rockets: 'munitions',
  missiles: 'munitions',
  explosions: 'explosions',
  villages: 'settlements',
  settlements: 'settlements',
  civilians: 'people',
  people: 'people',
  residents: 'people',
  children: 'people',
  persons: 'people',
  families: 'people',
  members: 'people',
  crew: 'people',
  men: 'people',
  women: 'people',
  journalists: 'people',
  villagers: 'people',
};

/** Phenomenon: members of a monitoring patrol or mission ("6 patrol members") are monitors. */
export const COUNTED_PHRASES: Readonly<Record<string, string>> = {
  'patrol members': 'monitors',
  'mission members': 'monitors',
  'team members': 'monitors',
  'mission staff': 'monitors',
};

/** Nouns that are what happened to those counted: no outcome word around them overrides them. */
export const OUTCOME_NOUNS = new Set([
  'dead',
  'deaths',
  'fatalities',
  'lives',
  'wounded',
  'injured',
  'injuries',
]);

/**
 * Phenomenon: violation counts in bulletins ("shelled the village 12 times over the past day"):
 * a number of times after a verb of fire or breach counts violations.
 */
export const VIOLATION_TIMES =
  /\b(?:shelled|fired|opened fire|violated|breached|attacked|struck|hit|bombed|targeted)\b[^.;]{0,50}$/i;

/** Nouns that make a number a duration or a money sum, not a count. */
export const NOT_COUNTED = new Set(
  'years year months month weeks week days day hours hour minutes minute seconds decades decade centuries percent per cent dollars euros rubles manat drams times o clock am pm'.split(
    ' ',
  ),
);

/** Words after a count that say what happened to those counted. */
export const OUTCOME_AFTER: readonly (readonly [RegExp, string])[] = [
  [/^[^.;]{0,40}?\b(?:killed|dead|died|deaths?|lost their lives|perished|slain)\b/i, 'killed'],
  [
    /^[^.;]{0,40}?\b(?:injured|wounded|hurt|hospitali[sz]ed|taken to (?:a |the )?hospital|suffered (?:\w+ )?injuries|sustained (?:\w+ )?injuries)\b/i,
    'injured',
  ],
  // Phenomenon: prisoners, hostages and bodies handed back are counted as returned.
  [
    /^[^.;]{0,30}?\b(?:were|have been|had been|was|will be|are to be)\s+(?:released|freed|handed over|exchanged|repatriated|swapped)\b/i,
    'returned',
  ],
  [/^[^.;]{0,30}?\b(?:missing|unaccounted for)\b/i, 'missing'],
  [/^[^.;]{0,30}?\b(?:detained|arrested|captured|taken prisoner|held captive)\b/i, 'detained'],
  [/^[^.;]{0,30}?\b(?:displaced|fled|evacuated|forced from their homes)\b/i, 'displaced'],
  [/^[^.;]{0,30}?\b(?:returned|have returned|went back)\b/i, 'returned'],
];

/** Words before a count that say what happened to those counted ("killing two"). */
export const OUTCOME_BEFORE: readonly (readonly [RegExp, string])[] = [
  [
    /\b(?:killing|killed|kills|lost|losing|death toll (?:of|at|to|rose to|stands at)|deaths of|claimed the lives of|lives of|toll of)\s+$/i,
    'killed',
  ],
  [/\b(?:injuring|wounding|injured|wounded)\s+$/i, 'injured'],
  [/\b(?:detaining|detained|arresting|arrested|capturing)\s+$/i, 'detained'],
  [/\b(?:displacing|displaced)\s+$/i, 'displaced'],
  [
    /\b(?:releas(?:e|ed|ing)|free(?:d|ing)?|handed over|handing over|hand over|exchang(?:e|ed|ing)|swap(?:ped|ping)?|repatriat(?:e|ed|ing))\s+(?:the\s+)?$/i,
    'returned',
  ],
];

/**
 * Words allowed between a number and its noun ("2,000 unarmed peacekeepers"); nationality
 * adjectives ("2,000 Peruvian peacekeepers") come from the world base.
 */
export const MODIFIERS = new Set(
  'ceasefire truce military armed more additional other new foreign local ethnic unarmed civilian security border heavy light enemy'.split(
    ' ',
  ),
);
