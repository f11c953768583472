/** Capitalised words that are titles, not names ("President", "Gen"). */
export const TITLE_WORDS = new Set(
  (
    'president prime minister general gen secretary spokesman spokeswoman spokesperson foreign defence ' +
    'defense deputy colonel col lt lieutenant major maj captain capt commander chief ambassador senator ' +
    'mr mrs ms dr head director leader ombudsman governor mayor adviser advisor aide analyst expert ' +
    'representative envoy chairman chairwoman speaker officer sergeant sgt brigadier admiral pope king ' +
    'queen prince sheikh vice acting former interior justice economy health premier chancellor ' +
    'commissioner mediator rapporteur coordinator researcher professor prof correspondent reporter'
  ).split(' '),
);

/** Words that make a capitalised run an organisation or a thing rather than a person. */
export const NOT_PERSON_WORDS = new Set(
  (
    'staff ministry department group council union forces force army police committee parliament government ' +
    'office agency service news press university institute center centre party mission corridor pass ' +
    'republic region district province city street square airport bridge river road highway border ' +
    'international national federal state states united nations security assembly court bank church ' +
    'company corporation media tv radio times post agency guard guards brigade battalion division ' +
    'regiment corps navy air airforce monitoring peacekeeping armed soviet secretary-general headquarters ' +
    'europe european east west north south central crisis watch rights red cross ' +
    'day war treaty agreement accord statement facebook twitter telegram instagram youtube'
  ).split(' '),
);

/** Capitalised function words and common sentence starters. */
export const STOP_WORDS = new Set(
  (
    'eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands dozens dozen the a an in on at but and or as after before when while during with by for from this that these ' +
    'those its his her their it he she they we i you our my there here then so if of to not no yes ' +
    'also meanwhile however although though since until according despite amid among between under ' +
    'over about above against into onto upon what which who whom whose where why how all some many ' +
    'most several both each every any other such one two three four five six seven eight nine ten ' +
    'earlier later today yesterday tomorrow tonight last next monday tuesday wednesday thursday friday ' +
    'saturday sunday january february march april may june july august september october november ' +
    'december jan feb mar apr jun jul aug sep sept oct nov dec apparently indeed still even just only ' +
    'crowds crowd protesters demonstrators residents police soldiers troops peacekeepers forces please ' +
    'read more related photo video click share follow subscribe advertisement editing translating ' +
    'stop end breaking live update updated exclusive analysis opinion comment'
  ).split(' '),
);

export const MONTHS_AND_DAYS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december'
  ).split(' '),
);
