// One scenario, start to finish: setup, a pre-flight request per target (right status,
// body size), the anchor measured at the same settings, then each target; warm-up runs
// are discarded. Anchor measurements are reused within a run when nothing differs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createContext, type RunState } from './context';
import { fetchOnce } from './http';
import { progress } from './log';
import type { ScenarioResult } from './results';
import { Scope } from './scope';
import { mergeRounds, medianRatio, ROUNDS } from './rounds';
import { DESIGN_TARGETS, judge } from './targets';
import type { AnchorKind, Measurement, PlayTools, Scenario, TargetSpec, WrkResult } from './types';
import { runWrk } from './wrk';

type Load = Pick<TargetSpec, 'method' | 'headers' | 'body'> & {
  connections: number;
  rotate?: { header: string; file: string };
  durationS?: number;
  warmupS?: number;
};

const anchorCache = new Map<string, Measurement>();

async function preflight(url: string, spec: Load, expectStatus: number): Promise<Buffer> {
  const response = await fetchOnce(url, { method: spec.method ?? 'GET', headers: spec.headers, body: spec.body });
  if (response.status !== expectStatus) {
    const excerpt = response.body.toString('utf8').slice(0, 300).replace(/\s+/g, ' ');
    throw new Error(`${spec.method ?? 'GET'} ${url} answered ${response.status}, expected ${expectStatus}: ${excerpt}`);
  }
  return response.body;
}

function wrkRequest(state: RunState, url: string, spec: Load) {
  return {
    url,
    rotate: spec.rotate,
    connections: spec.connections,
    threads: state.options.threads,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    countNon2xx: state.options.countNon2xx,
  };
}

interface RowMeta {
  scenario: string;
  label: string;
  role: Measurement['role'];
  anchor: AnchorKind;
  url: string;
  connections: number;
  warmupS: number;
  responseBytes: number;
}

function asMeasurement(state: RunState, result: WrkResult, meta: RowMeta): Measurement {
  return { ...result, ...meta, threads: Math.min(state.options.threads, meta.connections), ratio: 1 };
}

async function load(
  state: RunState,
  scenario: string,
  label: string,
  role: Measurement['role'],
  anchor: AnchorKind,
  url: string,
  spec: Load,
  responseBytes: number,
): Promise<Measurement> {
  const request = wrkRequest(state, url, spec);
  const warmupS = spec.warmupS ?? state.options.warmupS;
  const durationS = spec.durationS ?? state.options.durationS;
  if (warmupS > 0) {
    progress(`warming ${label} for ${warmupS} s…`);
    await runWrk({ ...request, durationS: warmupS });
  }
  progress(`measuring ${label} for ${durationS} s at ${spec.connections} connections…`);
  const result = await runWrk({ ...request, durationS });
  return asMeasurement(state, result, { scenario, label, role, anchor, url, connections: spec.connections, warmupS, responseBytes });
}

function missingBody(scenario: Scenario): never {
  throw new Error(`scenario ${scenario.name} has no target and no anchorBody: nginx-static has nothing to serve`);
}

async function anchorFor(state: RunState, scenario: Scenario, kind: AnchorKind, body: Buffer | undefined, processes: number): Promise<{ url: string; label: string }> {
  // nginx runs its configured workers whatever the row; only the Node anchor follows `processes`.
  const url = kind === 'nginx-static'
    ? await state.anchors.nginxUrlFor(body ?? missingBody(scenario))
    : await state.anchors.nodeRedisUrl(processes);
  return { url, label: kind === 'node-redis' && processes > 1 ? `${kind} x${processes}` : kind };
}

/**
 * One row measured in rounds alternating with its own anchor (bench/lib/rounds.ts): both
 * warmed once, then anchor and target in turn; the ratio is the median of the rounds'.
 */
