// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domainMessage = 'domain code gets I/O through a store or an adapter; see docs/architecture.md';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-check/**', 'node_modules/**', 'data/**', 'bench/out/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The pure core: no database, no file system, no network, no environment.
    files: [
      'src/extract/**/*.ts',
      'src/record/**/!(*-store).ts',
      'src/agreement/**/!(*-store).ts',
      'src/audit/chain.ts',
      'src/domain/**/*.ts',
    ],
    // Adapters inside a capability folder are named *-store.ts (database) or *-io.ts (files, network).
    ignores: ['**/*.test.ts', '**/*-io.ts', '**/test-support/**', 'src/extract/data-loader.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: domainMessage },
            { name: 'pg', message: domainMessage },
            { name: 'better-sqlite3', message: domainMessage },
            { name: 'node:fs', message: domainMessage },
            { name: 'node:fs/promises', message: domainMessage },
            { name: 'node:http', message: domainMessage },
          ],
        },
      ],
    },
  },
);
