import { kindsWhere, type IncidentKind } from '../vocabulary/index.js';
import type { Activity, ActivityTotals } from './activity.js';
import type { Compliance } from './compliance.js';

/** The daily bulletin as a monitoring mission publishes it, built from plain values. */

export interface SourceRef {
  readonly publisher: string | null;
  readonly title: string;
  readonly url: string | null;
  readonly published: string | null;
}

export interface BulletinIncident {
  readonly id: number;
  readonly publicId: string;
  readonly kind: IncidentKind;
  readonly title: string;
  readonly status: string;
  readonly area: string | null;
  readonly placeName: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  /** Conservative counts by the record's one rule (`conservativeCount` in record/casualty.ts). */
  readonly killed: number;
  readonly injured: number;
  readonly sources: readonly SourceRef[];
}

export interface BulletinStatement {
  readonly speaker: string;
  readonly office: string | null;
  readonly text: string;
  readonly direct: boolean;
  readonly sources: readonly SourceRef[];
}

/** The signed checkpoint a bulletin was made at, with the witnesses' cosignatures known now. */
export interface BulletinCheckpoint {
  readonly origin: string;
  readonly size: number;
  /** The tree's root hash, base64 as in the checkpoint. */
  readonly root: string;
  /** The C2SP signed note with the cosignature lines known now appended. */
  readonly note: string;
  /** Which witnesses cosigned it, and when (unix seconds). */
  readonly cosignedBy: readonly { readonly witness: string; readonly time: number }[];
}

export interface BulletinInputs {
  readonly date: string;
  readonly mission: { readonly name: string; readonly slug: string } | null;
  readonly agreement: { readonly title: string; readonly slug: string } | null;
  readonly incidents: readonly BulletinIncident[];
  /** Incidents recorded that day that no report dates: on no day, so reported apart. */
  readonly undated: readonly BulletinIncident[];
  readonly activity: Activity | null;
  readonly totals: ActivityTotals | null;
  readonly postsOpen: number | null;
  readonly commitments: readonly Compliance[];
  readonly statements: readonly BulletinStatement[];
  readonly auditHead: { readonly seq: number; readonly hash: string };
  /** Null when no checkpoint was ever signed (no center key). */
  readonly checkpoint: BulletinCheckpoint | null;
}

/** A day in the bulletins' index (`bulletinIndex` in bulletin-index-store.ts), and what it holds. */
export interface BulletinDay {
  readonly date: string;
  /** Incidents dated on the day (violations among them). */
  readonly incidents: number;
  readonly violations: number;
  /** Incidents recorded that day that no report dates. */
  readonly undated: number;
  readonly statements: number;
  /** Whether the mission filed its activity for the day. */
  readonly activity: boolean;
}

export interface BulletinIndexPage {
  readonly days: readonly BulletinDay[];
  /** The `before` that gives the next (older) page; null on the last page. */
  readonly next: string | null;
}

export type Attribution = 'attributed' | 'alleged' | 'disputed' | 'not_attributed';

export interface ViolationItem extends BulletinIncident {
  readonly attribution: Attribution;
}

export interface AreaViolations {
  readonly area: string;
  readonly count: number;
  readonly killed: number;
  readonly injured: number;
  readonly items: readonly ViolationItem[];
}

export interface Bulletin {
  readonly date: string;
  readonly title: string;
  readonly mission: BulletinInputs['mission'];
  readonly agreement: BulletinInputs['agreement'];
  readonly violations: {
    readonly total: number;
    readonly killed: number;
    readonly injured: number;
    readonly byArea: readonly AreaViolations[];
  };
  readonly otherEvents: readonly BulletinIncident[];
  /** Recorded this day, date not stated: never counted as the day's events. */
  readonly undated: readonly BulletinIncident[];
  readonly activity: {
    readonly day: Activity | null;
    readonly totals: ActivityTotals | null;
    readonly postsOpen: number | null;
  };
  readonly commitments: {
    readonly dueSoon: readonly Compliance[];
    readonly overdue: readonly Compliance[];
    readonly violated: readonly Compliance[];
    readonly fulfilledToday: readonly Compliance[];
  };
  readonly statements: readonly BulletinStatement[];
  readonly auditHead: BulletinInputs['auditHead'];
  readonly checkpoint: BulletinCheckpoint | null;
}

