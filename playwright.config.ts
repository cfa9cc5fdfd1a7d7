// Browser tests against the production build (`next build` into .next-test, served by
// `next start`) with the background-job worker beside it. `npm test` builds, picks free
// ports and points DATABASE_URL at the run's fresh database and QUEUE_REDIS_URL at a queue
// Redis; run alone, `npx playwright test` expects that build to exist.
// Chromium comes from Debian (/usr/bin/chromium): Playwright cannot download browsers here.
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3400);
const baseURL = `http://127.0.0.1:${port}`;
const distDir = process.env.NEXT_DIST_DIR ?? '.next-test';
const workerPort = Number(process.env.WORKER_PORT ?? port + 100);
const serverEnv = {
  ...stringEnv(process.env),
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: '1',
  // `next start` is production mode; this lets it use lib/env.ts's development
  // AUTH_SECRET on a test machine.
  PRIMETIME_LOCAL: '1',
  // BullMQ keys of this run (npm test sets one per run); the worker is the only process
  // that talks to the queue, Next only writes outbox rows.
  QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? `e2e-${port}`,
};
const WRITER_SPECS = ['**/guide-publish.spec.ts', '**/admin-*.spec.ts'];
// A second Next of the same build with the guide clock pinned to the Saturday before a
// clock-change weekend (e2e/guide-dst.spec.ts). Set here so the spec's workers inherit it.
process.env.E2E_DST_PORT ??= String(port + 200);
const DST_NOW = '2027-03-27T12:00:00Z';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores: one for Next, one for the browser.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: process.env.E2E_HTML_REPORT ?? 'playwright-report' }],
    ['json', { outputFile: process.env.E2E_JSON_REPORT ?? '.run/reports/e2e.json' }],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  // Specs that change shared data (channels, schedules, a viewer's packages) run after the
  // ones that read it, so a reader never sees another spec's half-made change.
  projects: [
    { name: 'viewer', testIgnore: WRITER_SPECS, use: { ...devices['Desktop Chrome'] } },
    { name: 'writers', testMatch: WRITER_SPECS, dependencies: ['viewer'], use: { ...devices['Desktop Chrome'] } },
  ],
  // Next and the background-job worker (outbox relay, revalidation, upkeep), so specs can
  // rely on jobs running as they do in production.
  webServer: [
    {
      command: `./node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
      port,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: serverEnv,
    },
    {
      command: 'node e2e/support/start-pinned-clock-server.mjs',
      port: Number(process.env.E2E_DST_PORT),
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: { ...serverEnv, E2E_DST_PORT: process.env.E2E_DST_PORT, PRIMETIME_TEST_NOW: DST_NOW },
    },
    {
      command: 'node --conditions=react-server --import tsx scripts/worker.ts',
      url: `http://127.0.0.1:${workerPort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        ...serverEnv,
        WORKER_PORT: String(workerPort),
        // Straight to this run's Next (not through an edge) for revalidation.
        REVALIDATE_URL: `${baseURL}/api/internal/revalidate`,
        // Jobs come back quickly if a spec kills the worker.
        WORKER_LOCK_MS: process.env.WORKER_LOCK_MS ?? '5000',
      },
    },
  ],
});

/** webServer.env wants strings only; process.env's values may be undefined. */
function stringEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