async function measureInterleaved(
  state: RunState,
  scenario: Scenario,
  target: TargetSpec,
  url: string,
  spec: Load,
  anchorBody: Buffer | undefined,
  responseBytes: number,
): Promise<[Measurement, Measurement]> {
  const processes = target.processes ?? 1;
  const anchor = await anchorFor(state, scenario, scenario.anchor, anchorBody, processes);
  const anchorSpec: Load = { connections: spec.connections };
  const anchorBytes = (await preflight(anchor.url, anchorSpec, 200)).length;
  const anchorRequest = wrkRequest(state, anchor.url, anchorSpec);
  const targetRequest = wrkRequest(state, url, spec);
  const { warmupS } = state.options;
  const roundS = Math.max(1, Math.ceil(state.options.durationS / ROUNDS));
  if (warmupS > 0) {
    progress(`warming ${anchor.label} and ${target.label} for ${warmupS} s each…`);
    await runWrk({ ...anchorRequest, durationS: warmupS });
    await runWrk({ ...targetRequest, durationS: warmupS });
  }
  const anchorRounds: WrkResult[] = [];
  const targetRounds: WrkResult[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    progress(`round ${round}/${ROUNDS} at ${spec.connections} connections: ${anchor.label}, then ${target.label}, ${roundS} s each…`);
    anchorRounds.push(await runWrk({ ...anchorRequest, durationS: roundS }));
    targetRounds.push(await runWrk({ ...targetRequest, durationS: roundS }));
  }
  const common = { scenario: scenario.name, anchor: scenario.anchor, connections: spec.connections, warmupS };
  const anchorRow = asMeasurement(state, mergeRounds(anchorRounds), { ...common, label: anchor.label, role: 'anchor', url: anchor.url, responseBytes: anchorBytes });
  const targetRow = asMeasurement(state, mergeRounds(targetRounds), { ...common, label: target.label, role: 'target', url, responseBytes });
  targetRow.ratio = medianRatio(targetRounds, anchorRounds);
  for (const row of [anchorRow, targetRow]) {
    row.rounds = ROUNDS;
    if (processes > 1) row.processes = processes;
  }
  return [anchorRow, targetRow];
}

async function measureAnchor(
  state: RunState,
  scenario: Scenario,
  connections: number,
  body: Buffer | undefined,
  kind: AnchorKind = scenario.anchor,
  processes = 1,
): Promise<Measurement> {
  const { url, label } = await anchorFor(state, scenario, kind, body, processes);
  const key = `${url}|${connections}`;
  const cached = anchorCache.get(key);
  if (cached) {
    progress(`reusing this run's ${label} measurement at ${connections} connections`);
    return { ...cached, scenario: scenario.name };
  }
  const spec = { connections };
  const bytes = (await preflight(url, spec, 200)).length;
  const measurement = await load(state, scenario.name, label, 'anchor', kind, url, spec, bytes);
  if (processes > 1) measurement.processes = processes;
  anchorCache.set(key, measurement);
  return measurement;
}

function playTools(state: RunState, scenario: Scenario): PlayTools {
  return {
    anchor: (kind, connections, body) => measureAnchor(state, scenario, connections, body, kind),
    load: async (label, url, spec) => {
      const m = await load(state, scenario.name, label, 'target', spec.anchor, url, spec, 0);
      return spec.group === undefined ? m : { ...m, group: spec.group };
    },
    rotationFile: (name, values) => {
      const file = path.join(state.runDir, `rotate-${scenario.name}-${name}.txt`);
      writeFileSync(file, `${values.join('\n')}\n`);
      return file;
    },
  };
}

