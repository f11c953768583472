import { activityPage } from './monitor/activity-page.js';
import { feedsPage } from './admin/feeds-page.js';
import { agreementPage } from './agreement/agreement-page.js';
import { loginPage } from './auth/login-page.js';
import { bulletinPage } from './bulletins/bulletin-page.js';
import { duplicatesPage } from './duplicates/duplicates-page.js';
import { fieldReportPage } from './monitor/field-report-page.js';
import { incidentPage } from './incident/incident-page.js';
import { listPage } from './list/list-page.js';
import { mapPage } from './map/map-page.js';
import { missionPage } from './mission/mission-page.js';
import type { PageModule } from './page.js';
import { reportPage } from './report/report-form.js';
import { reviewPage } from './review/review-page.js';
import { searchPage } from './search/search-page.js';
import type { Location } from './router.js';
import { timelinePage } from './timeline/timeline-page.js';
import { verifyPage } from './verify/verify-page.js';
import { h } from './ui/dom.js';

/** The first path segment names the page. */
const PAGES: Readonly<Record<string, PageModule>> = {
  map: mapPage,
  list: listPage,
  timeline: timelinePage,
  incidents: incidentPage,
  review: reviewPage,
  duplicates: duplicatesPage,
  agreement: agreementPage,
  mission: missionPage,
  bulletins: bulletinPage,
  report: reportPage,
  login: loginPage,
  'field-report': fieldReportPage,
  activity: activityPage,
  feeds: feedsPage,
  verify: verifyPage,
  search: searchPage,
};

const notFound: PageModule = {
  title: 'Not found',
  async render(main) {
    main.append(
      h('h1', {}, 'Not found'),
      h('p', {}, 'There is no such page. '),
      h('a', { href: '#/map' }, 'Go to the map'),
    );
  },
};

export function findPage(location: Location): PageModule {
  return PAGES[location.segments[0] ?? ''] ?? notFound;
}
