/**
 * English words that describe a speaker without naming one, and how a pronoun may later point
 * back at it: one person ("he", "she"), several people ("they"), a body ("it", "they"), or a
 * document that speaks for the body that issued it ("the statement", "the bulletin"). Data, not
 * rules: the mechanisms that read them are in `speaker-phrase.ts`.
 */
export type DescribedKind = 'person' | 'group' | 'organization' | 'document';

/** Heads of a description that names one person ("a senior military officer", "the UN envoy"). */
const PERSON_HEADS =
  'spokesman spokeswoman spokesperson official officer source commander representative leader activist ' +
  'witness resident monitor observer envoy minister governor ambassador chief aide adviser advisor ' +
  'diplomat mediator negotiator coordinator director head president premier mayor general colonel ' +
  'analyst expert doctor medic nurse survivor member lawmaker senator deputy administrator';

/** Heads that name several people ("medics", "local officials", "police"). */
const GROUP_HEADS =
  'spokesmen spokespeople officials officers sources commanders representatives leaders activists ' +
  'witnesses residents monitors observers envoys ministers diplomats mediators negotiators medics ' +
  'doctors survivors members lawmakers police authorities rescuers organisers organizers villagers ' +
  'unionists elders analysts experts';

/** Heads that name a body ("the ministry", "the rebel group", "the 15-member body"). */
const BODY_HEADS =
  'ministry mission army military command office department embassy government headquarters council ' +
  'committee group movement service center centre administration agency newspaper paper body ' +
  'authority commission presidency secretariat directorate coalition alliance force forces militia ' +
  'organisation organization faction delegation parliament assembly cabinet kremlin court';

/** Documents that speak for whoever issued them ("the statement said", "the message reads"). */
const DOCUMENT_HEADS =
  'statement bulletin message report release communique communiqué notice announcement letter ' +
  'resolution update post';

const kindOf = new Map<string, DescribedKind>();
for (const [words, kind] of [
  [PERSON_HEADS, 'person'],
  [GROUP_HEADS, 'group'],
  [BODY_HEADS, 'organization'],
  [DOCUMENT_HEADS, 'document'],
] as const) {
  for (const w of words.split(' ')) kindOf.set(w, kind);
}

/** What a description's last word describes, or undefined when it is no speaker word. */
export function describedKind(head: string): DescribedKind | undefined {
  return kindOf.get(head.toLowerCase());
}

/** Pronouns that speak, and what each may point back at. */
export const PRONOUN_POINTS_AT: Readonly<Record<string, readonly DescribedKind[]>> = {
  he: ['person'],
  she: ['person'],
  it: ['organization', 'document'],
  they: ['group', 'organization'],
};

/** Adverbs and auxiliaries between a speaker and its verb ("the ministry also said", "he later told"). */
export const BETWEEN_SPEAKER_AND_VERB =
  /(?:\s+(?:also|later|earlier|then|further|again|previously|separately|reportedly|has|have|had|was|were|is|would|will|had\s+earlier|in\s+turn)\b)+\s*$/iu;
