import type { ActivityInput } from '../agreement/activity.js';
import type { AmendmentInput } from '../agreement/commitment.js';
import type { DemoAssessment, DemoStatement } from './nk-2020-assessments.js';
import type { DemoEvent } from './nk-2020-events.js';

/**
 * What a demo adds to a theatre pack's agreement and mission: incidents with the clauses they bear
 * on, amendments, assessments, statements and the mission's daily activity. Everything in a
 * script refers to the pack's first agreement and first mission.
 */
export interface DemoScript {
  readonly events: readonly DemoEvent[];
  readonly amendments: readonly AmendmentInput[];
  readonly assessments: readonly DemoAssessment[];
  readonly statements: readonly DemoStatement[];
  readonly activity: readonly ActivityInput[];
}

/** A pack with an agreement but no demo record: the agreement and mission alone. */
export const EMPTY_SCRIPT: DemoScript = {
  events: [],
  amendments: [],
  assessments: [],
  statements: [],
  activity: [],
};
