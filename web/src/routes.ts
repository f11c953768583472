import type { PageLoader, PageModule } from './page.js';
import type { Location } from './router.js';
import { h } from './ui/dom.js';

/**
 * The first path segment names the page (or the first two, `admin/users`); each page's code is
 * loaded when it is first opened.
 */
const PAGES: Readonly<Record<string, PageLoader>> = {
  map: () => import('./map/map-page.js').then((m) => m.mapPage),
  list: () => import('./list/list-page.js').then((m) => m.listPage),
  timeline: () => import('./timeline/timeline-page.js').then((m) => m.timelinePage),
  incidents: () => import('./incident/incident-page.js').then((m) => m.incidentPage),
  review: () => import('./review/review-page.js').then((m) => m.reviewPage),
  duplicates: () => import('./duplicates/duplicates-page.js').then((m) => m.duplicatesPage),
  agreement: () => import('./agreement/agreement-page.js').then((m) => m.agreementPage),
  mission: () => import('./mission/mission-page.js').then((m) => m.missionPage),
  bulletins: () => import('./bulletins/bulletin-page.js').then((m) => m.bulletinPage),
  'bulletins/verify': () => import('./bulletins/verify-bulletin-page.js').then((m) => m.verifyBulletinPage),
  report: () => import('./report/report-form.js').then((m) => m.reportPage),
  login: () => import('./auth/login-page.js').then((m) => m.loginPage),
  'field-report': () => import('./monitor/field-report-page.js').then((m) => m.fieldReportPage),
  activity: () => import('./monitor/activity-page.js').then((m) => m.activityPage),
  feeds: () => import('./admin/feeds-page.js').then((m) => m.feedsPage),
  admin: () => import('./admin/users-page.js').then((m) => m.usersPage),
  'admin/users': () => import('./admin/users-page.js').then((m) => m.usersPage),
  'admin/tokens': () => import('./admin/tokens-page.js').then((m) => m.tokensPage),
  'admin/feeds': () => import('./admin/feeds-page.js').then((m) => m.feedsPage),
  replies: () => import('./notifications/replies-page.js').then((m) => m.repliesPage),
  verify: () => import('./verify/verify-page.js').then((m) => m.verifyPage),
  search: () => import('./search/search-page.js').then((m) => m.searchPage),
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

export function findPage(location: Location): Promise<PageModule> {
  const [first = '', second] = location.segments;
  const load = (second === undefined ? undefined : PAGES[`${first}/${second}`]) ?? PAGES[first];
  return load ? load() : Promise.resolve(notFound);
}
