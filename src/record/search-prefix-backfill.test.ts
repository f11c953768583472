import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../platform/db/migrate.js';
import { describeEachDatabase } from '../platform/db/test-support/databases.js';
import { search } from './search-store.js';
import { ask, hitKeys, migrateBefore, storeSearchable } from './test-support/searchable-record.js';

describeEachDatabase(
  'migration 0019 on a record already searchable',
  (t) => {
    it('keeps every stored row findable, by short prefixes too, and the index in step after it', async () => {
      await migrateBefore(t.db, '0019-search-speed');
      const before = await storeSearchable(t.db, {
        n: 1,
        title: 'Orchard shelled before the thaw',
        sourceTitle: 'News of the orchard',
        text: 'Farmers counted craters across the orchard at first light.',
        said: 'The orchard is ruined.',
      });

      const outcome = await migrateToLatest(t.db);
      expect(outcome.error).toBeNull();
      expect(outcome.applied).toContain('0019-search-speed');
      if (t.name === 'sqlite') {
        const tables = await sql<{
          sql: string;
        }>`select sql from sqlite_master where name like 'search_%' and sql like 'create virtual table%'`.execute(
          t.db,
        );
        expect(tables.rows).toHaveLength(3);
        for (const table of tables.rows) expect(table.sql).toContain("prefix='2 3 4'");
      }
      // Prefixes of 2, 3 and 4 characters and whole words; filters listed first as well.
      for (const q of ['or*', 'orc*', 'orch*', 'orchard'])
        expect(hitKeys(await search(t.db, ask(q), { kind: 'published' }))).toEqual(before);
      expect(hitKeys(await search(t.db, ask('or*', { kind: 'shelling' }), { kind: 'published' }))).toEqual(
        before,
      );

      const after = await storeSearchable(t.db, {
        n: 2,
        title: 'Vineyard struck',
        sourceTitle: 'News of the vineyard',
        text: 'Craters across the vineyard rows.',
        said: 'The vines are burnt.',
      });
      expect(hitKeys(await search(t.db, ask('vi*'), { kind: 'published' }))).toEqual(after);
      expect(hitKeys(await search(t.db, ask('craters'), { kind: 'all' }))).toEqual(
        [...before, ...after].filter((k) => k.startsWith('source')).sort(),
      );
    });
  },
  { migrated: false },
);
