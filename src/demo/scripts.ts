import { DONBAS_2015_RECORD } from './donbas-2015-record.js';
import { DEMO_ACTIVITY } from './nk-2020-activity.js';
import { DEMO_AMENDMENTS, DEMO_ASSESSMENTS, DEMO_STATEMENTS } from './nk-2020-assessments.js';
import { NK_2020_ARTICLES } from './nk-2020-articles.js';
import { DEMO_EVENTS } from './nk-2020-events-later.js';
import { EMPTY_SCRIPT, type DemoScript } from './script.js';

/** The theatre `truce demo` and `npm start` load when none is named. */
export const DEFAULT_DEMO_THEATRE = 'nagorno-karabakh';

const SCRIPTS: Readonly<Record<string, DemoScript>> = {
  'nagorno-karabakh': {
    events: DEMO_EVENTS,
    amendments: DEMO_AMENDMENTS,
    assessments: DEMO_ASSESSMENTS,
    statements: DEMO_STATEMENTS,
    activity: DEMO_ACTIVITY,
    articles: NK_2020_ARTICLES,
  },
  'donbas-2015': DONBAS_2015_RECORD,
};

/**
 * The demo record written for a theatre pack, or an empty one (its agreement and mission alone).
 *
 * @example demoScript('donbas-2015').events.length // 4
 */
export function demoScript(theatre: string): DemoScript {
  return Object.hasOwn(SCRIPTS, theatre) ? (SCRIPTS[theatre] ?? EMPTY_SCRIPT) : EMPTY_SCRIPT;
}
