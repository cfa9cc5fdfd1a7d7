// Two projects: `unit` (pure code, no services) and `integration` (real PostgreSQL and
// Redis). Integration runs get a fresh, migrated database of their own (tests/setup/global-db.ts),
// so they never touch the development database and can run in parallel with other checkouts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // `import 'server-only'` throws outside React Server Components; tests import server
      // modules directly, as the react-server build condition would.
      { find: /^server-only$/, replacement: fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)) },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          // Unit tests run first (fast feedback), then integration with its own worker limit.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/integration-env.ts'],
          // Two cores: two test files at a time, each holding a few connections.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
