// A writer for the crash-safety test: records incidents one by one and prints "ack N" only after
// each transaction has committed. The test kills it with SIGKILL part way through.
import { parseDatabaseUrl } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/dialect.js';
import { createIncident } from '../../record/incident-store.js';
import { buildIncident } from '../../record/test-support/builders.js';

const [url, countText] = process.argv.slice(2);
const db = openDatabase(parseDatabaseUrl(url ?? ''));
const count = Number(countText ?? 1000);
for (let n = 1; n <= count; n += 1) {
  await createIncident(db, { actor: 'monitor:crash-test' }, buildIncident({ title: `crash-write-${n}` }));
  process.stdout.write(`ack ${n}\n`);
}
await db.destroy();
