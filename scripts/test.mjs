#!/usr/bin/env node
// `npm test`: everything CI checks, from a fresh clone. Installs what is missing (npm
// packages, Chromium, nginx), finds or starts PostgreSQL, Redis and a queue Redis
// (noeviction, for BullMQ; QUEUE_REDIS_URL picks one), creates a fresh
// database for this run, then runs lint, types, Vitest, the production build and
// Playwright, stopping at the first failing step. Ends with `N passed, M failed`.
// Plain Node with no npm imports at the top: node_modules may not exist yet.
//
//   npm test -- --only=e2e          just the build and the browser tests
//   npm test -- --skip=lint,typecheck
//   npm test -- --keep-db           keep the run's database (also KEEP_TEST_DB=1)
//   npm test -- --skip=bench        leave out the bench harness smoke run
//   npm test -- --only=faults       the build and the fault suite (npm run test:faults on the test build)
//   E2E_ARGS="e2e/guide.spec.ts" npm test -- --only=e2e   one spec (any Playwright arguments)
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, ensureNodeModules, ensurePrismaClient, testSystemPackages } from './lib/deps.mjs';
import { freePort, nextBin } from './lib/next.mjs';
import { createDatabase, dropDatabase, ensurePostgres, withDatabase } from './lib/postgres.mjs';
import { run, runMain } from './lib/proc.mjs';
import { ensureQueueRedis, ensureRedis } from './lib/redis.mjs';
import { StepError, bold, createReporter, dim, errorMessage, redactUrl } from './lib/ui.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// PRIMETIME_TEST_DIST_DIR lets two runs share a checkout (each with its own build, reports
// and Playwright output); CI and a plain `npm test` use .next-test.
const TEST_DIST_DIR = process.env.PRIMETIME_TEST_DIST_DIR ?? '.next-test';
const RUN_TAG = TEST_DIST_DIR === '.next-test' ? '' : `-${TEST_DIST_DIR.replace(/^\.+/, '')}`;
const reports = join(root, '.run', `reports${RUN_TAG}`);
/** Steps that --only / --skip select; set-up steps always run. */
const SELECTABLE = ['lint', 'typecheck', 'unit', 'build', 'e2e', 'faults', 'bench'];

const ui = createReporter();
const counts = { passed: 0, failed: 0 };
/** @type {{ serverUrl: string, name: string } | undefined} */
let testDatabase;
/** The run's own media and import directories, removed at the end. @type {string[]} */
let runScratchDirs = [];
let keepDatabase = process.env.KEEP_TEST_DB === '1';

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Set<string>} */
  let selected = new Set(SELECTABLE);
  let only = false;
  const skipped = new Set();
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2);
    const names = value.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = names.filter((name) => !SELECTABLE.includes(name));
    if ((flag === '--only' || flag === '--skip') && (names.length === 0 || unknown.length)) {
      throw new StepError(`${arg}: unknown step ${unknown.join(', ') || '(none given)'}`, { hint: `steps are ${SELECTABLE.join(', ')}` });
    }
    if (flag === '--only') {
      selected = new Set(names);
      only = true;
    } else if (flag === '--skip') names.forEach((name) => skipped.add(name));
    else if (flag === '--keep-db') keepDatabase = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new StepError(`unknown option ${arg}`, { hint: 'npm test -- --help lists the options' });
  }
  // The browser tests run against the production build: asking for e2e brings the
  // build along unless it is skipped explicitly (then .next-test must exist already).
  if (only && (selected.has('e2e') || selected.has('faults') || selected.has('bench')) && !skipped.has('build')) selected.add('build');
  for (const name of skipped) selected.delete(name);
  return selected;
}

