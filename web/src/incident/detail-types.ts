import type { IncidentAction } from '../review/review-types.js';
import type { Incident } from '../types.js';
import type { CasualtyCategory } from '../ui/vocabulary.js';

/** The incident page's document: `GET /api/incidents/:id`. */
export interface EvidenceSpan {
  readonly start: number;
  readonly end: number;
  readonly text?: string;
}

export interface MergeFeature {
  readonly name?: string;
  readonly value?: number;
  readonly note?: string;
}

export interface ReportView {
  readonly id: number;
  readonly kind: string;
  readonly eventKind: string | null;
  readonly dateStart?: string | null;
  readonly source: {
    readonly id: number;
    readonly url: string | null;
    readonly title: string | null;
    readonly publisher: string | null;
    readonly published: string | null;
  } | null;
  readonly spans: readonly EvidenceSpan[];
  readonly merge: {
    readonly score: number | null;
    readonly explanation: {
      readonly reason?: string;
      readonly split?: string;
      readonly features?: readonly MergeFeature[];
    } | null;
    readonly fromIncident: number | null;
  };
}

export interface Casualty {
  readonly category: CasualtyCategory;
  readonly population: string;
  readonly low: number;
  readonly best: number;
  readonly high: number;
  readonly reports: readonly number[];
  readonly note: string;
}

export interface PartyResponse {
  readonly id: number;
  /** The party's code, and its name as the theatre in force gives it. */
  readonly party: string;
  readonly partyName: string;
  readonly stance: string;
  readonly text: string;
  readonly createdAt: string;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly reason: string | null;
}

export interface IncidentDetail {
  readonly incident: Incident;
  readonly mergedInto: number | null;
  readonly reports: readonly ReportView[];
  readonly casualties: readonly Casualty[];
  /** Deaths by the server's one rule, the number bulletins and exports give (absent from older servers). */
  readonly deaths?: number;
  readonly responses: readonly PartyResponse[];
  readonly history: readonly HistoryEntry[];
  /** Whether the caller may file a response (a liaison of a party the incident names). */
  readonly mayReply?: boolean;
  /** The review actions that make sense for this incident and this reader (absent from older servers). */
  readonly actions?: readonly IncidentAction[];
  /** Incidents merged into this one whose reports it holds. */
  readonly mergedFrom?: readonly number[];
}

export interface SourceText {
  readonly id: number;
  readonly url: string | null;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly text: string;
}

/** Accepts both the full detail and a bare incident (older servers). */
export function toDetail(body: IncidentDetail | Incident): IncidentDetail {
  if ('incident' in body) return body;
  return { incident: body, mergedInto: null, reports: [], casualties: [], responses: [], history: [] };
}
