import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, signIn } from './support/app.js';
import { hasChromium, SKIP_REASON } from './support/chromium.js';
import { screenshot } from './support/screens.js';
import { demoScene } from './support/scene.js';
import type { Account } from './support/users.js';

const ADMIN: Account = { username: 'adm', password: 'admin passphrase for feeds 2020', role: 'admin' };

if (!hasChromium) console.warn(`browser tests ${SKIP_REASON}`);

/**
 * A local feed with one entry whose article is gone and which carries no text of its own. It runs
 * in its own process: the CLI is called synchronously, which would stall a server in this one.
 */
const FEED_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const base = 'http://127.0.0.1:' + server.address().port;
  if (req.url !== '/feed.xml') { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not here'); return; }
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
  res.end('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Gone wire</title>' +
    '<link>' + base + '</link><description>Test</description><item><title>Withdrawn story</title>' +
    '<link>' + base + '/articles/gone</link><guid>urn:truce-test:gone</guid></item></channel></rss>');
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/feed.xml'));
`;

function startGoneFeed(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', FEED_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.stdout?.once('data', (chunk: Buffer) => done({ url: chunk.toString().trim(), child }));
  });
}

describe.skipIf(!hasChromium)('the admins’ feeds page', () => {
  let feed: { url: string; child: ChildProcess } | undefined;
  beforeAll(async () => {
    feed = await startGoneFeed();
    // The fetch policy refuses loopback unless the admin allows the host; the server inherits this.
    process.env.TRUCE_FETCH_ALLOW_HOSTS = '127.0.0.1';
  });
  afterAll(() => {
    feed?.child.kill();
  });
  const scene = demoScene([ADMIN], (truce) => {
    expect(truce.cli(['feed', 'add', feed?.url ?? '']).status).toBe(0);
    const polled = truce.cli(['feed', 'poll']);
    expect(polled.stdout + polled.stderr).toMatch(/failed/);
  });

  it('shows each feed with the entries that failed and why', async () => {
    await signIn(scene.w.page, scene.truce.url, ADMIN);
    await open(scene.w.page, scene.truce.url, '#/feeds');
    const card = scene.w.page.locator('main section.card').first();
    expect(await card.locator('h2').textContent()).toBe('Gone wire');
    expect(await card.textContent()).toMatch(/1 failed/);
    const cells = await card.locator('tbody tr td').allTextContents();
    expect(cells[0]).toMatch(/\/articles\/gone$/);
    expect(cells[1]).toMatch(/404.*the entry has no text/);
    await screenshot(scene.w.page, 'feeds');
  });
});
