import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { extract } from '../extract/extract.js';
import { defaultGazetteer } from '../gazetteer/load.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { ingestItem } from '../record/ingest-store.js';
import { exportIncidents } from './export.js';
import { exportStatuses } from './export-filters.js';

const ARTICLE = [
  'Shelling overnight near Kadugli',
  '',
  'Artillery shelled the town of Kadugli overnight, killing three civilians, a local official said.',
  'Residents said the guns fell silent at dawn.',
].join('\n');

describeEachDatabase('an overnight event from article to ACLED', (t) => {
  it('is stored as one night and exported with time_precision 1 on the night’s first day', async () => {
    const deps = {
      db: t.db,
      gazetteer: defaultGazetteer(),
      extract,
      extractor: { name: 'truce-extract', version: 'test' },
      actor: 'analyst:test',
    };
    const outcome = await ingestItem(
      deps,
      {
        label: 'kadugli.txt',
        bytes: new TextEncoder().encode(ARTICLE),
        retrievedAt: '2024-03-12T09:00:00.000Z',
      },
      { published: '2024-03-12' },
    );
    expect(outcome).toMatchObject({ status: 'new', opened: 1 });
    const stored = await t.db
      .selectFrom('incidents')
      .select(['date_precision', 'public_id'])
      .executeTakeFirstOrThrow();
    expect(stored.date_precision).toBe('night');

    const { body } = exportIncidents(t.db, {
      format: 'acled',
      filters: {},
      statuses: exportStatuses(undefined, { publicOnly: false }),
    });
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
    const rows = parse(Buffer.concat(chunks).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.event_id_cnty === stored.public_id)).toMatchObject({
      time_precision: '1',
      event_date: '2024-03-11',
      fatalities: '3',
    });
  });
});
