// Dedup benchmark: 100,000 synthetic reports of ~49,000 events over two years in one region
// (Nagorno-Karabakh and the line of contact), each event reported 1–6 times with the noise real
// outlets add (a day off, a coarser place, a related kind, a figure or party missing), clustered
// by the same code ingest uses (`clusterClaims`: `decideMerge` and `absorbClaim` under MERGE_CONFIG).
// Prints seconds (wall and CPU), peak RSS and pairwise precision/recall.
//   npm run bench:dedup      (TRUCE_BENCH_REPORTS=… to change the size; TRUCE_BENCH_PAIRS=1 for
//   recall by the place precision of each true pair and the attribution ceiling; TRUCE_BENCH_DEBUG=1
//   for the wrong pairs)
// The attribution ceiling: about 67 events a day share one region, so a report naming only the
// region (10%) or no place (3%) fits, by kind family, day, killed figure and parties, a dozen
// events or more; only when exactly one event fits can any rule tell it is that event's without
// guessing. The ceiling counts the true pairs whose reports all pass that test, on the truth.
import { clusterClaims } from '../src/record/cluster.js';
import { compareKind } from '../src/record/merge-features.js';
import type { Claim } from '../src/record/merge-features.js';
import type { IncidentKind } from '../src/record/taxonomy.js';
import { lcgRandom } from '../src/record/test-support/random.js';

const TOTAL = Number(process.env.TRUCE_BENCH_REPORTS ?? 100_000);

