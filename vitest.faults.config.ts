// The fault suite (`npm run test:faults`): tests/faults/ against the running stack that
// scripts/test-faults.mjs starts (its own PostgreSQL, Redis instances, delay proxy, Next and
// worker). One file at a time, in a fixed order: every file breaks the one shared stack and
// heals it afterwards, so two files at once would see each other's faults.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: root }] },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    sequence: { shuffle: false },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
