import type { ActivityInput } from '../agreement/activity.js';
import { DEMO_SOURCES } from './sources.js';

/**
 * Daily activity of the contingent, 14 November – 15 December 2020. The published anchors are kept:
 * returns counted from 14 November (more than 11,000 by 25 November, more than 26,000 by
 * 1 December), demining from 23 November. The day-by-day split between anchors is illustrative.
 */
type Row = readonly [
  day: string,
  patrols: number,
  escortVehicles: number,
  escortPeople: number,
  returned: number,
  hectares: number,
  roadKm: number,
  buildings: number,
  items: number,
  tonnes: number,
  violations: number,
];

const ROWS: readonly Row[] = [
  ['2020-11-14', 3, 40, 420, 350, 0, 0, 0, 0, 0, 0],
  ['2020-11-15', 3, 52, 610, 520, 0, 0, 0, 0, 0, 0],
  ['2020-11-16', 3, 61, 700, 610, 0, 0, 0, 0, 12.5, 0],
  ['2020-11-17', 4, 70, 830, 720, 0, 0, 0, 0, 0, 0],
  ['2020-11-18', 4, 78, 930, 810, 0, 0, 0, 0, 0, 0],
  ['2020-11-19', 4, 85, 1020, 900, 0, 0, 0, 0, 20, 0],
  ['2020-11-20', 4, 88, 1080, 950, 0, 0, 0, 0, 0, 0],
  ['2020-11-21', 4, 92, 1150, 1020, 0, 0, 0, 0, 0, 0],
  ['2020-11-22', 4, 97, 1240, 1100, 0, 0, 0, 0, 15, 0],
  ['2020-11-23', 4, 101, 1320, 1180, 6.2, 2.1, 9, 310, 0, 0],
  ['2020-11-24', 4, 108, 1400, 1260, 7.5, 2.8, 12, 420, 0, 0],
  ['2020-11-25', 4, 131, 1750, 1600, 8.1, 3.0, 14, 505, 30, 0],
  ['2020-11-26', 5, 180, 2480, 2300, 8.4, 3.2, 11, 460, 0, 0],
  ['2020-11-27', 5, 192, 2640, 2450, 9.0, 3.5, 15, 610, 0, 0],
  ['2020-11-28', 5, 201, 2790, 2600, 9.6, 3.1, 16, 580, 22.4, 0],
  ['2020-11-29', 5, 196, 2700, 2500, 10.2, 3.9, 13, 720, 0, 0],
  ['2020-11-30', 5, 205, 2850, 2650, 10.8, 4.2, 18, 690, 0, 0],
  ['2020-12-01', 5, 210, 2900, 2700, 11.0, 4.0, 17, 830, 40, 0],
  ['2020-12-02', 5, 150, 1650, 1500, 11.5, 4.4, 19, 760, 0, 0],
  ['2020-12-03', 5, 141, 1560, 1400, 12.0, 4.1, 20, 880, 0, 0],
  ['2020-12-04', 5, 133, 1450, 1300, 11.2, 3.8, 18, 640, 18, 0],
  ['2020-12-05', 5, 125, 1340, 1200, 10.6, 3.6, 16, 590, 0, 0],
  ['2020-12-06', 5, 118, 1230, 1100, 9.9, 3.3, 15, 520, 0, 0],
  ['2020-12-07', 5, 110, 1130, 1000, 9.4, 3.0, 14, 470, 25, 0],
  ['2020-12-08', 5, 104, 1070, 950, 9.0, 2.9, 12, 450, 0, 0],
  ['2020-12-09', 5, 99, 1010, 900, 8.7, 2.7, 13, 430, 0, 0],
  ['2020-12-10', 5, 95, 960, 850, 8.5, 2.6, 11, 400, 12.8, 0],
  ['2020-12-11', 6, 80, 790, 700, 7.9, 2.4, 10, 380, 0, 1],
  ['2020-12-12', 6, 61, 570, 500, 6.3, 2.0, 8, 300, 0, 1],
  ['2020-12-13', 6, 66, 620, 550, 7.0, 2.2, 9, 330, 0, 0],
  ['2020-12-14', 5, 89, 910, 800, 8.2, 2.5, 12, 410, 21, 0],
  ['2020-12-15', 5, 91, 930, 820, 8.4, 2.6, 12, 420, 0, 0],
];

/** Strength as the contingent reported it on some days (within the mandate's ceilings). */
const STRENGTH: Readonly<Record<string, readonly [number, number, number]>> = {
  '2020-11-14': [1960, 90, 380],
  '2020-11-21': [1960, 90, 380],
  '2020-12-01': [1960, 90, 380],
  '2020-12-12': [1960, 90, 380],
};

const PATROL_AREAS = [
  'Martakert / Aghdara',
  'Martuni / Khojavend',
  'Shusha / Shushi',
  'Lachin corridor',
  'Askeran / Khojaly',
  'Hadrut / Khojavend',
];

export const DEMO_ACTIVITY: readonly ActivityInput[] = ROWS.map(
  ([day, patrols, vehicles, people, returned, ha, km, buildings, items, tonnes, violations]) => {
    const strength = STRENGTH[day];
    return {
      day,
      personnel: strength?.[0] ?? null,
      armouredVehicles: strength?.[1] ?? null,
      otherVehicles: strength?.[2] ?? null,
      patrols,
      patrolAreas: PATROL_AREAS.slice(0, patrols),
      escortCorridor: 'Lachin corridor',
      escortVehicles: vehicles,
      escortPeople: people,
      returned,
      deminedHectares: ha,
      deminedRoadKm: km,
      deminedBuildings: buildings,
      explosiveItems: items,
      humanitarianTonnes: tonnes,
      violationsRecorded: violations,
      sources: [DEMO_SOURCES.rpcBulletin(day)],
    };
  },
);
