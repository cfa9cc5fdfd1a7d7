// bench/results/<timestamp>.json + .svg, and latest.json/latest.svg pointing at the
// newest run. Written through a .tmp file and renamed, so a reader never sees half.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetInfo } from './database';
import type { MachineInfo } from './machine';
import type { BenchOptions } from './options';
import { renderSvg, type ChartGroup } from './svg';
import type { SummaryRow } from './surge-plan';
import { groupRows } from './table';
import type { AnchorKind, DesignTargetId, Finding, Measurement } from './types';

export interface ScenarioResult {
  name: string;
  describe: string;
  anchor: AnchorKind;
  designTarget?: DesignTargetId;
  measurements: Measurement[];
  /** Non-throughput measurements (Scenario.findings). */
  findings?: Finding[];
  error?: string;
  /** DESIGN targets beside their figures (a playing scenario's summary). */
  summary?: SummaryRow[];
}

export interface RunResults {
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  options: Omit<BenchOptions, 'list' | 'help'>;
  dataset?: DatasetInfo;
  scenarios: ScenarioResult[];
}

function writeAtomic(file: string, content: string): void {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

/** The chart's groups: one per scenario, or one per phase for a scenario whose rows carry a group. */
function chartGroups(scenarios: ScenarioResult[]): ChartGroup[] {
  return scenarios
    .filter((s) => s.measurements.length > 0)
    .flatMap((s) =>
      groupRows(s.measurements).map(({ group, rows }) => ({
        name: group ? `${s.name} / ${group}` : `${s.name}: ${s.describe}`,
        // A phase's rows carry their own verdicts; the chart's target line needs one target per group.
        designTarget: group ? rows.find((r) => r.verdict)?.verdict?.target : s.designTarget,
        rows,
      })),
    );
}

/**
 * `prefix` names a family of results of its own (the surge's `surge-<timestamp>` and
 * `surge-latest`), so a surge run does not replace the other scenarios' latest.
 */
export function writeResults(dir: string, results: RunResults, prefix = ''): { json: string; svg: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const groups = chartGroups(results.scenarios);
  const m = results.machine;
  const first = results.scenarios.flatMap((s) => s.measurements)[0];
  const subtitle = `${stamp} · ${m.cpuModel}, ${m.cores} cores · Node ${m.node} · ${m.gitCommit.slice(0, 10)}${m.gitDirty ? '+dirty' : ''}` +
    (first ? ` · wrk ${first.connections} connections, ${first.durationS.toFixed(0)} s` : '') + ' · bars scaled per scenario; grey = anchor';
  const svg = renderSvg('Primetime bench: req/s per target vs its anchor', subtitle, groups);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const files = { json: path.join(dir, `${prefix}${stamp}.json`), svg: path.join(dir, `${prefix}${stamp}.svg`) };
  writeAtomic(files.json, json);
  writeAtomic(files.svg, svg);
  writeAtomic(path.join(dir, `${prefix}latest.json`), json);
  writeAtomic(path.join(dir, `${prefix}latest.svg`), svg);
  return files;
}