/** Incident kinds a bulletin counts as ceasefire violations (the vocabulary's `isBreach`). */
export const VIOLATION_KINDS: ReadonlySet<IncidentKind> = kindsWhere((k) => k.isBreach);

/** How far ahead a commitment counts as "falling due". */
export const DUE_SOON_DAYS = 7;

/**
 * How far an incident's attribution goes: confirmed with an actor → attributed; disputed → disputed;
 * otherwise alleged, or not attributed when no actor is named.
 *
 * @example attributionOf({ status: 'candidate', actor1: 'Armed forces of a party' }) === 'alleged'
 */
export function attributionOf(incident: Pick<BulletinIncident, 'status' | 'actor1'>): Attribution {
  if (incident.status === 'disputed') return 'disputed';
  if (incident.actor1 === null) return 'not_attributed';
  return incident.status === 'confirmed' ? 'attributed' : 'alleged';
}

const sumOf = (items: readonly BulletinIncident[], pick: (i: BulletinIncident) => number) =>
  items.reduce((total, i) => total + pick(i), 0);

function byArea(items: readonly ViolationItem[]): AreaViolations[] {
  const areas = new Map<string, ViolationItem[]>();
  for (const item of items) {
    const area = item.area ?? item.placeName ?? 'area not stated';
    areas.set(area, [...(areas.get(area) ?? []), item]);
  }
  return [...areas.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, list]) => ({
      area,
      count: list.length,
      killed: sumOf(list, (i) => i.killed),
      injured: sumOf(list, (i) => i.injured),
      items: list,
    }));
}

/**
 * Builds the day's bulletin: violations by area with casualties and attribution, other events,
 * the mission's activity, commitments falling due or overdue, statements, the audit head and
 * the signed checkpoint.
 *
 * @example buildBulletin(inputs).violations.total
 */
export function buildBulletin(inputs: BulletinInputs): Bulletin {
  const live = inputs.incidents.filter((i) => i.status !== 'rejected' && i.status !== 'merged');
  const violations = live
    .filter((i) => VIOLATION_KINDS.has(i.kind))
    .map((i) => ({ ...i, attribution: attributionOf(i) }));
  const pending = (c: Compliance) => c.status === 'pending' || c.status === 'in_progress';
  return {
    date: inputs.date,
    title: `${inputs.mission?.name ?? 'Monitoring'} bulletin for ${inputs.date}`,
    mission: inputs.mission,
    agreement: inputs.agreement,
    violations: {
      total: violations.length,
      killed: sumOf(violations, (i) => i.killed),
      injured: sumOf(violations, (i) => i.injured),
      byArea: byArea(violations),
    },
    otherEvents: live.filter((i) => !VIOLATION_KINDS.has(i.kind)),
    undated: inputs.undated.filter((i) => i.status !== 'rejected' && i.status !== 'merged'),
    activity: { day: inputs.activity, totals: inputs.totals, postsOpen: inputs.postsOpen },
    commitments: {
      dueSoon: inputs.commitments.filter(
        (c) => pending(c) && c.daysLeft !== null && c.daysLeft >= 0 && c.daysLeft <= DUE_SOON_DAYS,
      ),
      overdue: inputs.commitments.filter((c) => c.status === 'overdue'),
      violated: inputs.commitments.filter((c) => c.status === 'violated'),
      fulfilledToday: inputs.commitments.filter(
        (c) => c.status === 'fulfilled' && c.lastAssessment?.asOf === inputs.date,
      ),
    },
    statements: inputs.statements,
    auditHead: inputs.auditHead,
    checkpoint: inputs.checkpoint,
  };
}
