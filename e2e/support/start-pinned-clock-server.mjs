// Starts a second `next start` of the test build whose guide clock is pinned
// (PRIMETIME_TEST_NOW, set by playwright.config.ts), for specs that walk days far from the
// real today (e2e/guide-dst.spec.ts). It serves a copy of the build: each server keeps its
// own cache files and its own prefix in the shared cache Redis, so the pinned server's pages
// never land in the main server's cache.
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';

const source = process.env.NEXT_DIST_DIR ?? '.next-test';
const copy = `${source}-pinned-clock`;
const port = process.env.E2E_DST_PORT;
if (!port || !process.env.PRIMETIME_TEST_NOW) throw new Error('E2E_DST_PORT and PRIMETIME_TEST_NOW must be set (playwright.config.ts sets both)');

rmSync(copy, { recursive: true, force: true });
const buildCache = path.join(source, 'cache');
cpSync(source, copy, { recursive: true, filter: (file) => file !== buildCache && !file.startsWith(`${buildCache}${path.sep}`) });

const server = spawn('./node_modules/.bin/next', ['start', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_DIST_DIR: copy, NEXT_CACHE_PREFIX: `${process.env.NEXT_CACHE_PREFIX ?? 'next'}-pinned-clock` },
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => {
  rmSync(copy, { recursive: true, force: true });
  process.exit(code ?? 0);
});
