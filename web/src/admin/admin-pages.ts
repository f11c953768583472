import type { PageModule } from '../page.js';

/** `#/admin/users`, `#/admin/tokens`, `#/admin/feeds`: each loads its own page's code. */
const ADMIN_PAGES: Readonly<Record<string, () => Promise<PageModule>>> = {
  users: () => import('./users-page.js').then((m) => m.usersPage),
  tokens: () => import('./tokens-page.js').then((m) => m.tokensPage),
  feeds: () => import('./feeds-page.js').then((m) => m.feedsPage),
};

export const adminPage: PageModule = {
  title: 'Administration',
  async render(container, location) {
    const load = ADMIN_PAGES[location.segments[1] ?? 'users'] ?? ADMIN_PAGES.users;
    const page = await (load ?? (() => Promise.reject(new Error('no admin page'))))();
    return page.render(container, location);
  },
};
