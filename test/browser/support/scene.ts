import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, watchedPage, type Browser, type Watched } from './chromium.js';
import { startTruce, type Truce } from './server.js';
import { addAccount, type Account } from './users.js';

/** What a browser suite works with: a running Truce with the demo loaded, a browser, a watched page. */
export interface Scene {
  truce: Truce;
  browser: Browser;
  w: Watched;
}

/**
 * Starts Truce on a fresh database with the demo and the given accounts, and a browser, before
 * the suite; stops both after it. `prepare` runs once the demo is in (e.g. to ingest a fixture).
 */
export function demoScene(accounts: readonly Account[], prepare: (truce: Truce) => void = () => {}): Scene {
  const scene: Partial<Scene> = {};
  beforeAll(async () => {
    const truce = await startTruce();
    scene.truce = truce;
    expect(truce.cli(['demo']).status).toBe(0);
    prepare(truce);
    for (const account of accounts) await addAccount(truce, account);
    const browser = await launchBrowser();
    scene.browser = browser;
    scene.w = await watchedPage(browser.context);
  });
  afterAll(async () => {
    await scene.browser?.close();
    await scene.truce?.stop();
  });
  return scene as Scene;
}
