/** The agreement's shapes as `GET /api/agreements/status` answers them (src/server/schemas/agreement.ts). */
export interface Deadline {
  readonly date: string;
  readonly timeZone: string;
  readonly inclusive: boolean;
}

export interface Evidence {
  readonly kind: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
}

export interface Amendment {
  readonly decidedOn: string;
  readonly previous: Deadline | null;
  readonly deadline: Deadline;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export interface Assessment {
  readonly asOf: string;
  readonly status: string;
  readonly score: number;
  readonly note: string | null;
  readonly assessedBy: string;
  readonly evidence: readonly Evidence[];
}

export interface IncidentLink {
  readonly incidentId: number;
  readonly effect: string;
  readonly incidentDate: string | null;
  readonly incidentStatus: string;
  readonly incidentTitle: string;
  readonly note: string | null;
}

export interface Commitment {
  readonly clause: string;
  readonly title: string;
  readonly status: string;
  readonly score: number;
  readonly scoreLabel: string;
  readonly basis: string;
  readonly obligors: readonly string[];
  readonly deadline: Deadline | null;
  readonly originalDeadline: Deadline | null;
  readonly daysLeft: number | null;
  readonly violations: number;
  readonly history: {
    readonly amendments: readonly Amendment[];
    readonly assessments: readonly Assessment[];
    readonly links: readonly IncidentLink[];
  };
}

export interface Implementation {
  readonly commitments: number;
  readonly score: number;
  readonly maxScore: number;
  readonly percent: number;
}

export interface AgreementStatus {
  readonly agreement: {
    readonly slug: string;
    readonly title: string;
    readonly signedOn: string | null;
    readonly timeZone: string;
  };
  readonly asOf: { readonly date: string };
  readonly commitments: readonly Commitment[];
  readonly implementation: Implementation;
  readonly byParty: Readonly<Record<string, Implementation>>;
}
