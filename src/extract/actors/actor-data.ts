/**
 * Curated actors: parties, leaders, officials, ministries and organisations that ceasefire
 * reports name, with the aliases and misspellings seen in the press. Written for Truce.
 */
export type ActorKind = 'person' | 'state' | 'organization' | 'force';

export interface ActorEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** The party the actor belongs to (ISO 3166 alpha-2), or null for international bodies. */
  readonly country: string | null;
  readonly aliases: readonly string[];
  /** Office words ("president", "spokesman") for resolving "the Turkish president". */
  readonly office?: string;
}

const person = (id: string, name: string, country: string | null, office: string, aliases: string[]) =>
  ({ id, name, kind: 'person', country, office, aliases }) satisfies ActorEntry;
const org = (id: string, name: string, country: string | null, aliases: string[]) =>
  ({ id, name, kind: 'organization', country, aliases }) satisfies ActorEntry;
const state = (id: string, name: string, aliases: string[]) =>
  ({ id, name, kind: 'state', country: id.slice(6).toUpperCase(), aliases }) satisfies ActorEntry;

export const ACTORS: readonly ActorEntry[] = [
  state('state-am', 'Armenia', ['Armenia', 'Republic of Armenia']),
  state('state-az', 'Azerbaijan', ['Azerbaijan', 'Republic of Azerbaijan']),
  state('state-ru', 'Russia', ['Russia', 'Russian Federation', 'Kremlin', 'the Kremlin']),
  state('state-tr', 'Turkey', ['Turkey', 'Türkiye', 'Turkiye']),
  state('state-fr', 'France', ['France']),
  state('state-us', 'United States', ['United States', 'USA']),
  state('state-ir', 'Iran', ['Iran']),
  state('state-ge', 'Georgia', ['Georgia']),
  state('state-ua', 'Ukraine', ['Ukraine']),
  person('nikol-pashinyan', 'Nikol Pashinyan', 'AM', 'prime minister', [
    'Nikol Pashinyan',
    'Pashinyan',
    'Pashinian',
    'Pasjinian',
    'Paschinjan',
    'Pashinjan',
    'Nikol Pashinian',
  ]),
  person('ilham-aliyev', 'Ilham Aliyev', 'AZ', 'president', [
    'Ilham Aliyev',
    'Aliyev',
    'Aliev',
    'Alijew',
    'Ilham Aliev',
  ]),
  person('vladimir-putin', 'Vladimir Putin', 'RU', 'president', ['Vladimir Putin', 'Putin']),
  person('recep-tayyip-erdogan', 'Recep Tayyip Erdogan', 'TR', 'president', [
    'Recep Tayyip Erdogan',
    'Tayyip Erdogan',
    'Erdogan',
    'Erdoğan',
    'Erdogan',
  ]),
  person('emmanuel-macron', 'Emmanuel Macron', 'FR', 'president', ['Emmanuel Macron', 'Macron']),
  person('antonio-guterres', 'Antonio Guterres', null, 'secretary general', ['Antonio Guterres', 'Guterres']),
  person('stephane-dujarric', 'Stephane Dujarric', null, 'spokesman', [
    'Stephane Dujarric',
    'Stéphane Dujarric',
    'Stephan Dujarric',
    'Dujarric',
  ]),
  person('sergei-rudskoy', 'Sergei Rudskoy', 'RU', 'general', [
    'Sergei Rudskoy',
    'Sergey Rudskoy',
    'Sergey Rudsky',
    'Sergei Rudsky',
    'Rudskoy',
    'Rudsky',
  ]),
  person('sergei-lavrov', 'Sergei Lavrov', 'RU', 'foreign minister', [
    'Sergei Lavrov',
    'Sergey Lavrov',
    'Lavrov',
  ]),
  person('sergei-shoigu', 'Sergei Shoigu', 'RU', 'defence minister', [
    'Sergei Shoigu',
    'Sergey Shoygu',
    'Shoigu',
  ]),
  person('dmitry-peskov', 'Dmitry Peskov', 'RU', 'spokesman', ['Dmitry Peskov', 'Dmitri Peskov', 'Peskov']),
  person('rustam-muradov', 'Rustam Muradov', 'RU', 'general', ['Rustam Muradov', 'Muradov']),
  person('mevlut-cavusoglu', 'Mevlut Cavusoglu', 'TR', 'foreign minister', [
    'Mevlut Cavusoglu',
    'Mevlüt Çavuşoğlu',
    'Cavusoglu',
  ]),
  person('hulusi-akar', 'Hulusi Akar', 'TR', 'defence minister', ['Hulusi Akar', 'Akar']),
  person('jeyhun-bayramov', 'Jeyhun Bayramov', 'AZ', 'foreign minister', ['Jeyhun Bayramov', 'Bayramov']),
  person('hikmet-hajiyev', 'Hikmet Hajiyev', 'AZ', 'aide', ['Hikmet Hajiyev', 'Hajiyev']),
  person('zakir-hasanov', 'Zakir Hasanov', 'AZ', 'defence minister', ['Zakir Hasanov', 'Hasanov']),
  person('vagif-dargahli', 'Vagif Dargahli', 'AZ', 'spokesman', ['Vagif Dargahli', 'Dargahli']),
  person('zohrab-mnatsakanyan', 'Zohrab Mnatsakanyan', 'AM', 'foreign minister', [
    'Zohrab Mnatsakanyan',
    'Mnatsakanyan',
  ]),
  person('armen-sarkissian', 'Armen Sarkissian', 'AM', 'president', [
    'Armen Sarkissian',
    'Sarkissian',
    'Sargsyan',
  ]),
  person('davit-tonoyan', 'Davit Tonoyan', 'AM', 'defence minister', [
    'Davit Tonoyan',
    'David Tonoyan',
    'Tonoyan',
  ]),
  person('shushan-stepanyan', 'Shushan Stepanyan', 'AM', 'spokeswoman', ['Shushan Stepanyan', 'Stepanyan']),
  person('artsrun-hovhannisyan', 'Artsrun Hovhannisyan', 'AM', 'spokesman', [
    'Artsrun Hovhannisyan',
    'Hovhannisyan',
  ]),
  person('arayik-harutyunyan', 'Arayik Harutyunyan', 'AM', 'leader', ['Arayik Harutyunyan', 'Harutyunyan']),
  person('volodymyr-zelensky', 'Volodymyr Zelensky', 'UA', 'president', [
    'Volodymyr Zelensky',
    'Zelensky',
    'Zelenskyy',
  ]),
  person('josep-borrell', 'Josep Borrell', null, 'high representative', ['Josep Borrell', 'Borrell']),
  person('charles-michel', 'Charles Michel', null, 'president', ['Charles Michel']),
  person('mike-pompeo', 'Mike Pompeo', 'US', 'secretary of state', ['Mike Pompeo', 'Pompeo']),
  org('org-un', 'United Nations', null, [
    'United Nations',
    'UN',
    'U.N.',
    'UN Security Council',
    'Security Council',
  ]),
  org('org-osce', 'OSCE', null, ['OSCE', 'Organization for Security and Co-operation in Europe']),
  org('org-osce-minsk-group', 'OSCE Minsk Group', null, ['Minsk Group', 'OSCE Minsk Group']),
  org('org-osce-smm', 'OSCE Special Monitoring Mission', null, ['Special Monitoring Mission', 'SMM']),
  org('org-icg', 'International Crisis Group', null, ['International Crisis Group', 'Crisis Group', 'ICG']),
  org('org-icrc', 'International Committee of the Red Cross', null, [
    'ICRC',
    'Red Cross',
    'International Committee of the Red Cross',
  ]),
  org('org-eu', 'European Union', null, ['European Union', 'EU']),
  org('org-euma', 'EU Monitoring Mission', null, [
    'EU Monitoring Mission',
    'EUMM',
    'EUMA',
    'EU Mission in Armenia',
  ]),
  org('org-nato', 'NATO', null, ['NATO']),
  org('org-hrw', 'Human Rights Watch', null, ['Human Rights Watch', 'HRW']),
  org('org-amnesty', 'Amnesty International', null, ['Amnesty International', 'Amnesty']),
  org('org-us-state-department', 'US State Department', 'US', [
    'State Department',
    'US State Department',
    'U.S. State Department',
    'Department of State',
  ]),
  org('org-am-mod', 'Armenian Defence Ministry', 'AM', [
    'Armenian Defence Ministry',
    'Armenian Defense Ministry',
    'Armenian Ministry of Defence',
    'Armenian Ministry of Defense',
  ]),
  org('org-az-mod', 'Azerbaijani Defence Ministry', 'AZ', [
    'Azerbaijani Defence Ministry',
    'Azerbaijani Defense Ministry',
    'Azerbaijan Defence Ministry',
    'Azerbaijan Defense Ministry',
    'Azerbaijani Ministry of Defence',
    'Azerbaijani Ministry of Defense',
  ]),
  org('org-ru-mod', 'Russian Defence Ministry', 'RU', [
    'Russian Defence Ministry',
    'Russian Defense Ministry',
    'Russian Ministry of Defence',
    'Russian Ministry of Defense',
  ]),
  org('org-tr-mod', 'Turkish Defence Ministry', 'TR', [
    'Turkish Defence Ministry',
    'Turkish Defense Ministry',
  ]),
  org('org-am-mfa', 'Armenian Foreign Ministry', 'AM', [
    'Armenian Foreign Ministry',
    'Armenian Ministry of Foreign Affairs',
  ]),
  org('org-az-mfa', 'Azerbaijani Foreign Ministry', 'AZ', [
    'Azerbaijani Foreign Ministry',
    'Azerbaijan Foreign Ministry',
  ]),
  org('org-ru-mfa', 'Russian Foreign Ministry', 'RU', [
    'Russian Foreign Ministry',
    'Russian Ministry of Foreign Affairs',
  ]),
  org('org-ru-peacekeepers', 'Russian peacekeeping contingent', 'RU', [
    'Russian peacekeeping contingent',
    'Russian peacekeepers',
  ]),
];

