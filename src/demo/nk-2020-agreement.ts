import type { AgreementInput, CommitmentInput } from '../agreement/commitment.js';
import { DEMO_SOURCES, type PublishedText } from './sources.js';

/**
 * The statement of 10 November 2020 on Nagorno-Karabakh, clause by clause. Texts are paraphrases
 * by the Truce authors, one per publisher where the published texts differ (place names, "by"
 * versus "before"); read the publishers' own texts at the linked addresses.
 */
export const DEMO_AGREEMENT_SLUG = 'nagorno-karabakh-2020-11-10';
export const DEMO_TIME_ZONE = 'Europe/Moscow';

const { am, az, ru } = DEMO_SOURCES.texts;
const PARAPHRASE = 'paraphrase by the Truce authors';
const deadline = (date: string, inclusive = true) => ({ date, timeZone: DEMO_TIME_ZONE, inclusive });
const text = (source: PublishedText, body: string, note: string | null = null) => ({
  publisher: source.publisher,
  language: 'en',
  text: body,
  url: source.url,
  note: note ? `${PARAPHRASE}; ${note}` : PARAPHRASE,
});
const parties = ['Armenia', 'Azerbaijan'];

const handovers: CommitmentInput[] = [
  {
    clause: '2',
    title: 'Aghdam district returned to Azerbaijan',
    kind: 'territorial_handover',
    obligors: ['Armenia'],
    places: ['Aghdam'],
    deadline: deadline('2020-11-20'),
    texts: [
      text(am, 'Armenia returns the Aghdam region to Azerbaijan by 20 November 2020.', 'says "by"'),
      text(az, 'The Aghdam district goes back to Azerbaijan before 20 November 2020.', 'says "before"'),
      text(ru, 'Agdam District is handed back to Azerbaijan before 20 November 2020.', 'spells "Agdam"'),
    ],
  },
  {
    clause: '6a',
    title: 'Kalbajar district returned to Azerbaijan',
    kind: 'territorial_handover',
    obligors: ['Armenia'],
    places: ['Kalbajar / Kelbajar'],
    deadline: deadline('2020-11-15', false),
    texts: [
      text(
        am,
        'Armenia hands Kelbajar district back to Azerbaijan, with 15 November 2020 as the date.',
        'spells "Kelbajar"',
      ),
      text(
        az,
        'Armenia returns Kalbajar district to Azerbaijan before 15 November 2020.',
        'spells "Kalbajar"',
      ),
    ],
  },
  {
    clause: '6b',
    title: 'Lachin district returned to Azerbaijan',
    kind: 'territorial_handover',
    obligors: ['Armenia'],
    places: ['Lachin / Berdzor'],
    deadline: deadline('2020-12-01'),
    texts: [
      text(am, 'Armenia returns Lachin district to Azerbaijan by 1 December 2020.'),
      text(az, 'Armenia returns Lachin district to Azerbaijan by 1 December 2020.'),
    ],
  },
];

const deployment: CommitmentInput[] = [
  {
    clause: '3',
    title: 'Russian peacekeeping contingent deployed along the line of contact and the Lachin corridor',
    kind: 'deployment',
    obligors: ['Russia'],
    places: ['line of contact', 'Lachin corridor'],
    parameters: [
      { name: 'personnel', value: 1960, unit: 'military personnel with small arms' },
      { name: 'armoured personnel carriers', value: 90, unit: 'vehicles' },
      { name: 'other vehicles', value: 380, unit: 'automobile and special vehicles' },
    ],
    texts: [
      text(
        az,
        'Russia deploys peacekeepers along the line of contact and the Lachin corridor: 1,960 troops with small arms, 90 armoured personnel carriers and 380 other vehicles.',
      ),
    ],
  },
  {
    clause: '4a',
    title: 'Armenian armed forces withdraw in parallel with the deployment',
    kind: 'withdrawal',
    obligors: ['Armenia'],
    texts: [text(az, 'The peacekeepers deploy at the same pace as the Armenian armed forces withdraw.')],
  },
  {
    clause: '4b',
    title: 'Peacekeeping deployment for five years, renewed automatically unless notice is given',
    kind: 'deployment_term',
    obligors: ['Russia', 'Armenia', 'Azerbaijan'],
    term: { startsOn: '2020-11-10', years: 5, renewalYears: 5, noticeMonths: 6 },
    texts: [
      text(
        az,
        'The contingent stays five years; the term renews for five more years at a time unless a party announces, six months before it ends, that it wants to stop applying this provision.',
      ),
    ],
  },
  {
    clause: '5',
    title: 'A peacekeeping centre deployed to control the ceasefire',
    kind: 'monitoring_mechanism',
    obligors: ['Russia'],
    monitors: ['Russian-Turkish Joint Monitoring Center'],
    texts: [
      text(
        az,
        'A peacekeeping centre is set up to control the ceasefire and make oversight of the commitments more effective.',
      ),
      text(
        ru,
        'A peacekeeping centre is deployed to verify the ceasefire.',
        'calls it a verification centre',
      ),
    ],
  },
];

