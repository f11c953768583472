/**
 * Phenomenon: actors no theatre lists, written as a description: "Taliban insurgents attacked",
 * "terrorists belonging to the Islamic State group", "the Somali Islamist group al Shabaab",
 * "armed members of the anti-Balaka group"; and victims named by what they are ("four
 * civilians", "one army ranger", "five Malian soldiers"). The words are general; no group or
 * conflict is named here.
 */

const ARMED =
  '(?:militants|terrorists|insurgents|rebels|gunmen|jihadists|fighters|separatists|attackers|assailants|militiamen|militias?)';
/** "ISWAP fighters", "Taliban insurgents", "Houthi rebels": a capitalised name, then the group word. */
const NAMED_ARMED = new RegExp(`\\b((?:\\p{Lu}[\\p{L}-]*\\s+){1,3}${ARMED})\\b`, 'u');
/** "the Islamist group al Shabaab", "the rebel group M23": the name after the group word. */
const GROUP_AFTER = new RegExp(
  `\\b(?:group|movement|faction)\\s+((?:al[- ])?\\p{Lu}[\\p{L}\\d-]*(?:\\s+\\p{Lu}[\\p{L}\\d-]*){0,3})`,
  'u',
);
/** "the anti-Balaka group": the name before it. */
const GROUP_BEFORE = new RegExp(
  `\\b((?:\\p{Ll}+-)?\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*){0,2})\\s+(?:group|movement)\\b`,
  'u',
);
/** "gunmen from Islamic State West Africa Province (ISWAP)": the name after the group word. */
const ARMED_FROM = new RegExp(
  `\\b${ARMED}\\s+(?:from|of|belonging to|linked to|loyal to)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}-]*\\s*){1,6})`,
  'u',
);
const BARE_ARMED = new RegExp(`\\b(${ARMED})\\b`, 'iu');
const NOT_GROUP = /^(?:The|A|An|This|That|Islamic State|Islamist|Jihadist|Christian|Muslim)$/;
/**
 * A word every pattern above needs (the group words, or ARMED under BARE_ARMED's own flags, so
 * the same letters fold alike): a span without one describes no group, and one test skips five.
 */
const MAY_NAME_GROUP = new RegExp(`${ARMED}|group|movement|faction`, 'iu');

/**
 * The armed group a text describes in a span, most specific first: a name after "group", a name
 * before the group word, a name after "from", else the bare word ("militants").
 *
 * @example describedGroup('The Islamist group al Shabaab fired mortars') // 'al Shabaab'
 */
export function describedGroup(span: string): string | null {
  if (!MAY_NAME_GROUP.test(span)) return null;
  const from = ARMED_FROM.exec(span)?.[1]?.trim();
  if (from) return from;
  const name = (GROUP_AFTER.exec(span)?.[1] ?? GROUP_BEFORE.exec(span)?.[1])
    ?.trim()
    .replace(/^(?:The|A|An)\s+/, '');
  if (name && !NOT_GROUP.test(name)) return name;
  const named = NAMED_ARMED.exec(span)?.[1]?.trim();
  if (named && !/^(?:The|A|An)\s/.test(named)) return named;
  return BARE_ARMED.exec(span)?.[1]?.toLowerCase() ?? null;
}

const VICTIM =
  '(?:civilians|soldiers|servicem[ae]n|troops|police(?:m[ae]n| officers)?|officers|rangers|guards|peacekeepers|residents|villagers|children|women|people|workers)';
const VICTIM_SINGULAR =
  '(?:civilian|soldier|serviceman|policeman|police officer|officer|ranger|guard|peacekeeper|resident|villager|child|woman|man|worker)';
const COUNTED =
  '(?:\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|hundreds of|an?)';
const NOUN_PHRASE = `((?:[\\p{L}-]+\\s+){0,2}?(?:${VICTIM}|${VICTIM_SINGULAR}))\\b`;
/** "killing four civilians", "wounded one army ranger": the people after the verb of harm. */
const VICTIM_AFTER = new RegExp(
  `\\b(?:killing|killed|wounding|wounded|injuring|injured)\\s+${COUNTED}\\s+${NOUN_PHRASE}`,
  'iu',
);
/** "five Malian soldiers were killed": the people before it. */
const VICTIM_BEFORE = new RegExp(
  `\\b${COUNTED}\\s+${NOUN_PHRASE}(?:[^.;]{0,40}?)\\s(?:(?:were|was|have been|had been|got)\\s+)?(?:\\w+\\s+)?(?:killed|wounded|injured|hurt)`,
  'iu',
);

/** A verb of harm VICTIM_AFTER or VICTIM_BEFORE needs, under their flags: without one, no victims. */
const MAY_NAME_VICTIMS = /kill|wound|injur|hurt/iu;

/**
 * The victims of violence as the text describes them: the counted people killed or wounded,
 * with the words before the noun ("Malian soldiers", "army ranger").
 *
 * @example describedVictims('A bomb killed four civilians.') // 'civilians'
 */
export function describedVictims(span: string): string | null {
  if (!MAY_NAME_VICTIMS.test(span)) return null;
  const m = VICTIM_AFTER.exec(span) ?? VICTIM_BEFORE.exec(span);
  if (!m?.[1]) return null;
  return m[1].replace(/^(?:other|more|of)\s+/i, '').trim();
}
