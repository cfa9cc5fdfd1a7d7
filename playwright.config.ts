// Browser tests against the production build (`next build` into .next-test, served by
// `next start`). `npm test` builds, picks a free port and points DATABASE_URL at the run's
// fresh database; run alone, `npx playwright test` expects that build to exist.
// Chromium comes from Debian (/usr/bin/chromium): Playwright cannot download browsers here.
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3400);
const baseURL = `http://127.0.0.1:${port}`;
const distDir = process.env.NEXT_DIST_DIR ?? '.next-test';
const WRITER_SPECS = ['**/guide-publish.spec.ts', '**/admin-*.spec.ts'];

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
  webServer: {
    command: `./node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    port,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      ...stringEnv(process.env),
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      // `next start` is production mode; this lets it use lib/env.ts's development
      // AUTH_SECRET on a test machine.
      PRIMETIME_LOCAL: '1',
    },
  },
});

/** webServer.env wants strings only; process.env's values may be undefined. */
function stringEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
