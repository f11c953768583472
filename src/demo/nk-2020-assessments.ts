import type { AmendmentInput, AssessedStatus, Evidence } from '../agreement/commitment.js';
import { DEMO_SOURCES } from './sources.js';

/** What the demo center recorded about the commitments: one amendment, and a status history with evidence. */

/** The statement's deadlines are read in Moscow time (its own time zone in the pack). */
const DEMO_TIME_ZONE = 'Europe/Moscow';

export const DEMO_AMENDMENTS: readonly AmendmentInput[] = [
  {
    clause: '6a',
    decidedOn: '2020-11-15',
    deadline: { date: '2020-11-25', timeZone: DEMO_TIME_ZONE, inclusive: true },
    reason:
      'Azerbaijan agreed to an Armenian request to delay the Kalbajar handover by ten days, citing the evacuation of residents.',
    evidence: [
      DEMO_SOURCES.news(
        'Office of the President of Azerbaijan',
        'Kalbajar handover moved to 25 November',
        '2020-11-15',
      ),
    ],
  },
];

export interface DemoAssessment {
  readonly clause: string;
  readonly asOf: string;
  readonly status: AssessedStatus;
  readonly score: 0 | 1 | 2 | 3;
  readonly note: string | null;
  /** Keys of demo incidents cited as evidence, besides `sources`. */
  readonly incidents: readonly string[];
  readonly sources: readonly Evidence[];
}

const rpc = DEMO_SOURCES.rpcBulletin;

export const DEMO_ASSESSMENTS: readonly DemoAssessment[] = [
  {
    clause: '1',
    asOf: '2020-11-10',
    status: 'in_progress',
    score: 2,
    note: 'Fighting stopped at midnight Moscow time; positions held.',
    incidents: [],
    sources: [rpc('2020-11-10')],
  },
  {
    clause: '3',
    asOf: '2020-11-10',
    status: 'in_progress',
    score: 2,
    note: 'Deployment under way along the line of contact and the corridor.',
    incidents: ['deployment-begins'],
    sources: [],
  },
  {
    clause: '4b',
    asOf: '2020-11-10',
    status: 'in_progress',
    score: 3,
    note: 'The five-year term is running from 10 November 2020.',
    incidents: ['deployment-begins'],
    sources: [],
  },
  {
    clause: '4a',
    asOf: '2020-11-14',
    status: 'in_progress',
    score: 1,
    note: 'Armenian units leaving the districts to be returned.',
    incidents: [],
    sources: [rpc('2020-11-14')],
  },
  {
    clause: '7',
    asOf: '2020-11-14',
    status: 'in_progress',
    score: 1,
    note: 'Returns to Nagorno-Karabakh escorted by the peacekeepers; no UNHCR supervision yet.',
    incidents: ['first-returns'],
    sources: [],
  },
  {
    clause: '2',
    asOf: '2020-11-20',
    status: 'fulfilled',
    score: 3,
    note: 'Handover completed on the deadline day.',
    incidents: ['aghdam'],
    sources: [],
  },
  {
    clause: '6a',
    asOf: '2020-11-25',
    status: 'fulfilled',
    score: 3,
    note: 'Handover completed on the amended date.',
    incidents: ['kalbajar'],
    sources: [],
  },
  {
    clause: '6b',
    asOf: '2020-12-01',
    status: 'fulfilled',
    score: 3,
    note: 'Handover completed on the deadline day.',
    incidents: ['lachin'],
    sources: [],
  },
  {
    clause: '6c',
    asOf: '2020-12-01',
    status: 'fulfilled',
    score: 3,
    note: 'Corridor under the peacekeepers, bypassing Shusha / Shushi.',
    incidents: [],
    sources: [rpc('2020-12-01')],
  },
  {
    clause: '4a',
    asOf: '2020-12-01',
    status: 'disputed',
    score: 2,
    note: 'Withdrawal from the three districts is complete; whether the clause also covers Armenian forces inside Nagorno-Karabakh is disputed between the parties.',
    incidents: ['lachin'],
    sources: [],
  },
  {
    clause: '8',
    asOf: '2020-12-14',
    status: 'in_progress',
    score: 2,
    note: 'First exchange done; more detainees and remains still to be exchanged.',
    incidents: ['prisoner-exchange'],
    sources: [],
  },
  {
    clause: '5',
    asOf: '2021-01-30',
    status: 'fulfilled',
    score: 3,
    note: 'The joint Russian-Turkish center is working.',
    incidents: ['jmc-opens'],
    sources: [],
  },
];

export interface DemoStatement {
  readonly speaker: string;
  readonly office: string;
  readonly saidOn: string;
  /** What was said, in our words: reported speech, not a quotation. */
  readonly text: string;
  readonly source: Evidence;
}

const news = DEMO_SOURCES.news;

export const DEMO_STATEMENTS: readonly DemoStatement[] = [
  {
    speaker: 'Nikol Pashinyan',
    office: 'Prime Minister of Armenia',
    saidOn: '2020-11-10',
    text: 'Announced that he had signed the statement and described the decision as extremely painful for himself and for the people.',
    source: news('Government of Armenia', 'The Prime Minister on signing the statement', '2020-11-10'),
  },
  {
    speaker: 'Ilham Aliyev',
    office: 'President of Azerbaijan',
    saidOn: '2020-11-10',
    text: 'Presented the statement as Armenia’s capitulation and a victory for Azerbaijan.',
    source: news(
      'Office of the President of Azerbaijan',
      'Address to the nation on the statement',
      '2020-11-10',
    ),
  },
  {
    speaker: 'Hikmet Hajiyev',
    office: 'Assistant to the President of Azerbaijan',
    saidOn: '2020-11-15',
    text: 'Said Azerbaijan had agreed to move the Kalbajar handover to 25 November at Armenia’s request.',
    source: news(
      'Office of the President of Azerbaijan',
      'Kalbajar handover moved to 25 November',
      '2020-11-15',
    ),
  },
];
