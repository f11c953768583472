import type { ActivityInput } from '../agreement/activity.js';
import type { DemoEvent } from './nk-2020-events.js';
import type { DemoScript } from './script.js';
import { DEMO_SOURCES } from './sources.js';

/**
 * A few weeks under the Package of Measures of 12 February 2015, summarised in our own words
 * from public reporting: the fighting at Debaltseve after the ceasefire hour, the first exchange
 * of detainees, and the sides' announcements that the withdrawal of heavy weapons had begun.
 * The mission's activity days are illustrative, not its published figures.
 */
const news = DEMO_SOURCES.news;
const UA = 'Armed Forces of Ukraine';
const DPR = 'Armed formations of the DPR';
const LPR = 'Armed formations of the LPR';
const SMM = 'OSCE Special Monitoring Mission';

const EVENTS: readonly DemoEvent[] = [
  {
    key: 'debaltseve',
    incident: {
      kind: 'armed_clash',
      title: 'Fighting around Debaltseve goes on after the ceasefire hour',
      summary:
        'Heavy fighting for the rail hub of Debaltseve continued after midnight on 15 February; Ukrainian forces pulled out of the town on 18 February.',
      dateStart: '2015-02-15',
      dateEnd: '2015-02-18',
      placeName: 'Debaltseve',
      country: 'UA',
      admin1: 'Donetsk region',
      lat: 48.34,
      lon: 38.4,
      geoPrecision: 'near',
      actor1: DPR,
      actor2: UA,
      status: 'confirmed',
    },
    sources: [news(SMM, 'Daily report: shelling and fighting in and around Debaltseve', '2015-02-16')],
    links: [{ clause: '1', effect: 'violates', note: 'fighting after 00:00 Kyiv time on 15 February' }],
  },
  {
    key: 'first-exchange',
    incident: {
      kind: 'prisoner_exchange',
      title: 'Detainees exchanged in the Luhansk region',
      summary:
        'The Ukrainian side and the armed formations of the Luhansk region exchanged detained people; more than a hundred Ukrainian servicemen came back.',
      dateStart: '2015-02-21',
      dateEnd: '2015-02-21',
      placeName: 'Luhansk region',
      country: 'UA',
      admin1: 'Luhansk region',
      lat: 48.6,
      lon: 38.7,
      geoPrecision: 'region',
      actor1: UA,
      actor2: LPR,
      status: 'confirmed',
    },
    sources: [news('Security Service of Ukraine', 'Servicemen released in an exchange', '2015-02-21')],
    links: [{ clause: '6', effect: 'implements', note: 'a first exchange, not yet all for all' }],
  },
  {
    key: 'withdrawal-announced',
    incident: {
      kind: 'withdrawal',
      title: 'The armed formations say they have begun pulling back heavy weapons',
      summary:
        'Leaders of the armed formations announced that heavy weapons were being moved back from the contact line; the OSCE said it could not yet verify the movements.',
      dateStart: '2015-02-24',
      dateEnd: '2015-02-24',
      placeName: 'Contact line (Donbas)',
      country: 'UA',
      admin1: 'Donetsk region',
      lat: 48.2,
      lon: 38,
      geoPrecision: 'region',
      actor1: DPR,
      actor2: null,
      status: 'under_review',
    },
    sources: [news(SMM, 'Statement on the announced withdrawal of heavy weapons', '2015-02-24')],
    links: [{ clause: '2a', effect: 'implements', note: 'after the second day; movements not yet verified' }],
  },
  {
    key: 'ukraine-withdrawal',
    incident: {
      kind: 'withdrawal',
      title: 'Ukraine begins withdrawing 100 mm guns from the contact line',
      summary:
        'The Ukrainian General Staff said the first artillery of 100 mm calibre was being pulled back, and that the OSCE had been informed of the routes.',
      dateStart: '2015-02-26',
      dateEnd: '2015-02-26',
      placeName: 'Contact line (Donbas)',
      country: 'UA',
      admin1: 'Donetsk region',
      lat: 48.2,
      lon: 38,
      geoPrecision: 'region',
      actor1: UA,
      actor2: null,
      status: 'under_review',
    },
    sources: [
      news('General Staff of the Armed Forces of Ukraine', 'Withdrawal of artillery begins', '2015-02-26'),
    ],
    links: [{ clause: '2a', effect: 'implements', note: 'after the second day' }],
  },
];

type Row = readonly [day: string, patrols: number, areas: readonly string[]];
const ROWS: readonly Row[] = [
  ['2015-02-16', 6, ['Donetsk', 'Luhansk', 'Mariupol']],
  ['2015-02-20', 7, ['Donetsk', 'Luhansk', 'Mariupol', 'Kramatorsk']],
  ['2015-02-25', 8, ['Donetsk', 'Luhansk', 'Mariupol', 'Shyrokyne']],
  ['2015-03-01', 9, ['Donetsk', 'Luhansk', 'Mariupol', 'Horlivka', 'Stanytsia Luhanska']],
];

const ACTIVITY: readonly ActivityInput[] = ROWS.map(([day, patrols, patrolAreas]) => ({
  day,
  patrols,
  patrolAreas: [...patrolAreas],
  notes: 'Illustrative record for the demo, not the mission’s published figures.',
  sources: [news(SMM, 'Daily report', day)],
}));

/** The Donbas demo: its agreement and mission come from the `donbas-2015` pack. */
export const DONBAS_2015_RECORD: DemoScript = {
  events: EVENTS,
  amendments: [],
  assessments: [],
  statements: [],
  activity: ACTIVITY,
  articles: [],
};
