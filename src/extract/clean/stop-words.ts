/**
 * Short stop-word lists for the paragraph classifier: prose is dense in these words, menus,
 * tag lists and headlines are not. English in full, the other languages' commonest words.
 */
const LISTS = [
  // English
  'a about after again against all also an and any are as at be because been before being between both but by can could did do does during each for from had has have he her here him his how i if in into is it its just more most my no not now of on once only or other our out over own said same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your',
  // French
  'au aux avec ce ces dans de des du elle en et est il ils je la le les leur lui mais me même ne nous on ou par pas pour qu que qui sa se ses son sur ta te une vous était été',
  // German
  'aber als am auch auf aus bei bin bis das dass dem den der des die doch du ein eine einem einen einer es für hat hatte ich ihr im in ist mit nach nicht noch nur oder sich sie sind so über um und uns von vor war wenn wie wir wird zu zum zur',
  // Russian
  'а без бы был была были было в вы да для до его ее её если есть же за и из или им их к как ко когда который кто ли мы на над не нет но о об он она они оно от по под при с со так также то того только у уже что это я',
  // Spanish
  'al como con de del el en es esta este ha la las lo los más no para pero por que se su sus un una y',
];

const STOP_WORDS: ReadonlySet<string> = new Set(LISTS.flatMap((list) => list.split(' ')));

/** Share of words in `words` that are stop words (0 when there are none). */
export function stopWordDensity(words: readonly string[]): number {
  if (words.length === 0) return 0;
  let count = 0;
  for (const word of words) if (STOP_WORDS.has(word.toLowerCase())) count += 1;
  return count / words.length;
}

/** Whether a word is a stop word of one of the lists ("the", "of", "и"). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
