import { z } from 'zod';
import { ActivityInput } from '../../agreement/activity.js';
import {
  ASSESSED_STATUSES,
  COMPLIANCE_STATUSES,
  Evidence,
  INCIDENT_EFFECTS,
  SCORE_LABELS,
} from '../../agreement/commitment.js';
import { Ceilings, MandateDecision } from '../../agreement/mandate.js';
import { PostInput, UnitInput } from '../../agreement/mission.js';
import { IncidentKind } from '../../vocabulary/index.js';
import { pageOf } from './common.js';

/** What the agreement board, the mission dashboard and the bulletins answer. */

const Text = z.string();
const Maybe = <T extends z.ZodType>(schema: T) => schema.nullable();

const Deadline = z.object({ date: Text, timeZone: Text, inclusive: z.boolean() });

export const ComplianceSchema = z
  .object({
    clause: Text,
    title: Text,
    kind: Text,
    obligors: z.array(Text),
    status: z.enum(COMPLIANCE_STATUSES),
    score: z.number().int().min(0).max(3),
    scoreLabel: z.enum(SCORE_LABELS),
    basis: Text,
    deadline: Maybe(Deadline),
    originalDeadline: Maybe(Deadline),
    dueAt: Maybe(Text),
    daysLeft: Maybe(z.number().int()),
    amendments: z.number().int().min(0),
    violations: z.number().int().min(0),
    implementingIncidents: z.number().int().min(0),
    lastAssessment: Maybe(z.object({ asOf: Text, status: Text, note: Maybe(Text) })),
    evidence: z.array(Evidence),
  })
  .meta({ id: 'Compliance' });

export const AmendmentSchema = z
  .object({
    decidedOn: Text,
    previous: Maybe(Deadline).meta({ description: 'the deadline this amendment replaced' }),
    deadline: Deadline,
    reason: Text,
    evidence: z.array(Evidence),
  })
  .meta({ id: 'Amendment' });

export const AssessmentSchema = z
  .object({
    asOf: Text,
    status: z.enum(ASSESSED_STATUSES),
    score: z.number().int().min(0).max(3),
    evidence: z.array(Evidence),
    note: Maybe(Text),
    assessedBy: Text,
  })
  .meta({ id: 'Assessment' });

export const IncidentLinkSchema = z
  .object({
    incidentId: z.number().int(),
    effect: z.enum(INCIDENT_EFFECTS),
    incidentDate: Maybe(Text),
    incidentStatus: Text,
    incidentTitle: Text,
    note: Maybe(Text),
  })
  .meta({ id: 'IncidentCommitmentLink' });

const CommitmentStatusSchema = ComplianceSchema.extend({
  history: z.object({
    amendments: z.array(AmendmentSchema),
    assessments: z.array(AssessmentSchema),
    links: z.array(IncidentLinkSchema),
  }),
}).meta({ id: 'CommitmentStatus' });

const Implementation = z.object({
  commitments: z.number().int().min(0),
  byStatus: z.object(
    Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
      (typeof COMPLIANCE_STATUSES)[number],
      z.ZodNumber
    >,
  ),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number().min(0).max(100),
});

export const AgreementStatus = z
  .object({
    agreement: z.object({
      slug: Text,
      title: Text,
      signedOn: Maybe(Text),
      effectiveAt: Maybe(Text),
      timeZone: Text,
      parties: z.array(Text),
    }),
    asOf: z.object({ date: Text, instant: Text, timeZone: Text }),
    commitments: z.array(CommitmentStatusSchema),
    implementation: Implementation,
    byParty: z.record(z.string(), Implementation),
  })
  .meta({ id: 'AgreementStatus' });

export const ActivitySchema = ActivityInput.meta({ id: 'Activity' });

export const ActivityDaySchema = z
  .object({
    activity: ActivitySchema,
    corrections: z.array(
      z.object({
        correctedAt: Text,
        correctedBy: Text,
        reason: Text,
        previous: ActivitySchema.meta({ description: 'the figures the day held before this correction' }),
        changed: z.array(Text).meta({ description: 'the fields this correction changed' }),
      }),
    ),
  })
  .meta({ id: 'ActivityDay' });

export const ActivityPrefillSchema = z
  .object({
    from: Maybe(Text).meta({ description: 'the last day filed before the one asked about; null if none' }),
    activity: Maybe(ActivitySchema),
  })
  .meta({ id: 'ActivityPrefill' });

const Totals = z.object({
  days: z.number().int().min(0),
  patrols: z.number().min(0),
  escortVehicles: z.number().min(0),
  escortPeople: z.number().min(0),
  returned: z.number().min(0),
  deminedHectares: z.number().min(0),
  deminedRoadKm: z.number().min(0),
  deminedBuildings: z.number().min(0),
  explosiveItems: z.number().min(0),
  humanitarianTonnes: z.number().min(0),
  violationsRecorded: z.number().min(0),
});

const Strength = {
  personnel: Maybe(z.number()),
  armouredVehicles: Maybe(z.number()),
  otherVehicles: Maybe(z.number()),
};

