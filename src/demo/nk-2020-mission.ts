import type { MissionInput } from '../agreement/mission-store.js';
import type { PostInput } from '../agreement/mission.js';
import { DEMO_AGREEMENT_SLUG } from './nk-2020-agreement.js';

/**
 * The Russian peacekeeping contingent under clauses 3–4 of the statement. Post positions are
 * approximate points near the named places, for illustration: the contingent did not publish its
 * posts' coordinates. Bulletins reported 23 observation posts in December 2020.
 */
export const DEMO_MISSION_SLUG = 'russian-peacekeeping-contingent-nk';

type PostRow = readonly [code: string, name: string, lat: number, lon: number, openedOn: string];

const POSTS: readonly PostRow[] = [
  ['OP-01', 'Stepanakert / Khankendi', 39.815, 46.752, '2020-11-11'],
  ['OP-02', 'Shusha / Shushi approaches', 39.765, 46.745, '2020-11-11'],
  ['OP-03', 'Lachin / Berdzor', 39.64, 46.547, '2020-11-11'],
  ['OP-04', 'Zabukh / Aghavno', 39.585, 46.47, '2020-11-12'],
  ['OP-05', 'Lachin corridor, western end', 39.52, 46.4, '2020-11-12'],
  ['OP-06', 'Lachin corridor, middle section', 39.7, 46.62, '2020-11-12'],
  ['OP-07', 'Askeran / Khojaly', 39.935, 46.83, '2020-11-12'],
  ['OP-08', 'Martakert / Aghdara', 40.1, 46.81, '2020-11-13'],
  ['OP-09', 'Martuni / Khojavend', 39.795, 47.115, '2020-11-13'],
  ['OP-10', 'Karmir Shuka / Qirmizi Bazar', 39.73, 47.0, '2020-11-13'],
  ['OP-11', 'Taghavard', 39.69, 47.02, '2020-11-13'],
  ['OP-12', 'Chartar', 39.78, 47.03, '2020-11-14'],
  ['OP-13', 'Talish', 40.18, 46.64, '2020-11-14'],
  ['OP-14', 'Mataghis / Sugovushan', 40.15, 46.7, '2020-11-14'],
  ['OP-15', 'Nakhichevanik', 39.9, 46.8, '2020-11-15'],
  ['OP-16', 'Khramort', 39.99, 46.88, '2020-11-16'],
  ['OP-17', 'Aghdam district line', 39.99, 46.92, '2020-11-20'],
  ['OP-18', 'Sarsang reservoir', 40.13, 46.57, '2020-11-25'],
  ['OP-19', 'Hin Tagher approaches', 39.56, 47.0, '2020-11-18'],
  ['OP-20', 'Khtsaberd approaches', 39.54, 47.03, '2020-11-18'],
  ['OP-21', 'Avetaranots / Chanakhchi', 39.77, 46.86, '2020-11-19'],
  ['OP-22', 'Mets Shen / Boyuk Galadarasi', 39.75, 46.68, '2020-11-21'],
  ['OP-23', 'Lachin corridor, Shusha / Shushi bypass', 39.73, 46.7, '2020-12-01'],
];

const posts: PostInput[] = POSTS.map(([code, name, lat, lon, openedOn]) => ({
  code,
  name: `Observation post ${code.slice(3)}: ${name}`,
  placeName: name,
  lat,
  lon,
  openedOn,
}));

export const DEMO_MISSION: MissionInput = {
  slug: DEMO_MISSION_SLUG,
  name: 'Russian peacekeeping contingent in Nagorno-Karabakh',
  agreementSlug: DEMO_AGREEMENT_SLUG,
  mandate: {
    startsOn: '2020-11-10',
    termYears: 5,
    renewalYears: 5,
    noticeMonths: 6,
    ceilings: { personnel: 1960, armouredVehicles: 90, otherVehicles: 380 },
  },
  units: [
    {
      name: 'Contingent headquarters',
      kind: 'headquarters',
      base: 'Stepanakert / Khankendi',
      fromDate: '2020-11-10',
    },
    {
      name: '15th Separate Motor Rifle Brigade (peacekeeping)',
      kind: 'infantry',
      base: 'Stepanakert / Khankendi',
      fromDate: '2020-11-10',
    },
    {
      name: 'International Mine Action Centre detachment',
      kind: 'demining',
      base: 'Stepanakert / Khankendi',
      fromDate: '2020-11-23',
    },
  ],
  posts,
};
