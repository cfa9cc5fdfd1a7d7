#!/usr/bin/env node
// `npm run test:faults`: the fault suite (tests/faults/, vitest.faults.config.ts) against a
// running stack of its own: PostgreSQL, a cache Redis and a queue Redis on free ports, a
// delay proxy between Next and PostgreSQL, `next start` of a production build and the
// worker. The tests stop, freeze and slow these down and check DESIGN.md's "Failure
// behaviour"; the shared servers on 5432 and 6379 are never touched. Ends with
// `N passed, M failed`.
//
//   npm run test:faults                       reuse the build in .next-test (PRIMETIME_TEST_DIST_DIR), building it when missing
//   npm run test:faults -- --dist-dir=.next-x another build folder
//   npm run test:faults -- --no-build         fail instead of building when the folder has no build
//   FAULTS_ARGS="tests/faults/postgres-down.test.ts" npm run test:faults   one file (any Vitest arguments)
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensurePrismaClient } from './lib/deps.mjs';
import { makeScratchDir, startFaultStack } from './lib/fault-stack.mjs';
import { run, runMain } from './lib/proc.mjs';
import { StepError, bold, createReporter } from './lib/ui.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ui = createReporter();
const counts = { passed: 0, failed: 0 };

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { distDir: process.env.PRIMETIME_TEST_DIST_DIR ?? '.next-test', build: true };
  for (const arg of argv) {
    if (arg.startsWith('--dist-dir=')) options.distDir = arg.slice('--dist-dir='.length);
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new StepError(`unknown option ${arg}`, { hint: 'npm run test:faults -- --help lists the options' });
  }
  return options;
}

/** @type {Awaited<ReturnType<typeof startFaultStack>> | undefined} */
let stack;
/** @type {string | undefined} */
let scratch;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ui.info(bold(`Primetime fault suite (build: ${options.distDir})`));
  await ui.step('installing npm packages', () => ensureNodeModules(root));
  await ui.step('generating the Prisma client', () => ensurePrismaClient(root));
  if (!existsSync(join(root, options.distDir, 'BUILD_ID'))) {
    if (!options.build) throw new StepError(`no build in ${options.distDir}`, { hint: 'run without --no-build, or `npm test -- --only=build` first' });
    // npm test's build step: its own database on the usual server, the build lock, tsconfig kept.
    await ui.step(`production build into ${options.distDir} (npm test -- --only=build)`, () =>
      run(process.execPath, [join(root, 'scripts', 'test.mjs'), '--only=build'], {
        cwd: root,
        env: { ...process.env, PRIMETIME_TEST_DIST_DIR: options.distDir },
        what: 'npm test -- --only=build',
        tail: 60,
      }).then(() => 'built'),
    );
  }
  scratch = makeScratchDir();
  stack = await startFaultStack({ root, distDir: options.distDir, scratch, step: ui.step });

  const reports = join(root, '.run', 'reports');
  mkdirSync(reports, { recursive: true });
  const report = process.env.FAULTS_JSON_REPORT ?? join(reports, 'faults.json');
  rmSync(report, { force: true });
  let result = '';
  const extra = (process.env.FAULTS_ARGS ?? '').split(' ').filter(Boolean);
  await ui
    .step('fault tests (vitest -c vitest.faults.config.ts)', async () => {
      try {
        await run(join(root, 'node_modules', '.bin', 'vitest'), ['run', '-c', 'vitest.faults.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], {
          cwd: root,
          env: { ...process.env, ...stack?.testEnv },
          what: 'vitest run -c vitest.faults.config.ts',
          stream: (text) => ui.write(text),
          hint: 'the failing tests are listed above; FAULTS_ARGS=<file> npm run test:faults reruns one file',
        });
      } finally {
        result = countReport(report);
      }
      return result;
    })
    .catch((error) => {
      if (result) error.message = `${error.message} (${result})`;
      throw error;
    });
}

/** @param {string} file */
function countReport(file) {
  try {
    const { numPassedTests = 0, numFailedTests = 0 } = JSON.parse(readFileSync(file, 'utf8'));
    counts.passed += numPassedTests;
    counts.failed += numFailedTests;
    return `${numPassedTests} passed, ${numFailedTests} failed`;
  } catch {
    return '';
  }
}

runMain(main, {
  report: (error) => ui.fail(error),
  cleanup: async () => {
    await stack?.close().catch(() => {});
  },
  summarise: () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    ui.info(`\n${bold('Summary')}\n${ui.summary()}\n`);
    console.log(`${counts.passed} passed, ${counts.failed} failed`);
  },
  onInterrupted: () => ui.info('\nInterrupted: stopping…'),
});
