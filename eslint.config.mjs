import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/.turbo/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
      'packages/neo4j-embedded/launcher/target/**',
      '**/next-env.d.ts',
      'test-results/**',
      '.scratch/**',
      // Written by npm run codegen from the SDL; checked by npm run codegen:check.
      '**/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Type-aware: the promise rules below need types. Each workspace's tsconfig.json is found
      // by the project service; the root's config files are checked as loose files.
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.ts', '*.config.mjs', 'packages/cli/bin/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Fire-and-forget must be said with `void`: a forgotten await loses errors and ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'neo4j-driver', message: 'Only packages/graph-store talks to Neo4j.' },
            { name: 'react', message: 'Only apps/web uses React.' },
            { name: 'cytoscape', message: 'Only apps/web uses cytoscape.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration in an env.ts (parsed with zod) and pass it on.',
        },
      ],
    },
  },
  {
    files: ['packages/graph-store/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Resolvers and CLI commands call core's services; only they reach the store.
    files: ['apps/api/src/modules/**/*.ts', 'packages/cli/src/commands/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'neo4j-driver', message: 'Only packages/graph-store talks to Neo4j.' },
            {
              name: '@lineage/graph-store',
              message: 'Call a service of @lineage/core (ctx.services, graph.services) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/env.ts', '*.config.{ts,mjs}'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests pick fields out of arbitrary JSON answers; typing each shape would only add noise.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain is pure: no I/O of any kind outside its tests.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'http', 'net'] }],
    },
  },
);
