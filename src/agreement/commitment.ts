import { z } from 'zod';
import { IsoDate } from '../vocabulary/iso-date.js';
import { PartyCode } from '../theatre/party-code.js';
import { isTimeZone } from './calendar.js';

/** Agreements, commitments and what is recorded about them: schemas first, types derived. */

export const COMMITMENT_KINDS = [
  'ceasefire',
  'hold_positions',
  'territorial_handover',
  'withdrawal',
  'deployment',
  'deployment_term',
  'monitoring_mechanism',
  'corridor_control',
  'route_construction',
  'security_guarantee',
  'return_of_displaced',
  'exchange_of_detainees_and_remains',
  'unblock_transport',
  'restore_economic_ties',
  'humanitarian_access',
  'amnesty',
  'constitutional_reform',
  'elections',
  'border_control',
  'political_dialogue',
  'other',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** What an analyst can record about a commitment on a given day. */
export const ASSESSED_STATUSES = ['pending', 'in_progress', 'fulfilled', 'violated', 'disputed'] as const;
export type AssessedStatus = (typeof ASSESSED_STATUSES)[number];

/** What compliance reports: the assessed statuses plus `overdue`, which only the calendar decides. */
export const COMPLIANCE_STATUSES = [
  'pending',
  'in_progress',
  'fulfilled',
  'overdue',
  'violated',
  'disputed',
] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** Peace Accords Matrix implementation scale. */
export const SCORE_LABELS = ['not_initiated', 'minimal', 'intermediate', 'full'] as const;
export type ImplementationScore = 0 | 1 | 2 | 3;

export const INCIDENT_EFFECTS = ['violates', 'implements', 'disputed'] as const;
export type IncidentEffect = (typeof INCIDENT_EFFECTS)[number];

const Name = z.string().trim().min(1, 'must not be empty').max(300);
const Url = z.url('must be a URL').nullable().default(null);

export const TimeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Moscow');

export const DeadlineInput = z.object({
  date: IsoDate,
  timeZone: TimeZone,
  inclusive: z.boolean(),
});

export const TextVariant = z.object({
  publisher: Name,
  language: z.string().min(2).max(20).default('en'),
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
  url: Url,
  note: z.string().max(2_000).nullable().default(null),
});
export type TextVariant = z.infer<typeof TextVariant>;

/** How a parameter's value bounds what it applies to: "up to 500 monitors", "at least 50 km". */
export const PARAMETER_BOUNDS = ['exactly', 'at_most', 'at_least'] as const;

/**
 * A figure a commitment sets: what is measured (`name`), its value and unit, what it applies to
 * ("artillery of 100 mm calibre and more") and whether it is exact, a ceiling or a floor.
 */
export const Parameter = z.object({
  name: Name,
  value: z.number().finite(),
  unit: Name,
  appliesTo: z.string().trim().min(1).max(300).nullable().default(null),
  bound: z.enum(PARAMETER_BOUNDS).default('exactly'),
});
export type Parameter = z.infer<typeof Parameter>;

/** Duration, automatic renewal and notice rules (a mandate's term). */
export const TermRules = z.object({
  startsOn: IsoDate,
  years: z.number().int().min(1).max(100),
  renewalYears: z.number().int().min(1).max(100).nullable().default(null),
  noticeMonths: z.number().int().min(0).max(120).nullable().default(null),
});
export type TermRules = z.infer<typeof TermRules>;

export const Evidence = z.object({
  kind: z.enum(['incident', 'source', 'statement', 'report', 'note']),
  title: z.string().trim().min(1, 'must not be empty').max(1_000),
  publisher: z.string().max(300).nullable().default(null),
  url: Url,
  published: IsoDate.nullable().default(null),
  incidentId: z.number().int().positive().nullable().default(null),
});
export type Evidence = z.infer<typeof Evidence>;

export const CommitmentInput = z.object({
  clause: z
    .string()
    .trim()
    .regex(/^[0-9]+[a-z]?(\.[0-9]+)?$/, 'must be a clause number such as 6 or 6b'),
  title: Name,
  kind: z.enum(COMMITMENT_KINDS),
  /** Who must act, as party codes (a state is its ISO alpha-2 code: "AM"; others a pack's code: "DPR"). */
  obligors: z.array(PartyCode).min(1, 'must name at least one obligor'),
  places: z.array(Name).default([]),
  texts: z.array(TextVariant).min(1, 'must hold at least one published text'),
  deadline: DeadlineInput.nullable().default(null),
  parameters: z.array(Parameter).default([]),
  term: TermRules.nullable().default(null),
  monitors: z.array(Name).default([]),
});
export type CommitmentInput = z.input<typeof CommitmentInput>;
export type ParsedCommitmentInput = z.infer<typeof CommitmentInput>;

/** An agreement's fields, before the rules that need the whole of it (`withAgreementRules`). */
export const AgreementFields = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes'),
  title: Name,
  signedOn: IsoDate.nullable().default(null),
  effectiveAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time with offset' })
    .nullable()
    .default(null),
  timeZone: TimeZone,
  /** The sides bound by the agreement, as party codes; every obligor must be one of them. */
  parties: z.array(PartyCode).min(2, 'must name at least two parties'),
  texts: z
    .array(z.object({ publisher: Name, language: z.string().min(2).max(20), title: Name, url: Url }))
    .default([]),
  commitments: z.array(CommitmentInput).default([]),
});

