import { ASSESSED_STATUSES, INCIDENT_EFFECTS, SCORE_LABELS } from '../agreement/commitment.js';
import { RESPONSE_STANCES, REVIEW_TRANSITIONS } from '../record/review.js';
import {
  CASUALTY_CATEGORIES,
  DATE_PRECISION,
  DATE_PRECISIONS,
  INCIDENT_KIND,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  NO_DATE_TEXT,
  PLACE_PRECISION,
  PlacePrecision,
  POPULATION_GROUPS,
  PUBLISHED_STATUSES,
  QUALIFIERS,
  REVIEW_TARGETS,
  ROLES,
} from '../vocabulary/index.js';

/**
 * The vocabulary as the web app and API clients read it: every closed set with the properties
 * a client shows (labels, ACLED types, families). Served at `/api/vocabulary` and written into
 * `web/src/ui/vocabulary.ts` by `scripts/generate-web-vocabulary.ts`.
 *
 * @example vocabularyDocument().incidentKinds[0] // { id: 'ceasefire_violation', label: 'Ceasefire violation', … }
 */
export function vocabularyDocument() {
  return {
    incidentKinds: INCIDENT_KINDS.map((id) => {
      const k = INCIDENT_KIND[id];
      return {
        id,
        label: k.label,
        family: k.family,
        acled: k.acled,
        isViolence: k.isViolence,
        isBreach: k.isBreach,
      };
    }),
    incidentStatuses: INCIDENT_STATUSES,
    /** The statuses the public record holds: the only ones a public filter offers. */
    publishedStatuses: PUBLISHED_STATUSES,
    reviewTargets: REVIEW_TARGETS,
    reviewTransitions: REVIEW_TRANSITIONS,
    responseStances: RESPONSE_STANCES,
    roles: ROLES,
    datePrecisions: DATE_PRECISIONS.map((id) => ({ id, label: DATE_PRECISION[id].label })),
    placePrecisions: PlacePrecision.options.map((id) => ({ id, isPoint: PLACE_PRECISION[id].isPoint })),
    casualtyCategories: CASUALTY_CATEGORIES,
    qualifiers: QUALIFIERS,
    populationGroups: POPULATION_GROUPS,
    assessedStatuses: ASSESSED_STATUSES,
    implementationScores: SCORE_LABELS,
    incidentEffects: INCIDENT_EFFECTS,
  } as const;
}
export type VocabularyDocument = ReturnType<typeof vocabularyDocument>;

const constant = (name: string, value: unknown) =>
  `export const ${name} = ${JSON.stringify(value)} as const;`;
const union = (name: string, of: string) => `export type ${name} = (typeof ${of})[number];`;

/**
 * The web app's vocabulary module, as TypeScript source (before formatting): the same sets as
 * `vocabularyDocument`, with their string-literal types, so the app never keeps a hand copy.
 *
 * @example renderWebVocabulary().includes("export type IncidentKind") // true
 */
export function renderWebVocabulary(doc: VocabularyDocument = vocabularyDocument()): string {
  const labels = Object.fromEntries(doc.incidentKinds.map((k) => [k.id, k.label]));
  const dateLabels = Object.fromEntries(doc.datePrecisions.map((p) => [p.id, p.label]));
  return [
    '// Generated from src/vocabulary by `node --import tsx scripts/generate-web-vocabulary.ts`.',
    '// Do not edit: a test fails when this file and the server vocabulary differ.',
    '',
    '/** The closed sets the forms offer (the server checks them again). */',
    constant(
      'INCIDENT_KINDS',
      doc.incidentKinds.map((k) => k.id),
    ),
    union('IncidentKind', 'INCIDENT_KINDS'),
    `export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, string>> = ${JSON.stringify(labels)};`,
    constant('INCIDENT_STATUSES', doc.incidentStatuses),
    union('IncidentStatus', 'INCIDENT_STATUSES'),
    '/** The statuses the public record holds: the only ones a filter offers the public (the server refuses others). */',
    constant('PUBLISHED_STATUSES', doc.publishedStatuses),
    constant('REVIEW_TARGETS', doc.reviewTargets),
    '/** Where a reviewer may move an incident from each status (the server checks again). */',
    `export const REVIEW_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = ${JSON.stringify(doc.reviewTransitions)};`,
    constant('STANCES', doc.responseStances),
    union('Stance', 'STANCES'),
    constant('ROLES', doc.roles),
    union('Role', 'ROLES'),
    constant(
      'DATE_PRECISIONS',
      doc.datePrecisions.map((p) => p.id),
    ),
    union('DatePrecision', 'DATE_PRECISIONS'),
    `export const DATE_PRECISION_LABELS: Readonly<Record<DatePrecision, string>> = ${JSON.stringify(dateLabels)};`,
    '/** What is shown for an incident no report dates: never the day it was read. */',
    `export const NO_DATE_TEXT = ${JSON.stringify(NO_DATE_TEXT)};`,
    constant(
      'PLACE_PRECISIONS',
      doc.placePrecisions.map((p) => p.id),
    ),
    union('PlacePrecision', 'PLACE_PRECISIONS'),
    constant('CASUALTY_CATEGORIES', doc.casualtyCategories),
    union('CasualtyCategory', 'CASUALTY_CATEGORIES'),
    constant('QUALIFIERS', doc.qualifiers),
    union('Qualifier', 'QUALIFIERS'),
    '/** What an analyst may assess a commitment as, the 0–3 scores by name, how an incident bears on a clause. */',
    constant('ASSESSED_STATUSES', doc.assessedStatuses),
    constant('IMPLEMENTATION_SCORES', doc.implementationScores),
    constant('INCIDENT_EFFECTS', doc.incidentEffects),
    '',
  ].join('\n');
}