const rand = lcgRandom(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const iso = (day: number) => new Date(Date.UTC(2020, 10, 10) + day * 864e5).toISOString().slice(0, 10);

const KINDS: readonly IncidentKind[] = [
  'shelling',
  'armed_clash',
  'ceasefire_violation',
  'landmine',
  'protest',
  'detention',
  'air_strike',
  'attack',
];
const RELATED: Partial<Record<IncidentKind, IncidentKind>> = {
  shelling: 'ceasefire_violation',
  armed_clash: 'ceasefire_violation',
  protest: 'riot',
};
const REGION = {
  id: 'az-nagorno-karabakh',
  lat: 39.82,
  lon: 46.76,
  precision: 'region' as const,
  ancestors: ['az'],
};

/** What the event really was (the oracle of the attribution ceiling below). */
interface Event {
  readonly kind: IncidentKind;
  readonly day: number;
  readonly killed: number | null;
  readonly parties: readonly string[];
}

interface Truth {
  readonly event: number;
  readonly claim: Claim;
}

const events: Event[] = [];

function syntheticReports(): Truth[] {
  const reports: Truth[] = [];
  for (let event = 0; reports.length < TOTAL; event += 1) {
    const day = Math.floor(rand() * 730);
    const lat = 39.3 + rand() * 1.2;
    const lon = 46.3 + rand() * 1.2;
    const kind = pick(KINDS);
    const killed = rand() < 0.4 ? Math.floor(rand() * 5) + 1 : null;
    const parties = rand() < 0.7 ? ['armenia', 'azerbaijan'] : kind === 'protest' ? ['protesters'] : [];
    const place = {
      id: `p-${event}`,
      lat,
      lon,
      precision: 'near' as const,
      ancestors: ['az-nagorno-karabakh', 'az'],
    };
    events.push({ kind, day, killed, parties });
    const copies = 1 + Math.floor(rand() * rand() * 6);
    for (let c = 0; c < copies && reports.length < TOTAL; c += 1) {
      const shift = rand() < 0.2 ? 1 : 0;
      reports.push({
        event,
        claim: {
          kind: rand() < 0.15 ? (RELATED[kind] ?? kind) : kind,
          dateStart: iso(day + shift),
          dateEnd: iso(day + shift),
          place:
            rand() < 0.1
              ? REGION
              : rand() < 0.03
                ? null
                : { ...place, lat: lat + (rand() - 0.5) * 0.01, lon: lon + (rand() - 0.5) * 0.01 },
          parties: rand() < 0.2 ? [] : parties,
          killed:
            killed !== null && rand() < 0.7 ? { low: killed, high: killed + (rand() < 0.2 ? 1 : 0) } : null,
        },
      });
    }
  }
  return reports.sort((a, b) => a.claim.dateStart.localeCompare(b.claim.dateStart));
}

/** Pairwise precision/recall by counting pairs per (cluster, event) cell. */
function pairwise(truth: readonly Truth[], clusterOf: readonly number[]) {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const byCell = new Map<string, number>();
  const byCluster = new Map<number, number>();
  const byEvent = new Map<number, number>();
  truth.forEach((t, i) => {
    const c = clusterOf[i] ?? -1;
    byCell.set(`${c}:${t.event}`, (byCell.get(`${c}:${t.event}`) ?? 0) + 1);
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byEvent.set(t.event, (byEvent.get(t.event) ?? 0) + 1);
  });
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const correct = sum(byCell);
  return { precision: correct / Math.max(1, sum(byCluster)), recall: correct / Math.max(1, sum(byEvent)) };
}

const reports = syntheticReports();
const eventCount = new Set(reports.map((r) => r.event)).size;
global.gc?.();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = clusterClaims(reports.map((r, i) => ({ item: i, claim: r.claim })));
const seconds = (performance.now() - started) / 1000;
// CPU time as well: on a loaded machine the wall clock measures the other processes too.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const clusterOf: number[] = [];
for (const cluster of result.clusters)
  for (const member of cluster.members) clusterOf[member] = cluster.index;
const { precision, recall } = pairwise(reports, clusterOf);
console.log(
  `${reports.length.toLocaleString('en')} reports of ${eventCount.toLocaleString('en')} events → ${result.clusters.length.toLocaleString('en')} incidents`,
);
console.log(
  `seconds ${seconds.toFixed(2)} (CPU ${cpuSeconds.toFixed(2)})   reports/s ${(reports.length / seconds).toFixed(0)}   comparisons ${result.comparisons.toLocaleString('en')} (${(result.comparisons / reports.length).toFixed(1)} per report)`,
);
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB   pairwise precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`,
);

if (process.env.TRUCE_BENCH_PAIRS) {
  const typeOf = (t: Truth) =>
    t.claim.place === null ? 'none' : t.claim.place.precision === 'region' ? 'region' : 'point';
  const byEvent = new Map<number, number[]>();
  reports.forEach((r, i) => byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), i]));
  const all = new Map<string, number>(),
    hit = new Map<string, number>();
  for (const list of byEvent.values())
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length; j += 1) {
        const [a, b] = [list[i] as number, list[j] as number];
        const key = [typeOf(reports[a] as Truth), typeOf(reports[b] as Truth)].sort().join('-');
        all.set(key, (all.get(key) ?? 0) + 1);
        if (clusterOf[a] === clusterOf[b]) hit.set(key, (hit.get(key) ?? 0) + 1);
      }
  console.log([...all].map(([k, n]) => `${k} ${n} recall ${((hit.get(k) ?? 0) / n).toFixed(2)}`));
}
if (process.env.TRUCE_BENCH_DEBUG) {
  const wrong = new Map<string, number>();
  for (const cluster of result.clusters) {
    const members = cluster.members;
    for (let i = 0; i < members.length && i < 50; i += 1)
      for (let j = i + 1; j < members.length && j < 50; j += 1) {
        const [a, b] = [reports[members[i] ?? 0], reports[members[j] ?? 0]];
        if (!a || !b || a.event === b.event) continue;
        const key = `${a.claim.place?.precision ?? 'none'}-${b.claim.place?.precision ?? 'none'} ${a.claim.kind === b.claim.kind ? 'same' : 'rel'}`;
        wrong.set(key, (wrong.get(key) ?? 0) + 1);
      }
  }
  console.log([...wrong.entries()].sort((x, y) => y[1] - x[1]).slice(0, 10));
}
if (process.env.TRUCE_BENCH_PAIRS) {
  // The attribution ceiling: a report naming no point can only be told to be its event's when
  // its event is the one event of the set it could be (day or the day before, killed figure and
  // parties as stated, and a kind of the family, or, more generously, the very kind). Counted on
  // the generator's truth, so no rule can do better without guessing.
  const byDay = new Map<number, number[]>();
  events.forEach((e, i) => byDay.set(e.day, [...(byDay.get(e.day) ?? []), i]));
  const dayOfIso = (s: string) => Math.round((Date.parse(s) - Date.UTC(2020, 10, 10)) / 864e5);
  const byEvent = new Map<number, number[]>();
  reports.forEach((r, i) => byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), i]));
  for (const sameKind of [false, true]) {
    const fits = (claim: Claim, e: Event) =>
      (sameKind ? claim.kind === e.kind : !compareKind(claim.kind, e.kind).veto) &&
      (claim.killed === null || e.killed === claim.killed.low) &&
      (claim.parties.length === 0 || claim.parties.every((p) => e.parties.includes(p)));
    const histogram = new Map<string, number>();
    const identifiable = reports.map((r) => {
      if (r.claim.place?.precision === 'near') return true;
      const day = dayOfIso(r.claim.dateStart);
      const n = [...(byDay.get(day) ?? []), ...(byDay.get(day - 1) ?? [])].filter((i) =>
        fits(r.claim, events[i] as Event),
      ).length;
      const bucket = n <= 3 ? String(n) : n <= 10 ? '4-10' : '>10';
      histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
      return n === 1;
    });
    let all = 0,
      ceiling = 0,
      found = 0;
    for (const list of byEvent.values())
      for (let i = 0; i < list.length; i += 1)
        for (let j = i + 1; j < list.length; j += 1) {
          all += 1;
          const [a, b] = [list[i] as number, list[j] as number];
          if (!identifiable[a] || !identifiable[b]) continue;
          ceiling += 1;
          if (clusterOf[a] === clusterOf[b]) found += 1;
        }
    const rule = sameKind ? 'the same kind' : 'a kind of the family';
    const shown = ['0', '1', '2', '3', '4-10', '>10'].map((k) => `${k}: ${histogram.get(k) ?? 0}`);
    console.log(`reports naming no point, by how many events of ${rule} they fit: ${shown.join(', ')}`);
    console.log(
      `  attribution ceiling of pairwise recall ${(ceiling / all).toFixed(3)}; recall of those pairs ${(found / Math.max(1, ceiling)).toFixed(3)}`,
    );
  }
}
