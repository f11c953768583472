// The benches' bulk seeder: N incidents, each with its source, one event report, the link between
// them and the incident's parties, written through the audited writer's insertMany — so every row
// has its real audit entry, hashed and chained by src/audit as any bulk import's is — in batches
// of BATCH incidents, one transaction (and a handful of multi-row statements per table) each.
// Deterministic: the same N gives the same record.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { audited } from '../src/audit/audit-store.js';
import { type Db } from '../src/platform/db/dialect.js';
import { incidentPartyCodes } from '../src/record/parties.js';
import { INCIDENT_KINDS } from '../src/record/taxonomy.js';
import { INCIDENT_KIND } from '../src/vocabulary/incident-kinds.js';
import { activeTheatre } from '../src/theatre/active.js';
import { lcgRandom } from '../src/record/test-support/random.js';

const BATCH = 5_000;

export const benchDay = (offset: number) =>
  new Date(Date.UTC(2020, 8, 27) + offset * 864e5).toISOString().slice(0, 10);
/** The seeded record spans this many days from benchDay(0), this box, these actors. */
export const BENCH_DAYS = 2000;
export const BENCH_BOX = { lon: [43, 50], lat: [38, 42] } as const;
const ACTORS = ['Military Forces of Armenia', 'Military Forces of Azerbaijan'] as const;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Seeds incidents from `from` (those already stored: whole batches, each its own transaction, so
 * an interrupted seed goes on where it stopped) up to `total`; reports progress every tenth of the
 * way. Returns seconds taken.
 */
export async function seedIncidents(db: Db, total: number, from = 0, log = console.log): Promise<number> {
  if (from % BATCH !== 0 && from !== total)
    throw new Error(`a seed holding ${from} incidents did not stop at a whole batch of ${BATCH}`);
  const theatre = activeTheatre();
  const started = performance.now();
  let reported = from;
  for (let done = from; done < total; done += BATCH) {
    // Each batch its own sequence, so a resumed seed writes what a whole one would.
    const rand = lcgRandom(42 + done / BATCH);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const count = Math.min(BATCH, total - done);
    await audited(db, { actor: 'bench', reason: 'bench seed' }, async (w) => {
      const inputs = Array.from({ length: count }, (_, i) => {
        const day = benchDay(Math.floor(rand() * BENCH_DAYS));
        const kind = pick(INCIDENT_KINDS);
        return {
          n: done + i,
          kind,
          day,
          lat: BENCH_BOX.lat[0] + rand() * (BENCH_BOX.lat[1] - BENCH_BOX.lat[0]),
          lon: BENCH_BOX.lon[0] + rand() * (BENCH_BOX.lon[1] - BENCH_BOX.lon[0]),
          status: rand() < 0.7 ? 'confirmed' : 'candidate',
        };
      });
      const incidents = await w.insertMany(
        'incidents',
        inputs.map((x) => ({
          public_id: sha(`bench-incident-${x.n}`)
            .slice(0, 32)
            .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
          kind: x.kind,
          acled_event_type: INCIDENT_KIND[x.kind].acled.event_type,
          acled_sub_event_type: INCIDENT_KIND[x.kind].acled.sub_event_type,
          title: `Benchmark incident ${x.n}`,
          date_start: x.day,
          date_end: x.day,
          date_precision: 'day',
          lat: x.lat,
          lon: x.lon,
          geo_precision: 'near',
          actor1: ACTORS[0],
          actor2: ACTORS[1],
          status: x.status,
          version: 1,
          created_at: w.at,
          updated_at: w.at,
        })),
      );
      const sources = await w.insertMany(
        'sources',
        inputs.map((x) => {
          const text = `Bench dispatch ${x.n}: a ${x.kind} was reported on ${x.day}.`;
          return {
            url: `https://news.example.org/bench/${x.n}`,
            title: `Bench dispatch ${x.n}`,
            retrieved_at: w.at,
            raw: new TextEncoder().encode(text),
            raw_sha256: sha(text),
            clean_text: text,
            clean_sha256: sha(text),
            version: 1,
          };
        }),
      );
      const reports = await w.insertMany(
        'reports',
        inputs.map((x, i) => ({
          source_id: Number(sources[i]?.id),
          kind: 'event',
          event_kind: x.kind,
          date_start: x.day,
          date_end: x.day,
          date_precision: 'day',
          lat: x.lat,
          lon: x.lon,
          payload: JSON.stringify({ n: x.n }),
          created_at: w.at,
        })),
      );
      await w.insertMany(
        'incident_reports',
        incidents.map((incident, i) => ({
          incident_id: Number(incident.id),
          report_id: Number(reports[i]?.id),
          linked_at: w.at,
        })),
      );
      const parties = incidents.flatMap((incident) =>
        incidentPartyCodes(theatre, [incident.actor1, incident.actor2], []).map((party) => ({
          incident_id: Number(incident.id),
          party,
        })),
      );
      if (parties.length > 0) await w.insertMany('incident_parties', parties);
    });
    if (done + count >= reported + total / 10) {
      reported = done + count;
      log(
        `  seeded ${reported.toLocaleString('en')} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  // Fresh statistics for the planners (SQLite's sqlite_stat1, PostgreSQL's pg_statistic).
  await sql`analyze`.execute(db);
  return (performance.now() - started) / 1000;
}
