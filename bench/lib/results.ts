// bench/results/<timestamp>.json + .svg, and latest.json/latest.svg pointing at the
// newest run. Written through a .tmp file and renamed, so a reader never sees half.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetInfo } from './database';
import type { MachineInfo } from './machine';
import type { BenchOptions } from './options';
import { renderSvg, type ChartGroup } from './svg';
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

export function writeResults(dir: string, results: RunResults): { json: string; svg: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const groups: ChartGroup[] = results.scenarios
    .filter((s) => s.measurements.length > 0)
    .map((s) => ({ name: `${s.name}: ${s.describe}`, designTarget: s.designTarget, rows: s.measurements }));
  const m = results.machine;
  const first = results.scenarios.flatMap((s) => s.measurements)[0];
  const subtitle = `${stamp} · ${m.cpuModel}, ${m.cores} cores · Node ${m.node} · ${m.gitCommit.slice(0, 10)}${m.gitDirty ? '+dirty' : ''}` +
    (first ? ` · wrk ${first.connections} connections, ${first.durationS.toFixed(0)} s` : '') + ' · bars scaled per scenario; grey = anchor';
  const svg = renderSvg('Primetime bench: req/s per target vs its anchor', subtitle, groups);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const files = { json: path.join(dir, `${stamp}.json`), svg: path.join(dir, `${stamp}.svg`) };
  writeAtomic(files.json, json);
  writeAtomic(files.svg, svg);
  writeAtomic(path.join(dir, 'latest.json'), json);
  writeAtomic(path.join(dir, 'latest.svg'), svg);
  return files;
}
