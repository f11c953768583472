// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domainMessage = 'domain code gets I/O through a store or an adapter; see docs/architecture.md';
const layerMessage = 'extraction and the gazetteer sit below the record: they never import from src/record/';

// Adapters inside a capability folder are named *-store.ts (database) or *-io.ts (files, network).
const ADAPTERS = ['**/*.test.ts', '**/*-io.ts', '**/*-store.ts', '**/test-support/**'];

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
    // The pure core: no database (not even its types), no file system, no network, no environment.
    files: [
      'src/extract/**/*.ts',
      'src/record/**/*.ts',
      'src/agreement/**/*.ts',
      'src/vocabulary/**/*.ts',
      'src/audit/chain.ts',
    ],
    ignores: ADAPTERS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: domainMessage },
            { name: 'pg', message: domainMessage },
            { name: 'better-sqlite3', message: domainMessage },
          ],
          patterns: [
            // Hashing (node:crypto) is computation, not I/O; every other built-in module is.
            { regex: '^node:(?!crypto$)', message: domainMessage },
            { regex: '(^|/)platform/db/', message: domainMessage },
          ],
        },
      ],
    },
  },
  {
    // Layers: what reads the news and the places knows nothing of the record built from them.
    files: ['src/extract/**/*.ts', 'src/gazetteer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)record/', message: layerMessage }] }],
    },
  },
);
