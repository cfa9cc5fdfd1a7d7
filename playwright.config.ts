// Browser tests against the production build (`next build` into .next-test, served by
// `next start`) with the background-job worker beside it. `npm test` builds, picks free
// ports and points DATABASE_URL at the run's fresh database and QUEUE_REDIS_URL at a queue
// Redis; run alone, `npx playwright test` expects that build to exist.
// Chromium comes from Debian (/usr/bin/chromium): Playwright cannot download browsers here.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { ROLES, WRITERS, storageStateOf, type Role } from './e2e/support/roles';

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
// A second Next of the same build with the guide clock pinned to the Saturday before a
// clock-change weekend (e2e/guide-dst.spec.ts). Set here so the spec's workers inherit it.
process.env.E2E_DST_PORT ??= String(port + 200);
const DST_NOW = '2027-03-27T12:00:00Z';
const E2E_DIR = join(dirname(fileURLToPath(import.meta.url)), 'e2e');

/**
 * Which spec runs as whom. A spec in e2e/<role>/ runs as that role with no line here; these
 * lists place the top-level specs. A top-level spec on no list runs in `anonymous`, except
 * admin-*.spec.ts, which runs in `editor` (a writer: back-office specs change shared data).
 */
const TOP_LEVEL: Record<Exclude<Role, 'anonymous'>, string[]> = {
  viewer: [],
  subscriber: [],
  // Writers: back-office specs; guide-publish, edge-page-cache and shared-cache change the
  // guide or a title and check every cache layer shows it.
  editor: ['admin-*', 'guide-publish', 'edge-page-cache', 'shared-cache'],
  admin: ['admin-grant-unlocks', 'admin-view-as'],
};
const topLevel = (names: string[]) => names.map((name) => `${E2E_DIR}/${name}.spec.ts`);
const inFolder = (role: Role) => `${E2E_DIR}/${role}/**/*.spec.ts`;
const SPEC_FILES: Record<Role, { testMatch: string[]; testIgnore?: string[] }> = {
  anonymous: {
    testMatch: [`${E2E_DIR}/*.spec.ts`, inFolder('anonymous')],
    testIgnore: topLevel([...TOP_LEVEL.viewer, ...TOP_LEVEL.subscriber, ...TOP_LEVEL.editor, ...TOP_LEVEL.admin]),
  },
  viewer: { testMatch: [...topLevel(TOP_LEVEL.viewer), inFolder('viewer')] },
  subscriber: { testMatch: [...topLevel(TOP_LEVEL.subscriber), inFolder('subscriber')] },
  editor: { testMatch: [...topLevel(TOP_LEVEL.editor), inFolder('editor')], testIgnore: topLevel(TOP_LEVEL.admin) },
  admin: { testMatch: [...topLevel(TOP_LEVEL.admin), inFolder('admin')] },
};

/**
 * The reader projects a writer waits for: all of them for the whole suite, only those named
 * with --project when some are (`--project=editor` runs the editor alone, after its sign-in).
 */
function readersInThisRun(): Role[] {
  // Spec files named on the command line run alone: Playwright filters only the projects it
  // was asked for and runs their dependencies whole, so a writer's one spec would otherwise
  // wait for every reader spec (a one-spec run took the whole reader suite). Name a reader's
  // spec and a writer's together and they run side by side.
  if (namedSpecFiles()) return [];
  const picked = new Set(cliValues('--project').flatMap((value) => value.split(',')));
  return ROLES.filter((role) => !WRITERS.includes(role) && (picked.size === 0 || picked.has(role)));
}

/**
 * `--repeat-each=N` for the readers too. Playwright applies the CLI value only to projects
 * nothing depends on (the writers, in a whole-suite run) and runs dependencies once; a
 * project's own `repeatEach` is honoured either way, so the readers get it here. The
 * sign-in setups stay at one run each: repeating them proves nothing.
 */
const repeatEach = Number(cliValues('--repeat-each').at(-1) ?? 1);

/** Whether the command line names spec files or folders (`e2e/guide-publish.spec.ts`, `e2e/viewer`). */
function namedSpecFiles(): boolean {
  return process.argv.some((arg) => !arg.startsWith('-') && (arg.includes('.spec') || /^(\.\/)?e2e(\/|$)/.test(arg)));
}

/** The values given to a CLI option, as `--name=value` or `--name value`. */
function cliValues(name: string): string[] {
  return process.argv.flatMap((arg, index) => {
    if (arg === name) return [process.argv[index + 1] ?? ''];
    return arg.startsWith(`${name}=`) ? [arg.slice(name.length + 1)] : [];
  });
}

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
  expect: {
    timeout: 10_000,
    // Screenshots (e2e/editor/visual.spec.ts): one font, no caret; animations are disabled
    // by default. A few pixels of anti-aliasing may differ; layout changes do not pass.
    toHaveScreenshot: { stylePath: './e2e/support/screenshot.css', maxDiffPixelRatio: 0.002 },
  },
  reporter: [
    ['list'],
    ['./e2e/support/summary-reporter.ts'],
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
  // One project per role (e2e/README.md has the table). Readers run first and in parallel;
  // the writers (editor, admin), whose specs change shared data, start when the readers
  // picked in this run have finished, so no reader sees a half-made change.
  projects: [
    ...ROLES.filter((role) => role !== 'anonymous').map((role) => ({
      name: `setup:${role}`,
      repeatEach: 1,
      testDir: './e2e/support',
      testMatch: 'auth.setup.ts',
      grep: new RegExp(`as ${role}$`),
    })),
    ...ROLES.map((role) => ({
      name: role,
      repeatEach,
      ...SPEC_FILES[role],
      dependencies: [...(role === 'anonymous' ? [] : [`setup:${role}`]), ...(WRITERS.includes(role) ? readersInThisRun() : [])],
      use: { ...devices['Desktop Chrome'], ...(role === 'anonymous' ? {} : { storageState: storageStateOf(role) }) },
    })),
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
