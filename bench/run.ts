// `npm run bench [scenario...]`: measures each scenario's targets against an anchor
// started by this same run on this same machine, prints a table per scenario and writes
// bench/results/<timestamp>.{json,svg} (+ latest.*). See bench/README.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnchorPool } from './lib/anchors';
import type { RunState } from './lib/context';
import { DEFAULT_DATABASE_URL } from './lib/database';
import { progress } from './lib/log';
import { machineInfo } from './lib/machine';
import { runScenario } from './lib/measure';
import { OptionsError, USAGE, parseOptions } from './lib/options';
import { acquireRunLock, beginShutdown, killAllNow, reapStale, stopAll } from './lib/processes';
import { writeResults, type ScenarioResult } from './lib/results';
import { renderSummary } from './lib/surge-plan';
import { renderFindings, renderTables } from './lib/table';
import { totalErrors } from './lib/targets';
import { ensureTools } from './lib/tools';
import { SCENARIOS } from './scenarios/index';
import { SURGE } from './scenarios/surge';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUN_DIR = path.join(ROOT, '.run', 'bench');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

function installSignalHandlers(): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    beginShutdown();
    progress(`${signal}: stopping every server this run started…`);
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // Last resort when the run dies some other way: nothing of ours outlives it.
  process.on('exit', killAllNow);
}

/** Problems that make a smoke run (or any run) fail: no traffic, or errors on the wire. */
function problems(results: ScenarioResult[]): string[] {
  const found: string[] = [];
  for (const scenario of results) {
    if (scenario.error) found.push(`${scenario.name}: ${scenario.error.split('\n')[0]}`);
    for (const m of scenario.measurements) {
      if (m.requests === 0) found.push(`${scenario.name} / ${m.label}: no request completed`);
      const errors = totalErrors(m);
      if (errors > 0) found.push(`${scenario.name} / ${m.label}: ${errors} errors or non-2xx responses`);
    }
  }
  return found;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.list) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(16)} ${s.describe}`);
    return 0;
  }
  const unknown = options.scenarios.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new OptionsError(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  const selected = options.scenarios.length > 0 ? SCENARIOS.filter((s) => options.scenarios.includes(s.name)) : [...SCENARIOS];

  acquireRunLock(RUN_DIR);
  installSignalHandlers();
  reapStale(RUN_DIR);
  await ensureTools();
  const startedAt = new Date().toISOString();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const state: RunState = {
    options,
    root: ROOT,
    runDir: RUN_DIR,
    databaseUrl: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    redisUrl,
    anchors: new AnchorPool(RUN_DIR, redisUrl),
  };
  progress(
    `${options.smoke ? 'SMOKE run' : 'run'}: ${selected.map((s) => s.name).join(', ')}; ` +
      `wrk ${options.connections} connections, ${options.threads} thread(s), ${options.warmupS} s warm-up + ${options.durationS} s per target`,
  );

  const results: ScenarioResult[] = [];
  try {
    for (const scenario of selected) {
      try {
        const result = await runScenario(state, scenario);
        results.push(result);
        if (result.measurements.length > 0) console.log(renderTables(scenario, result.measurements));
        if (result.findings?.length) console.log(renderFindings(scenario, result.findings));
        if (result.summary?.length) console.log(renderSummary(result.summary));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        progress(`scenario ${scenario.name} FAILED: ${message}`);
        results.push({ name: scenario.name, describe: scenario.describe, anchor: scenario.anchor, designTarget: scenario.designTarget, measurements: [], error: message });
      }
    }
  } finally {
    await state.anchors.stop();
    await stopAll();
  }

  if (options.write) {
    const { list: _list, help: _help, ...recorded } = options;
    const run = {
      version: 1 as const,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(ROOT),
      options: recorded,
      dataset: state.dataset,
    };
    // The surge keeps results of its own (surge-<timestamp>, surge-latest): its run takes
    // minutes on the load data set and should not replace the other scenarios' latest.
    const families = [
      { prefix: '', scenarios: results.filter((r) => r.name !== SURGE) },
      { prefix: `${SURGE}-`, scenarios: results.filter((r) => r.name === SURGE) },
    ];
    for (const { prefix, scenarios } of families) {
      if (scenarios.length === 0) continue;
      const files = writeResults(RESULTS_DIR, { ...run, scenarios }, prefix);
      progress(`wrote ${path.relative(ROOT, files.json)}, ${path.relative(ROOT, files.svg)} and bench/results/${prefix}latest.{json,svg}`);
    }
  }

  const found = problems(results);
  if (found.length > 0) {
    console.error(`\nbench: ${found.length} problem(s):\n  ${found.join('\n  ')}`);
    return 1;
  }
  if (options.smoke) progress('smoke run OK: every anchor and scenario answered under load without errors');
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await stopAll();
    if (error instanceof OptionsError) {
      console.error(`bench: ${error.message}\n\n${USAGE}`);
      process.exit(64);
    }
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
