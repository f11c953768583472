import type { GazetteerPlace } from './gazetteer.js';

/**
 * World geography that is no country, division or town: continents, seas and the regions news
 * names as places ("the Middle East", "the Gulf"). Representative points (the continents':
 * GeoNames' own), precision `region`.
 */
const REGIONS: readonly (readonly [id: string, names: readonly string[], lat: number, lon: number])[] = [
  ['europe', ['Europe', 'EU', 'European Union'], 48.69096, 9.14062],
  ['africa', ['Africa'], 7.1881, 21.09375],
  ['asia', ['Asia'], 29.84064, 89.29688],
  ['north-america', ['North America'], 46.07323, -100.54688],
  ['south-america', ['South America'], -14.60485, -57.65625],
  ['latin-america', ['Latin America'], -10.0, -70.0],
  ['central-america', ['Central America'], 13.0, -86.0],
  ['middle-east', ['Middle East', 'Mideast'], 29.0, 45.0],
  ['oceania', ['Oceania'], -18.31281, 138.51562],
  ['caribbean', ['Caribbean'], 15.0, -75.0],
  ['balkans', ['Balkans'], 42.0, 21.0],
  ['caucasus', ['Caucasus', 'South Caucasus'], 42.0, 45.0],
  ['scandinavia', ['Scandinavia'], 62.0, 14.0],
  ['central-asia', ['Central Asia'], 45.0, 68.0],
  ['southeast-asia', ['Southeast Asia', 'South-East Asia'], 5.0, 110.0],
  ['sahel', ['Sahel'], 15.0, 5.0],
  ['horn-of-africa', ['Horn of Africa'], 8.0, 45.0],
  ['gulf', ['Persian Gulf', 'Arabian Gulf'], 26.5, 52.0],
  ['atlantic', ['Atlantic', 'Atlantic Ocean'], 0.0, -30.0],
  ['pacific', ['Pacific', 'Pacific Ocean'], 0.0, -160.0],
  ['indian-ocean', ['Indian Ocean'], -20.0, 80.0],
  ['arctic', ['Arctic'], 80.0, 0.0],
  ['antarctica', ['Antarctica'], -80.0, 0.0],
  ['mediterranean', ['Mediterranean', 'Mediterranean Sea'], 35.0, 18.0],
  ['black-sea', ['Black Sea'], 43.4, 34.0],
  ['red-sea', ['Red Sea'], 20.0, 38.0],
  ['baltic', ['Baltic', 'Baltic Sea'], 58.0, 20.0],
  ['caspian', ['Caspian', 'Caspian Sea'], 41.0, 51.0],
];

/**
 * The world regions as gazetteer places (kind `region`, no country).
 *
 * @example worldRegions().find((r) => r.id === 'world:middle-east')?.name // 'Middle East'
 */
export function worldRegions(): GazetteerPlace[] {
  return REGIONS.map(([id, names, lat, lon]) => ({
    id: `world:${id}`,
    name: names[0] ?? id,
    names: [...names],
    kind: 'region',
    country: '',
    parent: null,
    lat,
    lon,
    precision: 'region',
  }));
}

/** Adjectives of world regions, read as mentions of the region ("European" → Europe). */
export const REGION_ADJECTIVES: readonly (readonly [string, string])[] = [
  ['European', 'world:europe'],
  ['African', 'world:africa'],
  ['Asian', 'world:asia'],
  ['Caribbean', 'world:caribbean'],
  ['Arctic', 'world:arctic'],
];

/**
 * Short forms written with dots or in capitals, folded to their words ("U.S." → "u s"), and
 * the place id each stands for. Dotted forms are found anywhere; the capital forms only as
 * written (never "us"). State and province abbreviations count only after a comma ("Louisville,
 * Ky."), where nothing else is meant.
 */
export const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['u s', 'us'],
  ['u s a', 'us'],
  ['us', 'us'],
  ['usa', 'us'],
  ['u k', 'gb'],
  ['uk', 'gb'],
  ['u a e', 'ae'],
  ['e u', 'world:europe'],
  ['b c', 'admin1:ca-bc'],
]);

/** US state and Canadian province abbreviations of news style, read only after a comma. */
export const AFTER_COMMA: ReadonlyMap<string, string> = new Map(
  (
    [
      ['ala', 'al'],
      ['ariz', 'az'],
      ['ark', 'ar'],
      ['calif', 'ca'],
      ['colo', 'co'],
      ['conn', 'ct'],
      ['del', 'de'],
      ['fla', 'fl'],
      ['ga', 'ga'],
      ['ill', 'il'],
      ['ind', 'in'],
      ['kan', 'ks'],
      ['kans', 'ks'],
      ['ky', 'ky'],
      ['la', 'la'],
      ['md', 'md'],
      ['mass', 'ma'],
      ['mich', 'mi'],
      ['minn', 'mn'],
      ['miss', 'ms'],
      ['mo', 'mo'],
      ['mont', 'mt'],
      ['neb', 'ne'],
      ['nev', 'nv'],
      ['n h', 'nh'],
      ['n j', 'nj'],
      ['n m', 'nm'],
      ['n y', 'ny'],
      ['n c', 'nc'],
      ['n d', 'nd'],
      ['okla', 'ok'],
      ['ore', 'or'],
      ['pa', 'pa'],
      ['r i', 'ri'],
      ['s c', 'sc'],
      ['s d', 'sd'],
      ['tenn', 'tn'],
      ['tex', 'tx'],
      ['vt', 'vt'],
      ['va', 'va'],
      ['wash', 'wa'],
      ['w va', 'wv'],
      ['wis', 'wi'],
      ['wyo', 'wy'],
    ] as const
  )
    .map(([k, v]) => [k, `admin1:us-${v}`] as [string, string])
    .concat(
      (
        [
          ['alta', 'ab'],
          ['ont', 'on'],
          ['que', 'qc'],
          ['man', 'mb'],
          ['sask', 'sk'],
          ['n s', 'ns'],
          ['n b', 'nb'],
        ] as const
      ).map(([k, v]) => [k, `admin1:ca-${v}`] as [string, string]),
    ),
);
