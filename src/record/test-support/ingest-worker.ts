// Ingests the files given on the command line into the database URL given first; used by the
// concurrency test to run several real processes at once.
import { parseDatabaseUrl } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/dialect.js';
import { runIngest } from '../ingest-run-store.js';

const [url, ...files] = process.argv.slice(2);
const db = openDatabase(parseDatabaseUrl(url ?? ''));
const summary = await runIngest(db, files, { published: '2021-03-16', actor: `worker:${process.pid}` });
process.stdout.write(JSON.stringify(summary.counts));
await db.destroy();
