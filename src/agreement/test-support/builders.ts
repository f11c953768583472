import type { Activity } from '../activity.js';
import type { Amendment, Assessment, Commitment, IncidentLink } from '../commitment.js';
import type { CommitmentFacts } from '../compliance.js';
import type { Mandate } from '../mandate.js';

let counter = 0;
const next = () => (counter += 1);

/** A handover commitment due by 20 Nov 2020 (Moscow time); override what the test is about. */
export function buildCommitment(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: next(),
    agreementId: 1,
    clause: '2',
    title: 'Aghdam district returned',
    kind: 'territorial_handover',
    obligors: ['AM'],
    places: ['Aghdam'],
    texts: [{ publisher: 'Test', language: 'en', text: 'Returned by 20 November.', url: null, note: null }],
    deadline: { date: '2020-11-20', timeZone: 'Europe/Moscow', inclusive: true },
    parameters: [],
    term: null,
    monitors: [],
    ...overrides,
  };
}

export function buildAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: next(),
    asOf: '2020-11-20',
    status: 'fulfilled',
    score: 3,
    evidence: [
      { kind: 'note', title: 'Observed', publisher: null, url: null, published: null, incidentId: null },
    ],
    note: null,
    assessedBy: 'analyst:test',
    ...overrides,
  };
}

export function buildAmendment(overrides: Partial<Amendment> = {}): Amendment {
  return {
    id: next(),
    decidedOn: '2020-11-15',
    previous: { date: '2020-11-15', timeZone: 'Europe/Moscow', inclusive: true },
    deadline: { date: '2020-11-25', timeZone: 'Europe/Moscow', inclusive: true },
    reason: 'Parties agreed a delay',
    evidence: [],
    ...overrides,
  };
}

export function buildLink(overrides: Partial<IncidentLink> = {}): IncidentLink {
  return {
    incidentId: next(),
    effect: 'violates',
    incidentDate: '2020-11-18',
    incidentRecorded: '2020-11-19',
    incidentStatus: 'confirmed',
    incidentTitle: 'Exchange of fire',
    note: null,
    ...overrides,
  };
}

export function buildFacts(overrides: Partial<CommitmentFacts> = {}): CommitmentFacts {
  return {
    commitment: buildCommitment(),
    amendments: [],
    assessments: [],
    links: [],
    timeZone: 'Europe/Moscow',
    inForceFrom: new Date('2020-11-09T21:00:00Z'),
    ...overrides,
  };
}

/** Five years from 10 Nov 2020, renewing for five, six months' notice, the 10 November ceilings. */
export function buildMandate(overrides: Partial<Mandate> = {}): Mandate {
  return {
    startsOn: '2020-11-10',
    termYears: 5,
    termMonths: null,
    renewalYears: 5,
    renewalMonths: null,
    noticeMonths: 6,
    ceilings: { personnel: 1960, armouredVehicles: 90, otherVehicles: 380 },
    notices: [],
    decisions: [],
    ...overrides,
  };
}

export function buildActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    day: '2020-11-20',
    personnel: null,
    armouredVehicles: null,
    otherVehicles: null,
    observationPosts: null,
    patrols: 0,
    patrolAreas: [],
    escortCorridor: null,
    escortVehicles: 0,
    escortPeople: 0,
    returned: 0,
    deminedHectares: 0,
    deminedRoadKm: 0,
    deminedBuildings: 0,
    explosiveItems: 0,
    humanitarianTonnes: 0,
    violationsRecorded: 0,
    notes: null,
    sources: [],
    ...overrides,
  };
}