/** @param {Date} date */
function stampOf(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}_${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** @param {string} file @returns {unknown} */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Vitest's JSON reporter: numPassedTests / numFailedTests. @param {string} file */
function countVitest(file) {
  const report = /** @type {{ numPassedTests?: number, numFailedTests?: number } | undefined} */ (readJson(file));
  if (!report) return undefined;
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

/** Playwright's JSON reporter: a flaky test passed on retry. @param {string} file */
function countPlaywright(file) {
  const report = /** @type {{ stats?: { expected?: number, unexpected?: number, flaky?: number } } | undefined} */ (readJson(file));
  if (!report?.stats) return undefined;
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  return { passed: expected + flaky, failed: unexpected };
}

/** @param {{ passed: number, failed: number } | undefined} result */
function addCounts(result) {
  if (!result) return '';
  counts.passed += result.passed;
  counts.failed += result.failed;
  return `${result.passed} passed, ${result.failed} failed`;
}

/**
 * A step that runs a test runner writing a JSON report: the report is removed first, the
 * counts are read from it whether the run passed or failed, and a failure's message ends
 * with them ("... (3 passed, 1 failed)").
 * @param {string} label
 * @param {string} report
 * @param {(file: string) => { passed: number, failed: number } | undefined} count
 * @param {() => Promise<unknown>} runTests
 */
async function countedTestStep(label, report, count, runTests) {
  rmSync(report, { force: true });
  let result = '';
  await ui
    .step(label, async () => {
      try {
        await runTests();
      } finally {
        result = addCounts(count(report));
      }
      return result;
    })
    .catch((error) => {
      if (result) error.message = `${error.message} (${result})`;
      throw error;
    });
}

/**
 * Next rewrites tsconfig.json and next-env.d.ts to point at the types of whichever
 * distDir it builds into; a test build in .next-test must not leave tracked files
 * changed, so both are put back afterwards.
 * @param {() => Promise<string>} work
 */
async function keepingTsconfig(work) {
  const files = ['tsconfig.json', 'next-env.d.ts'].map((name) => join(root, name));
  const saved = files.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined));
  try {
    return await work();
  } finally {
    files.forEach((file, index) => {
      const content = saved[index];
      if (content === undefined) rmSync(file, { force: true });
      else if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content);
    });
  }
}

/**
 * One `next build` at a time per checkout. Runs with their own PRIMETIME_TEST_DIST_DIR
 * share tsconfig.json: concurrent builds rewrite it under each other (and the last one to
 * put it back may restore another build's version), and each build type-checks the other's
 * half-written `<distDir>/types`. A lock file holding the builder's pid serialises them; a
 * lock whose process is gone is taken over.
 * @template T @param {(waitedMs: number) => Promise<T>} work @param {(pid: number) => void} onWait
 */