export const MissionStatus = z
  .object({
    mission: z.object({ slug: Text, name: Text, agreement: Maybe(Text) }),
    asOf: Text,
    term: z.object({
      state: z.enum(['not_started', 'active', 'ending', 'ended']),
      period: z.number().int().min(0),
      periodStart: Text,
      termEnd: Text,
      lastDay: Text,
      noticeBy: Maybe(Text),
      nextNoticeDate: Maybe(Text),
      renewsAutomatically: z.boolean(),
      daysToTermEnd: z.number().int(),
      daysToNextNotice: Maybe(z.number().int()),
      noticeGiven: Maybe(z.object({ party: Text, givenOn: Text })),
      renewedBy: Maybe(MandateDecision),
      renewedUntil: Maybe(Text),
    }),
    ceilings: Ceilings,
    strength: z.object({ ...Strength, asOf: Maybe(Text) }),
    ceilingFlags: z.array(
      z.object({
        item: z.enum(['personnel', 'armouredVehicles', 'otherVehicles']),
        reported: z.number(),
        ceiling: z.number(),
        excess: z.number(),
      }),
    ),
    posts: z.object({
      open: z.number().int().min(0),
      closed: z.number().int().min(0),
      list: z.array(PostInput),
    }),
    units: z.array(UnitInput),
    today: Maybe(ActivitySchema),
    totals: Totals,
  })
  .meta({ id: 'MissionStatus' });
export type MissionStatus = z.infer<typeof MissionStatus>;
export type MissionPost = MissionStatus['posts']['list'][number];

export const ActivityPage = pageOf(ActivitySchema).meta({ id: 'ActivityPage' });

const SourceRef = z.object({ publisher: Maybe(Text), title: Text, url: Maybe(Text), published: Maybe(Text) });

const BulletinIncident = z.object({
  id: z.number().int(),
  publicId: Text,
  kind: IncidentKind,
  title: Text,
  status: Text,
  area: Maybe(Text),
  placeName: Maybe(Text),
  actor1: Maybe(Text),
  actor2: Maybe(Text),
  killed: z.number().min(0),
  injured: z.number().min(0),
  sources: z.array(SourceRef),
});

const BulletinStatement = z.object({
  speaker: Text,
  office: Maybe(Text),
  text: Text,
  direct: z.boolean(),
  sources: z.array(SourceRef),
});

const Figures = { killed: z.number().min(0), injured: z.number().min(0) };

export const BulletinSchema = z
  .object({
    date: Text,
    title: Text,
    mission: Maybe(z.object({ name: Text, slug: Text })),
    agreement: Maybe(z.object({ title: Text, slug: Text })),
    violations: z.object({
      total: z.number().int().min(0),
      ...Figures,
      byArea: z.array(
        z.object({
          area: Text,
          count: z.number().int().min(0),
          ...Figures,
          items: z.array(
            BulletinIncident.extend({
              attribution: z.enum(['attributed', 'alleged', 'disputed', 'not_attributed']),
            }),
          ),
        }),
      ),
    }),
    otherEvents: z.array(BulletinIncident),
    undated: z.array(BulletinIncident).meta({
      description: 'Incidents recorded this day that no report dates: not counted as the day’s events',
    }),
    activity: z.object({
      day: Maybe(ActivitySchema),
      totals: Maybe(Totals),
      postsOpen: Maybe(z.number().int()),
    }),
    commitments: z.object({
      dueSoon: z.array(ComplianceSchema),
      overdue: z.array(ComplianceSchema),
      violated: z.array(ComplianceSchema),
      fulfilledToday: z.array(ComplianceSchema),
    }),
    statements: z.array(BulletinStatement),
    auditHead: z.object({ seq: z.number().int().min(0), hash: Text }),
    checkpoint: Maybe(
      z.object({
        origin: Text,
        size: z.number().int().min(0),
        root: Text.meta({ description: "the tree's root hash, base64" }),
        note: Text.meta({ description: 'the C2SP signed note with the cosignature lines known now' }),
        cosignedBy: z.array(z.object({ witness: Text, time: z.number().int() })),
      }),
    ).meta({ description: 'the signed checkpoint the bulletin was made at; null before any was signed' }),
  })
  .meta({ id: 'Bulletin' });

export const BulletinIndexSchema = z
  .object({
    days: z.array(
      z.object({
        date: Text,
        incidents: z.number().int().min(0).meta({ description: 'incidents dated on the day' }),
        violations: z.number().int().min(0).meta({ description: 'of them, ceasefire violations' }),
        undated: z.number().int().min(0).meta({ description: 'recorded that day, date not stated' }),
        statements: z.number().int().min(0),
        activity: z.boolean().meta({ description: 'whether the mission filed its activity for the day' }),
      }),
    ),
    next: Maybe(Text).meta({ description: 'the `before` of the next (older) page; null on the last' }),
  })
  .meta({ id: 'BulletinIndex' });