export async function runScenario(state: RunState, scenario: Scenario): Promise<ScenarioResult> {
  const base = { name: scenario.name, describe: scenario.describe, anchor: scenario.anchor, designTarget: scenario.designTarget };
  const scope = new Scope();
  progress(`scenario ${scenario.name}: setting up…`);
  try {
    const ctx = createContext(state, scope);
    const runtime = await scenario.setup(ctx);
    const measured: Measurement[] = [];
    const rotate = runtime.rotate && runtime.rotate.values.length > 0 ? runtime.rotate : undefined;
    let rotateFile: string | undefined;
    if (rotate) {
      rotateFile = path.join(state.runDir, `rotate-${scenario.name}.txt`);
      writeFileSync(rotateFile, `${rotate.values.join('\n')}\n`);
    }
    const serverOf = (target: TargetSpec): string => {
      if (target.server === undefined) return runtime.baseUrl;
      const url = runtime.servers?.[target.server];
      if (!url) throw new Error(`scenario ${scenario.name}: row "${target.label}" names server "${target.server}", which its setup did not start`);
      return url;
    };
    const targets = scenario.targets.map((target) => ({
      target,
      url: `${serverOf(target)}${target.path}`,
      spec: {
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections: target.connections ?? state.options.connections,
        rotate: rotate && rotateFile ? { header: rotate.header, file: rotateFile } : undefined,
      },
    }));
    // Pre-flight every target before any load, so a broken page fails in a second, not after minutes.
    const bodies: Buffer[] = [];
    for (const { target, url, spec } of targets) {
      const headers = rotate ? { ...spec.headers, [rotate.header]: rotate.values[0]! } : spec.headers;
      bodies.push(await preflight(url, { ...spec, headers }, target.expectStatus ?? 200));
    }

    const findings = scenario.findings ? await scenario.findings(ctx, runtime) : undefined;
    if (scenario.play) {
      const played = await scenario.play(ctx, runtime, playTools(state, scenario));
      return { ...base, measurements: played.measurements, findings: [...(findings ?? []), ...played.findings], summary: played.summary };
    }
    // A findings-only scenario (a query plan, a browser metric) has no throughput to compare.
    if (targets.length === 0 && findings) return { ...base, measurements: measured, findings };

    const anchorBody = runtime.anchorBody ?? bodies[0];
    const goal = scenario.designTarget ? DESIGN_TARGETS[scenario.designTarget] : undefined;
    const judged = (m: Measurement, anchor?: Measurement) => {
      if (goal && (goal.minRatio !== undefined || goal.maxP99Ms !== undefined || goal.zeroErrors)) m.verdict = judge(goal, m, anchor);
      return m;
    };
    // A smoke run only proves the harness: one anchor measurement, no rounds.
    if (scenario.interleaved && !state.options.smoke) {
      for (const [index, { target, url, spec }] of targets.entries()) {
        const [anchorRow, targetRow] = await measureInterleaved(state, scenario, target, url, spec, anchorBody, bodies[index]?.length ?? 0);
        measured.push(anchorRow, judged(targetRow, anchorRow));
      }
      return { ...base, measurements: measured, findings };
    }
    // One anchor measurement per (connections, processes) the rows use.
    const anchorKey = (connections: number, processes: number) => `${connections}|${processes}`;
    const settings = targets.length > 0 ? targets.map((t) => [t.spec.connections, t.target.processes ?? 1] as const) : [[state.options.connections, 1] as const];
    const anchors = new Map<string, Measurement>();
    for (const [connections, processes] of settings) {
      if (anchors.has(anchorKey(connections, processes))) continue;
      const anchor = await measureAnchor(state, scenario, connections, anchorBody, scenario.anchor, processes);
      anchors.set(anchorKey(connections, processes), anchor);
      measured.push(anchor);
    }
    for (const [index, { target, url, spec }] of targets.entries()) {
      const m = await load(state, scenario.name, target.label, 'target', scenario.anchor, url, spec, bodies[index]?.length ?? 0);
      if (target.processes !== undefined && target.processes > 1) m.processes = target.processes;
      const anchor = anchors.get(anchorKey(spec.connections, target.processes ?? 1));
      m.ratio = anchor && anchor.requestsPerSec > 0 ? m.requestsPerSec / anchor.requestsPerSec : 0;
      measured.push(judged(m, anchor));
    }
    return { ...base, measurements: measured, findings };
  } finally {
    await scope.close();
  }
}