async function withBuildLock(work, onWait) {
  const lock = join(root, '.run', 'next-build.lock');
  const started = Date.now();
  mkdirSync(dirname(lock), { recursive: true });
  let reported = 0;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (!holder || !processAlive(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (holder !== reported) onWait((reported = holder));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  try {
    return await work(reported ? Date.now() - started : 0);
  } finally {
    rmSync(lock, { force: true });
  }
}

/** @param {number} pid */
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @type {Set<string>} */
let selected;
try {
  selected = parseArgs(process.argv.slice(2));
} catch (error) {
  ui.fail(error);
  process.exit(64); // EX_USAGE
}

async function main() {
  const wants = (name) => selected.has(name);
  const started = new Date();
  ui.info(bold(`Primetime tests: ${SELECTABLE.filter(wants).join(', ') || 'set-up only'}`));

  await ui.step('installing npm packages', () => ensureNodeModules(root));
  await ui.step('generating the Prisma client', () => ensurePrismaClient(root));
  if (wants('unit') || wants('e2e')) {
    await ui.step('installing Chromium and nginx', () => ensureDebianPackages(testSystemPackages));
  }
  const pg = await ui.step('finding PostgreSQL', () =>
    ensurePostgres({ root, database: 'postgres', embeddedPort: 5441, dataDirName: 'pg-test' }),
  );
  const redis = await ui.step('finding Redis', () => ensureRedis({ port: 6401 }));
  const queueRedis = await ui.step('finding the queue Redis (noeviction)', () =>
    ensureQueueRedis({ port: 6402, reuse: false, fallbackUrl: redis.url }),
  );

  const prefix = process.env.PRIMETIME_TEST_DB_PREFIX ?? 'primetime_test_';
  const name = `${prefix}${stampOf(started)}_${Math.random().toString(36).slice(2, 6)}`;
  const databaseUrl = withDatabase(pg.url, name);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_REDIS_URL: queueRedis.url,
    // BullMQ keys of this run only: a parallel run's worker never takes this run's jobs
    // (they would run against the other run's database).
    QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? `test-${name}`,
    // Next's shared cache (lib/cache/handlers) of this run only: a rerun of the same build
    // against a fresh database must not serve the last run's pages.
    NEXT_CACHE_PREFIX: process.env.NEXT_CACHE_PREFIX ?? `test-${name}`,
    // Uploaded media and staged imports of this run only (Next, the worker and the specs
    // all read these), never the repository's public/media.
    MEDIA_DIR: process.env.MEDIA_DIR ?? join(tmpdir(), `primetime-media-${name}`),
    IMPORT_DIR: process.env.IMPORT_DIR ?? join(tmpdir(), `primetime-imports-${name}`),
    NEXT_TELEMETRY_DISABLED: '1',
    // Production builds and `next start` may use lib/env.ts's development AUTH_SECRET here.
    PRIMETIME_LOCAL: '1',
  };
  runScratchDirs = process.env.MEDIA_DIR || process.env.IMPORT_DIR ? [] : [env.MEDIA_DIR, env.IMPORT_DIR];
  delete env.NODE_ENV; // Each tool sets its own (vitest: test, next build/start: production).
  delete env.NEXT_DIST_DIR; // Set per step: typegen writes .next/types, the test build goes to .next-test.

  await ui.step('creating a fresh database', async () => {
    await createDatabase(pg.url, name);
    testDatabase = { serverUrl: pg.url, name };
    return name;
  });
  await ui.step('migrating it', () =>
    run('npm', ['run', '--silent', 'db:migrate'], { cwd: root, env, what: 'npm run db:migrate', hint: 'run `npm run db:migrate` against a scratch database to see the whole error' }).then(() => undefined),
  );
  await ui.step('seeding test data', () =>
    run('npm', ['run', '--silent', 'db:seed', '--', '--size=test'], { cwd: root, env, what: 'npm run db:seed -- --size=test', hint: 'run `npm run db:seed -- --size=test` against a scratch database to see the whole error' }).then(() => undefined),
  );

  const stream = (text) => ui.write(text);
  mkdirSync(reports, { recursive: true });

  if (wants('lint')) {
    await ui.step('lint (eslint)', () =>
      run('npm', ['run', '--silent', 'lint'], { cwd: root, env, what: 'npm run lint', tail: 80, hint: 'fix the lint errors above (`npx eslint --fix .` fixes some)' }).then(() => 'clean'),
    );
  } else ui.skip('lint (eslint)', 'not selected');

  if (wants('typecheck')) {
    await ui.step('typecheck (next typegen + tsc)', async () => {
      // tsc needs Next's generated route types (PageProps, LayoutProps) in .next/types.
      // tsconfig also includes .next-test/types, which the build below regenerates; last
      // run's copy may name routes that no longer exist, so it goes first.
      rmSync(join(root, TEST_DIST_DIR, 'types'), { recursive: true, force: true });
      await run(nextBin(root), ['typegen'], { cwd: root, env, what: 'next typegen' });
      await run('npm', ['run', '--silent', 'typecheck'], { cwd: root, env, what: 'npm run typecheck', tail: 80, hint: 'fix the type errors above' });
      return 'clean';
    });
  } else ui.skip('typecheck (next typegen + tsc)', 'not selected');

  if (wants('unit')) {
    const report = join(reports, 'vitest.json');
    await countedTestStep('unit and integration tests (vitest)', report, countVitest, () =>
      run(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
        cwd: root,
        env,
        what: 'vitest run',
        stream,
        hint: 'the failing tests are listed above; `npx vitest run <file>` reruns one file',
      }),
    );
  } else ui.skip('unit and integration tests (vitest)', 'not selected');

  if (wants('build')) {
    await ui.step(`production build (next build → ${TEST_DIST_DIR})`, () =>
      withBuildLock(
        (waitedMs) =>
          keepingTsconfig(async () => {
            await run(nextBin(root), ['build'], {
              cwd: root,
              env: { ...env, NEXT_DIST_DIR: TEST_DIST_DIR },
              what: 'next build',
              tail: 80,
              hint: 'fix the build error above; the guide prerenders from the database at build time',
            });
            return waitedMs ? `after waiting ${Math.round(waitedMs / 1000)} s for another build` : undefined;
          }),
        (pid) => ui.info(dim(`  waiting for another next build in this checkout (pid ${pid}, .run/next-build.lock)`)),
      ),
    );
  } else ui.skip('production build', 'not selected');

  if (wants('e2e')) {
    if (!existsSync(join(root, TEST_DIST_DIR, 'BUILD_ID'))) {
      throw new StepError(`no build in ${TEST_DIST_DIR} for the browser tests`, { hint: 'run without --skip=build' });
    }
    const report = join(reports, 'e2e.json');
    const firstPort = Number(process.env.E2E_PORT ?? 3400);
    const port = await freePort(firstPort, firstPort + 99);
    // The worker (started by Playwright beside Next) answers its health check here.
    const workerPort = await freePort(port + 100, port + 199);
    await countedTestStep(`browser tests (playwright, next start on :${port}, worker on :${workerPort})`, report, countPlaywright, async () => {
      // E2E_ARGS passes extra arguments to Playwright (a spec file, --project=..., --grep=...).
      const extra = (process.env.E2E_ARGS ?? '').split(' ').filter(Boolean);
      await run(join(root, 'node_modules', '.bin', 'playwright'), ['test', ...extra], {
        cwd: root,
        env: {
          ...env,
          NEXT_DIST_DIR: TEST_DIST_DIR,
          E2E_PORT: String(port),
          WORKER_PORT: String(workerPort),
          E2E_JSON_REPORT: report,
          E2E_OUTPUT_DIR: `test-results${RUN_TAG}`,
          E2E_HTML_REPORT: `playwright-report${RUN_TAG}`,
          // Playwright sets FORCE_COLOR for its children; NO_COLOR beside it makes Node warn.
          ...(process.stdout.isTTY || env.FORCE_COLOR !== undefined || env.NO_COLOR !== undefined ? {} : { FORCE_COLOR: '0' }),
        },
        what: 'playwright test',
        stream,
        hint: 'traces of failed tests: npx playwright show-report (or npx playwright show-trace test-results/<test>/trace.zip)',
      });
    });
  } else ui.skip('browser tests (playwright)', 'not selected');

  if (wants('faults')) {
    // Its own PostgreSQL, Redis instances, Next and worker (it stops and freezes them), on
    // the build above; about two minutes (scripts/test-faults.mjs, docs/decisions/0015).
    const report = join(reports, 'faults.json');
    await countedTestStep('fault tests (npm run test:faults on the test build)', report, countVitest, async () => {
      await run(process.execPath, [join(root, 'scripts', 'test-faults.mjs'), `--dist-dir=${TEST_DIST_DIR}`, '--no-build'], {
        cwd: root,
        env: { ...process.env, FAULTS_JSON_REPORT: report },
        what: 'npm run test:faults',
        stream,
        hint: 'the failing fault tests are listed above; `npm run test:faults` reruns the suite',
      });
    });
  } else ui.skip('fault tests', 'not selected');

  if (wants('bench')) {
    // Proves the harness end to end (anchors, wrk, scenarios, table) in about a minute;
    // the real measurements are `npm run bench`, not part of the test run.
    await ui.step('bench harness smoke run (npm run bench -- --smoke)', () =>
      run('npm', ['run', '--silent', 'bench', '--', '--smoke', '--no-build', `--dist-dir=${TEST_DIST_DIR}`], {
        cwd: root,
        env,
        what: 'npm run bench -- --smoke',
        stream,
        hint: 'the harness output is above; `npm run bench -- --smoke` reruns it',
      }).then(() => 'ok'),
    );
  } else ui.skip('bench harness smoke run', 'not selected');
}

/** Drops the run's database (unless kept) while its server still runs. */
async function dropTestDatabase() {
  if (testDatabase) {
    const { serverUrl, name } = testDatabase;
    testDatabase = undefined;
    if (keepDatabase) ui.info(dim(`kept database ${name} (${redactUrl(withDatabase(serverUrl, name))})`));
    else {
      await ui.step('dropping the database', () => dropDatabase(serverUrl, name).then(() => name)).catch((error) => ui.fail(error));
    }
  }
}

function printSummary() {
  ui.info(`\n${bold('Summary')}\n${ui.summary()}\n`);
  // CI reads this exact line.
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
}

// The one way out, whichever comes first (the end, a failure, Ctrl-C): drop the run's
// database, stop what the run started, print the summary, exit.
runMain(main, {
  report: (error) => ui.fail(error),
  cleanup: async () => {
    await dropTestDatabase().catch((dropError) => ui.info(`dropping the test database failed: ${errorMessage(dropError)}`));
    if (!keepDatabase) for (const dir of runScratchDirs) rmSync(dir, { recursive: true, force: true });
  },
  summarise: printSummary,
  onInterrupted: () => ui.info('\nInterrupted: stopping…'),
});
