import { DEMO_SOURCES } from './sources.js';
import { AM, AZ, NOVEMBER_EVENTS, RU, handover, type DemoEvent } from './nk-2020-events.js';

/** December 2020 onwards: the Lachin handover, the Hadrut fighting, the first exchange, the joint center. */
const news = DEMO_SOURCES.news;

const LATER_EVENTS: readonly DemoEvent[] = [
  handover('lachin', 'Lachin / Berdzor', '2020-12-01', '6b', 39.64, 46.547),
  {
    key: 'hadrut-clash',
    incident: {
      kind: 'armed_clash',
      title: 'Fighting near Hin Tagher and Khtsaberd in the Hadrut area',
      summary:
        'The first serious fighting since the ceasefire: each side blamed the other. Azerbaijan reported soldiers killed; Armenian servicemen were taken captive.',
      dateStart: '2020-12-11',
      dateEnd: '2020-12-13',
      placeName: 'Hin Tagher / Khtsaberd',
      // ACLED codes events in Nagorno-Karabakh under Azerbaijan.
      country: 'AZ',
      admin1: 'Hadrut / Khojavend',
      lat: 39.55,
      lon: 47.015,
      geoPrecision: 'near',
      actor1: AZ,
      actor2: AM,
      status: 'confirmed',
      casualties: [
        {
          category: 'killed',
          population: 'Azerbaijan',
          low: 4,
          best: 4,
          high: 4,
          qualifier: 'exact',
          claimant: 'Ministry of Defence of Azerbaijan',
          asOf: '2020-12-13',
        },
        {
          category: 'detained',
          population: 'Armenia',
          low: 12,
          best: null,
          high: null,
          qualifier: 'dozens',
          claimant: 'news reports',
          asOf: '2020-12-15',
        },
      ],
    },
    sources: [
      news(
        'Ministry of Defence of Azerbaijan',
        'Servicemen killed in an attack in the Hadrut area',
        '2020-12-13',
      ),
      news(
        'Ministry of Defence of Armenia',
        'Statement on Azerbaijani offensive near Hin Tagher and Khtsaberd',
        '2020-12-12',
      ),
    ],
    links: [
      { clause: '1', effect: 'violates', note: 'Each side accuses the other of starting the fighting.' },
    ],
  },
  {
    key: 'prisoner-exchange',
    incident: {
      kind: 'prisoner_exchange',
      title: 'First exchange of prisoners between Armenia and Azerbaijan, mediated by Russia',
      summary: 'Reported as 44 people returned to Armenia and 12 to Azerbaijan.',
      dateStart: '2020-12-14',
      dateEnd: '2020-12-14',
      placeName: 'Nagorno-Karabakh',
      // ACLED codes events in Nagorno-Karabakh under Azerbaijan.
      country: 'AZ',
      admin1: 'Nagorno-Karabakh',
      geoPrecision: 'region',
      actor1: 'Government of Armenia',
      actor2: 'Government of Azerbaijan',
      status: 'confirmed',
    },
    sources: [news('Armenpress', 'Prisoners return to Armenia in the first exchange', '2020-12-14')],
    links: [{ clause: '8', effect: 'implements' }],
  },
  {
    key: 'jmc-opens',
    incident: {
      kind: 'deployment',
      title: 'The Russian-Turkish Joint Monitoring Center opens near Giyamaddinli / Kiyamaddinli',
      dateStart: '2021-01-30',
      dateEnd: '2021-01-30',
      placeName: 'Giyamaddinli / Kiyamaddinli',
      country: 'AZ',
      admin1: 'Aghdam',
      lat: 40.0,
      lon: 47.03,
      geoPrecision: 'near',
      actor1: RU,
      actor2: 'Military Forces of Turkey',
      status: 'confirmed',
    },
    sources: [
      news(
        'Ministry of Defence of Russia',
        'Opening of the joint monitoring center in Aghdam district',
        '2021-01-30',
      ),
    ],
    links: [{ clause: '5', effect: 'implements' }],
  },
];

/** Every demo incident, in date order. */
export const DEMO_EVENTS: readonly DemoEvent[] = [...NOVEMBER_EVENTS, ...LATER_EVENTS];
