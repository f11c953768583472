import { expect, it } from 'vitest';
import { migrateToLatest } from '../platform/db/migrate.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { search } from './search-store.js';
import { ask, hitKeys, migrateBefore, storeSearchable } from './test-support/searchable-record.js';

describeEachDatabase(
  'migration 0013 on a record that predates search',
  (t) => {
    it('indexes the incidents, sources and statements already stored', async () => {
      await migrateBefore(t.db, '0013-search');
      const stored = await storeSearchable(t.db, {
        n: 1,
        title: 'Orchard shelled before the thaw',
        sourceTitle: 'Farm news',
        text: 'Farmers counted craters across the orchard at first light.',
        said: 'The orchard is ruined.',
      });

      const outcome = await migrateToLatest(t.db);
      expect(outcome.error).toBeNull();
      expect(outcome.applied).toContain('0013-search');
      expect(hitKeys(await search(t.db, ask('orchard'), { kind: 'published' }))).toEqual(stored);
    });
  },
  { migrated: false },
);
