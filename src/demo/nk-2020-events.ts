import type { IncidentInput } from '../record/schemas.js';
import type { IncidentEffect } from '../agreement/commitment.js';
import type { Evidence } from '../agreement/commitment.js';
import { DEMO_SOURCES } from './sources.js';

/**
 * Incidents of the first weeks under the statement, summarised in our own words from public
 * reporting, each with the commitments it bears on and the reports it rests on.
 */
export interface DemoEvent {
  readonly key: string;
  readonly incident: IncidentInput;
  /** The publications the event is summarised from: its citations when no demo text tells it. */
  readonly sources: readonly Evidence[];
  readonly links: readonly {
    readonly clause: string;
    readonly effect: IncidentEffect;
    readonly note?: string;
  }[];
}

const news = DEMO_SOURCES.news;
export const RU = 'Military Forces of Russia';
export const AZ = 'Military Forces of Azerbaijan';
export const AM = 'Military Forces of Armenia';

export const handover = (
  key: string,
  district: string,
  date: string,
  clause: string,
  lat: number,
  lon: number,
): DemoEvent => ({
  key,
  incident: {
    kind: 'territory_handover',
    title: `${district} district returned to Azerbaijan`,
    summary: `Armenian forces left ${district} district and Azerbaijani forces entered it, as the 10 November statement provides.`,
    dateStart: date,
    dateEnd: date,
    placeName: district,
    country: 'AZ',
    admin1: district,
    lat,
    lon,
    geoPrecision: 'district',
    actor1: AZ,
    actor2: AM,
    status: 'confirmed',
  },
  sources: [
    news('Ministry of Defence of Azerbaijan', `Azerbaijani army units enter ${district} district`, date),
    news('Reuters', `Handover of ${district} district to Azerbaijan`, date),
  ],
  links: [{ clause, effect: 'implements' }],
});

/** The first three weeks, 9 – 30 November 2020. */
export const NOVEMBER_EVENTS: readonly DemoEvent[] = [
  {
    key: 'helicopter',
    incident: {
      kind: 'aircraft_shot_down',
      title: 'Russian Mi-24 helicopter shot down over Armenia near the Nakhchivan border',
      summary:
        'Hours before the ceasefire, a Russian military helicopter was downed near Yeraskh; two crew died and one was hurt. Azerbaijan took responsibility, called it an accident and apologised.',
      dateStart: '2020-11-09',
      dateEnd: '2020-11-09',
      placeName: 'Yeraskh',
      country: 'AM',
      admin1: 'Ararat',
      lat: 39.76,
      lon: 44.79,
      geoPrecision: 'near',
      actor1: AZ,
      actor2: RU,
      status: 'confirmed',
      casualties: [
        {
          category: 'killed',
          population: 'Russia',
          low: 2,
          best: 2,
          high: 2,
          qualifier: 'exact',
          claimant: 'Ministry of Defence of Russia',
          asOf: '2020-11-09',
        },
        {
          category: 'injured',
          population: 'Russia',
          low: 1,
          best: 1,
          high: 1,
          qualifier: 'exact',
          claimant: 'Ministry of Defence of Russia',
          asOf: '2020-11-09',
        },
      ],
    },
    sources: [
      news('Ministry of Defence of Russia', 'Statement on the loss of an Mi-24 helicopter', '2020-11-09'),
    ],
    links: [],
  },
  {
    key: 'yerevan-unrest',
    incident: {
      kind: 'riot',
      title: 'Protesters force their way into government buildings in Yerevan',
      summary:
        'After the statement was announced, crowds opposed to it entered the government headquarters and the parliament; the speaker of parliament was beaten.',
      dateStart: '2020-11-10',
      dateEnd: '2020-11-10',
      placeName: 'Yerevan',
      country: 'AM',
      admin1: 'Yerevan',
      lat: 40.18,
      lon: 44.51,
      geoPrecision: 'exact',
      actor1: 'Rioters (Armenia)',
      status: 'confirmed',
    },
    sources: [news('Azatutyun (RFE/RL)', 'Unrest in Yerevan after the ceasefire announcement', '2020-11-10')],
    links: [],
  },
  {
    key: 'deployment-begins',
    incident: {
      kind: 'deployment',
      title: 'Russian peacekeepers begin deploying to Nagorno-Karabakh',
      summary:
        'The first units of the contingent crossed into the Lachin corridor and set up posts around Stepanakert / Khankendi.',
      dateStart: '2020-11-10',
      dateEnd: '2020-11-10',
      placeName: 'Stepanakert / Khankendi',
      // ACLED codes events in Nagorno-Karabakh under Azerbaijan.
      country: 'AZ',
      admin1: 'Nagorno-Karabakh',
      lat: 39.815,
      lon: 46.752,
      geoPrecision: 'near',
      actor1: RU,
      status: 'confirmed',
    },
    sources: [news('TASS', 'Peacekeeping contingent starts its deployment', '2020-11-10')],
    links: [{ clause: '3', effect: 'implements' }],
  },
  {
    key: 'jmc-memorandum',
    incident: {
      kind: 'agreement',
      title: 'Russia and Turkey sign a memorandum on a joint ceasefire monitoring center',
      dateStart: '2020-11-11',
      dateEnd: '2020-11-11',
      placeName: 'Aghdam district',
      country: 'AZ',
      admin1: 'Aghdam',
      geoPrecision: 'region',
      actor1: RU,
      actor2: 'Military Forces of Turkey',
      status: 'confirmed',
    },
    sources: [
      news(
        'Ministry of Defence of Turkey',
        'Memorandum on the joint monitoring center signed by the defence ministers',
        '2020-11-11',
      ),
    ],
    links: [{ clause: '5', effect: 'implements' }],
  },
  {
    key: 'first-returns',
    incident: {
      kind: 'return_of_displaced',
      title: 'First displaced residents return to Stepanakert / Khankendi under peacekeeper escort',
      dateStart: '2020-11-14',
      dateEnd: '2020-11-14',
      placeName: 'Stepanakert / Khankendi',
      // ACLED codes events in Nagorno-Karabakh under Azerbaijan.
      country: 'AZ',
      admin1: 'Nagorno-Karabakh',
      lat: 39.815,
      lon: 46.752,
      geoPrecision: 'exact',
      actor1: RU,
      status: 'confirmed',
    },
    sources: [DEMO_SOURCES.rpcBulletin('2020-11-14')],
    links: [
      {
        clause: '7',
        effect: 'implements',
        note: 'Returns escorted by the peacekeepers; UNHCR supervision not yet in place.',
      },
    ],
  },
  handover('aghdam', 'Aghdam', '2020-11-20', '2', 39.993, 46.93),
  {
    key: 'demining-begins',
    incident: {
      kind: 'demining',
      title: 'Russian engineers begin clearing mines and unexploded ordnance',
      dateStart: '2020-11-23',
      dateEnd: '2020-11-23',
      placeName: 'Stepanakert / Khankendi',
      // ACLED codes events in Nagorno-Karabakh under Azerbaijan.
      country: 'AZ',
      admin1: 'Nagorno-Karabakh',
      lat: 39.815,
      lon: 46.752,
      geoPrecision: 'near',
      actor1: RU,
      status: 'confirmed',
    },
    sources: [DEMO_SOURCES.rpcBulletin('2020-11-23')],
    links: [],
  },
  handover('kalbajar', 'Kalbajar / Kelbajar', '2020-11-25', '6a', 40.105, 46.038),
];
