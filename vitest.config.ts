import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,tooling}/*/src/**/*.test.ts', 'apps/*/bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/src/**/*.int.test.ts'],
          // One real Neo4j for the whole run; each test works in an id namespace of its own.
          globalSetup: ['packages/graph-store/src/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          // Neo4j, the seed, the API and the production build of the web app, for real Chromium.
          globalSetup: ['apps/web/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['apps/api/reliability/**/*.reliability.test.ts'],
          // One seeded Neo4j for the suite; files run one at a time, as load and faults must.
          globalSetup: ['apps/api/reliability/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