/**
 * Adds the rules that need the whole agreement: every obligor is one of its parties, clauses are
 * unique. Shared by the store's input and the theatre pack's agreements.
 *
 * @example withAgreementRules(AgreementFields).safeParse(input).success
 */
export function withAgreementRules<S extends z.ZodType<AgreementShape>>(schema: S) {
  return schema.superRefine((a, ctx) => {
    const seen = new Set<string>();
    a.commitments.forEach((c, i) => {
      if (seen.has(c.clause))
        ctx.addIssue({ code: 'custom', path: ['commitments', i, 'clause'], message: 'must be unique' });
      seen.add(c.clause);
      c.obligors.forEach((o, j) => {
        if (!a.parties.includes(o))
          ctx.addIssue({
            code: 'custom',
            path: ['commitments', i, 'obligors', j],
            message: `must be one of the agreement's parties (${a.parties.join(', ')})`,
          });
      });
    });
  });
}
interface AgreementShape {
  readonly parties: readonly string[];
  readonly commitments: readonly { readonly clause: string; readonly obligors: readonly string[] }[];
}

export const AgreementInput = withAgreementRules(AgreementFields);
export type AgreementInput = z.input<typeof AgreementInput>;
export type ParsedAgreementInput = z.infer<typeof AgreementInput>;

export const AmendmentInput = z.object({
  clause: z.string().min(1),
  decidedOn: IsoDate,
  deadline: DeadlineInput,
  reason: z.string().trim().min(1, 'must say why the deadline moved').max(2_000),
  evidence: z.array(Evidence).min(1, 'must cite at least one piece of evidence'),
});
export type AmendmentInput = z.input<typeof AmendmentInput>;

export const AssessmentInput = z.object({
  clause: z.string().min(1),
  asOf: IsoDate,
  status: z.enum(ASSESSED_STATUSES),
  score: z.number().int().min(0).max(3),
  evidence: z.array(Evidence).min(1, 'must cite at least one piece of evidence'),
  note: z.string().max(2_000).nullable().default(null),
});
export type AssessmentInput = z.input<typeof AssessmentInput>;

export const IncidentLinkInput = z.object({
  incidentId: z.number().int().positive(),
  clause: z.string().min(1),
  effect: z.enum(INCIDENT_EFFECTS),
  note: z.string().max(2_000).nullable().default(null),
});
export type IncidentLinkInput = z.input<typeof IncidentLinkInput>;

export const IncidentUnlinkInput = z.object({
  incidentId: z.number().int().positive(),
  clause: z.string().min(1),
  reason: z.string().trim().min(1, 'must say why the link is removed').max(2_000),
});
export type IncidentUnlinkInput = z.input<typeof IncidentUnlinkInput>;

/** A commitment as the store returns it (its current deadline; history is in amendments). */
export interface Commitment {
  readonly id: number;
  readonly agreementId: number;
  readonly clause: string;
  readonly title: string;
  readonly kind: CommitmentKind;
  readonly obligors: readonly string[];
  readonly places: readonly string[];
  readonly texts: readonly TextVariant[];
  readonly deadline: z.infer<typeof DeadlineInput> | null;
  readonly parameters: readonly Parameter[];
  readonly term: TermRules | null;
  readonly monitors: readonly string[];
}

export interface Amendment {
  readonly id: number;
  readonly decidedOn: string;
  readonly previous: z.infer<typeof DeadlineInput> | null;
  readonly deadline: z.infer<typeof DeadlineInput>;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export interface Assessment {
  readonly id: number;
  readonly asOf: string;
  readonly status: AssessedStatus;
  readonly score: ImplementationScore;
  readonly evidence: readonly Evidence[];
  readonly note: string | null;
  readonly assessedBy: string;
}

/** An incident linked to a commitment, with what compliance needs to know about it. */
export interface IncidentLink {
  readonly incidentId: number;
  readonly effect: IncidentEffect;
  /** Null when no report dates the incident. */
  readonly incidentDate: string | null;
  /** The day the record first held the incident: an undated one happened on or before it. */
  readonly incidentRecorded: string;
  readonly incidentStatus: string;
  readonly incidentTitle: string;
  readonly note: string | null;
}

export interface Agreement {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly signedOn: string | null;
  readonly effectiveAt: string | null;
  readonly timeZone: string;
  readonly parties: readonly string[];
  readonly texts: z.infer<typeof AgreementFields>['texts'];
}