const corridors: CommitmentInput[] = [
  {
    clause: '6c',
    title: 'Lachin corridor, 5 km wide, under the peacekeepers, not affecting Shusha / Shushi',
    kind: 'corridor_control',
    obligors: ['Russia'],
    places: ['Lachin corridor', 'Shusha / Shushi'],
    parameters: [{ name: 'corridor width', value: 5, unit: 'km' }],
    texts: [
      text(
        az,
        'A Lachin corridor 5 km wide links Nagorno-Karabakh with Armenia, leaves out the city of Shusha and is controlled by the Russian peacekeepers.',
        'spells "Shusha"',
      ),
      text(
        am,
        'A 5 km Lachin corridor connects Nagorno-Karabakh and Armenia without affecting Shushi and stays under the peacekeepers.',
        'spells "Shushi"',
      ),
    ],
  },
  {
    clause: '6d',
    title: 'A plan for a new route along the Lachin corridor within three years',
    kind: 'route_construction',
    obligors: parties,
    places: ['Lachin corridor'],
    deadline: deadline('2023-11-10'),
    parameters: [{ name: 'plan within', value: 3, unit: 'years' }],
    texts: [
      text(
        az,
        'Within three years the parties agree a plan for a new road along the corridor; the peacekeepers then move to guard it.',
      ),
    ],
  },
  {
    clause: '6e',
    title: 'Azerbaijan guarantees safe movement along the Lachin corridor',
    kind: 'security_guarantee',
    obligors: ['Azerbaijan'],
    places: ['Lachin corridor'],
    texts: [
      text(
        az,
        'Azerbaijan guarantees the safety of people, vehicles and goods using the corridor in both directions.',
      ),
    ],
  },
];

const people: CommitmentInput[] = [
  {
    clause: '7',
    title: 'Return of displaced people under UNHCR supervision',
    kind: 'return_of_displaced',
    obligors: parties,
    monitors: ['UNHCR'],
    texts: [
      text(
        ru,
        'Internally displaced people and refugees go back to Nagorno-Karabakh and the districts around it, supervised by UNHCR.',
      ),
    ],
  },
  {
    clause: '8',
    title: 'Exchange of prisoners of war, hostages, other detainees and bodies',
    kind: 'exchange_of_detainees_and_remains',
    obligors: parties,
    texts: [
      text(
        ru,
        'The parties exchange prisoners of war, hostages, other detained people and the bodies of the dead.',
      ),
    ],
  },
  {
    clause: '9a',
    title: 'All economic and transport links in the region unblocked',
    kind: 'unblock_transport',
    obligors: parties,
    texts: [text(ru, 'Every economic and transport link in the region is unblocked.')],
  },
  {
    clause: '9b',
    title:
      'Armenia guarantees the route between western Azerbaijan and Nakhchivan, under FSB border service control',
    kind: 'security_guarantee',
    obligors: ['Armenia'],
    places: ['Nakhchivan'],
    monitors: ['Border Guard Service of the FSB of Russia'],
    texts: [
      text(
        ru,
        'Armenia guarantees safe transport between the western regions of Azerbaijan and Nakhchivan in both directions; the border guards of Russia’s FSB control the traffic.',
      ),
    ],
  },
];

export const DEMO_AGREEMENT: AgreementInput = {
  slug: DEMO_AGREEMENT_SLUG,
  title: 'Statement by the leaders of Azerbaijan, Armenia and Russia, 10 November 2020',
  signedOn: '2020-11-10',
  effectiveAt: '2020-11-10T00:00:00+03:00',
  timeZone: DEMO_TIME_ZONE,
  parties: ['Armenia', 'Azerbaijan', 'Russia'],
  texts: [am, az, ru].map((s) => ({ publisher: s.publisher, language: 'en', title: s.title, url: s.url })),
  commitments: [
    {
      clause: '1',
      title: 'Complete ceasefire from 00:00 Moscow time on 10 November 2020; the parties stay in place',
      kind: 'ceasefire',
      obligors: parties,
      places: ['Nagorno-Karabakh conflict zone'],
      texts: [
        text(
          ru,
          'All hostilities stop from midnight Moscow time on 10 November 2020; Armenia and Azerbaijan remain where they are.',
        ),
        text(
          am,
          'A full ceasefire from midnight Moscow time on 10 November 2020; the parties stop at the positions they hold.',
        ),
      ],
    },
    ...handovers,
    ...deployment,
    ...corridors,
    ...people,
  ],
};
