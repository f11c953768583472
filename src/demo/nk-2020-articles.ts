import type { DemoArticle } from './script.js';

/**
 * What the demo's outlets and the mission's field teams wrote about the demo incidents: short
 * texts written for Truce in our own words (never copied), under invented outlet names, so that
 * each incident rests on real captured sources. They are ingested through the ingest path
 * (extraction, merge, audit) when the demo loads, and show what an analyst meets: one outlet
 * names the village and another only the province, one writes a day later, the death tolls
 * differ, the parties speak.
 */
const WIRE = 'Caucasus Wire (demo outlet)';
const HERALD = 'Regional Herald (demo outlet)';
const FIELD = 'Mission field report (demo)';

export const NK_2020_ARTICLES: readonly DemoArticle[] = [
  {
    event: 'helicopter',
    publisher: WIRE,
    published: '2020-11-09',
    title: 'Russian helicopter shot down near Yeraskh',
    body: 'A Russian Mi-24 military helicopter was shot down on Monday evening near the village of Yeraskh in Armenia, close to the border with Nakhchivan. Two crew members were killed and one was injured, the Russian Defence Ministry said. The helicopter was escorting a convoy of the Russian base in Armenia.',
  },
  {
    event: 'helicopter',
    publisher: HERALD,
    published: '2020-11-10',
    title: 'Azerbaijan says it downed the Russian helicopter by mistake',
    body: 'Azerbaijan said on Tuesday that its forces had shot down a Russian helicopter over the Ararat province of Armenia on Monday, killing two crew members. "The Azerbaijani side apologises to the Russian side for this tragic accident," the Azerbaijani Foreign Ministry said in a statement. Baku offered to pay compensation.',
  },
  {
    event: 'yerevan-unrest',
    publisher: WIRE,
    published: '2020-11-10',
    title: 'Crowds storm the government building in Yerevan',
    body: 'Angry crowds stormed the government building and the parliament in Yerevan early on Tuesday, hours after the ceasefire was announced. The speaker of parliament was beaten and taken to hospital, his office said.',
  },
  {
    event: 'deployment-begins',
    publisher: FIELD,
    published: '2020-11-10',
    title: 'Field report: first peacekeeping columns reach Stepanakert',
    body: 'On Tuesday the first columns of the Russian peacekeeping contingent drove through the Lachin corridor and deployed in Stepanakert. Russian peacekeepers set up their first observation posts on the roads around the town by the evening.',
  },
  {
    event: 'deployment-begins',
    publisher: HERALD,
    published: '2020-11-11',
    title: 'Russian peacekeepers arrive in Nagorno-Karabakh',
    body: 'Russian peacekeepers deployed to Stepanakert on Tuesday under the ceasefire deal, the Russian Defence Ministry said. Nearly two thousand soldiers are to serve in the mission.',
  },
  {
    event: 'jmc-memorandum',
    publisher: WIRE,
    published: '2020-11-11',
    title: 'Russia and Turkey agree on a joint monitoring centre',
    body: 'The defence ministers of Russia and Turkey signed an agreement on Wednesday to set up a joint centre in the Aghdam district that will monitor the ceasefire, the Turkish Defence Ministry said.',
  },
  {
    event: 'first-returns',
    publisher: FIELD,
    published: '2020-11-14',
    title: 'Field report: displaced residents return to Stepanakert',
    body: 'On Saturday the first buses carrying displaced residents returned to Stepanakert from Armenia, escorted by Russian peacekeepers through the Lachin corridor. The returning families were met by local officials at the edge of the town.',
  },
  {
    event: 'aghdam',
    publisher: WIRE,
    published: '2020-11-20',
    title: 'Azerbaijani troops enter Aghdam district',
    body: 'The Aghdam district was handed over to Azerbaijan on Friday under the ceasefire deal, and Azerbaijani army units entered it, the Azerbaijani Defence Ministry said. Residents who left the area burned their houses before departing.',
  },
  {
    event: 'aghdam',
    publisher: FIELD,
    published: '2020-11-21',
    title: 'Field report: Aghdam district handed over',
    body: 'The handover of the Aghdam district to Azerbaijan was completed on Friday without incident.',
  },
  {
    event: 'demining-begins',
    publisher: FIELD,
    published: '2020-11-23',
    title: 'Field report: engineers begin mine clearance around Stepanakert',
    body: 'Russian engineers began clearing mines and unexploded shells in Stepanakert on Monday. The demining teams cleared roads and the grounds of a school.',
  },
  {
    event: 'kalbajar',
    publisher: HERALD,
    published: '2020-11-25',
    title: 'Azerbaijani forces enter Kalbajar after a ten-day delay',
    body: 'The Kalbajar district was handed over to Azerbaijan on Wednesday, ten days later than first planned, the Azerbaijani Defence Ministry said. The date had been moved to let residents leave.',
  },
  {
    event: 'lachin',
    publisher: WIRE,
    published: '2020-12-01',
    title: 'Lachin district returns to Azerbaijani control',
    body: 'The Lachin district was handed over to Azerbaijan on Tuesday, the last of the three districts named in the ceasefire deal, the Azerbaijani Defence Ministry said. The road through the Lachin corridor stays under the control of Russian peacekeepers.',
  },
  {
    event: 'hadrut-clash',
    publisher: WIRE,
    published: '2020-12-12',
    title: 'Four Azerbaijani soldiers killed in fighting near Hin Tagher',
    body: 'Four Azerbaijani soldiers were killed in fighting near the village of Hin Tagher on Friday, the Azerbaijani Defence Ministry said. "Armenian armed groups attacked our positions and violated the ceasefire," the ministry said in a statement.',
  },
  {
    event: 'hadrut-clash',
    publisher: HERALD,
    published: '2020-12-12',
    title: 'Fighting in Nagorno-Karabakh breaks the ceasefire',
    body: 'Fighting broke out in the south of Nagorno-Karabakh on Friday, the first since the ceasefire, and at least three soldiers were killed, officials said. "Azerbaijani forces launched an offensive against our positions," the Armenian Defence Ministry said.',
  },
  {
    event: 'hadrut-clash',
    publisher: FIELD,
    published: '2020-12-13',
    title: 'Field report: clashes near Khtsaberd',
    body: 'On Friday a patrol reported clashes near the village of Khtsaberd. Up to five soldiers were killed in the clashes, local officials told the patrol.',
  },
  {
    event: 'prisoner-exchange',
    publisher: HERALD,
    published: '2020-12-14',
    title: 'Armenia and Azerbaijan exchange prisoners',
    body: 'Armenia and Azerbaijan exchanged prisoners on Monday in the first swap since the ceasefire, mediated by Russia. Forty-four people were returned to Armenia and twelve to Azerbaijan, officials said.',
  },
  {
    event: 'jmc-opens',
    publisher: WIRE,
    published: '2021-01-30',
    title: 'Russian-Turkish monitoring centre opens in Aghdam district',
    body: 'Russian and Turkish troops deployed to the joint centre monitoring the ceasefire near the village of Giyamaddinli in the Aghdam district on Saturday, the day it opened, the Russian Defence Ministry said. Officers of both armies will watch the line of contact with drones.',
  },
];