/** Adjectives of nationality and the party (ISO alpha-2) they point at. */
export const DEMONYMS: Readonly<Record<string, string>> = {
  armenian: 'AM',
  armenians: 'AM',
  azerbaijani: 'AZ',
  azerbaijanis: 'AZ',
  azeri: 'AZ',
  azeris: 'AZ',
  russian: 'RU',
  russians: 'RU',
  turkish: 'TR',
  french: 'FR',
  american: 'US',
  us: 'US',
  iranian: 'IR',
  georgian: 'GE',
  ukrainian: 'UA',
  karabakh: 'AZ',
};

/** Party names by country code, as used in actor fields. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AM: 'Armenia',
  AZ: 'Azerbaijan',
  RU: 'Russia',
  TR: 'Turkey',
  FR: 'France',
  US: 'United States',
  IR: 'Iran',
  GE: 'Georgia',
  UA: 'Ukraine',
  MD: 'Moldova',
};

const CODES_BY_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(COUNTRY_NAMES).map(([code, name]) => [name.toLowerCase(), code] as const),
);

/**
 * The party a word points at: a nationality ("Azerbaijani") or a country name ("Armenia").
 *
 * @example countryOfWord('Armenian') // 'AM'
 */
export function countryOfWord(word: string): string | undefined {
  const w = word.toLowerCase();
  return DEMONYMS[w] ?? CODES_BY_NAME[w];
}
