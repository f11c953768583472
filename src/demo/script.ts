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
  /** Articles and field reports about the script's events, ingested through the ingest path. */
  readonly articles: readonly DemoArticle[];
}

/**
 * A text written for the demo about one of its events (`event` is the event's key): captured as a
 * source and ingested like any article, so the incident rests on evidence.
 */
export interface DemoArticle {
  readonly event: string;
  readonly publisher: string;
  /** The calendar day it was published, `YYYY-MM-DD`. */
  readonly published: string;
  readonly title: string;
  readonly body: string;
}

/** A pack with an agreement but no demo record: the agreement and mission alone. */
export const EMPTY_SCRIPT: DemoScript = {
  events: [],
  amendments: [],
  assessments: [],
  statements: [],
  activity: [],
  articles: [],
};
