// The shapes every scenario, anchor and report shares. A scenario is data plus one
// `setup` function; the harness (bench/run.ts) does the measuring, so adding a
// scenario never means touching the measuring code.
import type { BenchContext } from './context';
import type { SummaryRow } from './surge-plan';

export type AnchorKind = 'nginx-static' | 'node-redis';

export type DesignTargetId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8';

/** One URL put under load; becomes one row of the scenario's table. */
export interface TargetSpec {
  /** Row label, e.g. "next start /guide". */
  label: string;
  /** Request path (with query), appended to the runtime's baseUrl. */
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Overrides the run's connection count (P2 is specified at 256); the anchor is measured at the same count. */
  connections?: number;
  /** Status the target must answer before it is measured (default 200). */
  expectStatus?: number;
  /**
   * Processes of the server under test (the per-user service's PER_USER_WORKERS, one per
   * core). The node-redis anchor is then measured with as many processes, so the ratio
   * compares like with like. Default 1.
   */
  processes?: number;
  /** Which of the runtime's `servers` answers this row (default: its baseUrl). */
  server?: string;
}

/** What a scenario's setup hands back once its servers are up. */
export interface ScenarioRuntime {
  /** e.g. http://127.0.0.1:3301 */
  baseUrl: string;
  /**
   * Bytes the nginx-static anchor serves. Default: the first target's response body,
   * so nginx serves a file of exactly the size of the page under test.
   */
  anchorBody?: Buffer;
  /**
   * Rotate one header over these values, one per request, for every target (e.g. the
   * session cookies of many viewers, so a per-user endpoint is not measured on one user).
   * The pre-flight request uses the first value.
   */
  rotate?: { header: string; values: string[] };
  /** Further servers by name, for rows whose `server` names one (e.g. the service one per core). */
  servers?: Record<string, string>;
}

export interface Scenario {
  name: string;
  /** One line for `--list` and the report. */
  describe: string;
  /** The anchor this scenario's ratios are computed against. */
  anchor: AnchorKind;
  /** The DESIGN.md performance target these rows are judged by, if any. */
  designTarget?: DesignTargetId;
  /**
   * Measure each row in rounds alternating with its own anchor and report the median ratio
   * (bench/lib/rounds.ts), instead of one anchor measurement shared by the run. For rows
   * whose ratio sits near a target on a machine whose speed drifts (P2, P3).
   */
  interleaved?: boolean;
  /** Rows measured against the runtime's baseUrl. Empty for the anchor scenarios themselves. */
  targets: TargetSpec[];
  /** Starts what the targets need; anything started through ctx is stopped after the scenario. */
  setup(ctx: BenchContext): Promise<ScenarioRuntime>;
  /**
   * Measurements that are not wrk throughput (a payload's compressed size, a query's time
   * under EXPLAIN, a browser metric), taken after setup and before any load. A scenario
   * with findings and no targets measures no anchor.
   */
  findings?(ctx: BenchContext, runtime: ScenarioRuntime): Promise<Finding[]>;
  /**
   * A scenario whose load is a plan of phases (several wrk runs at once, anchors of both
   * kinds, counters read between phases) plays it here instead of one row per target; the
   * harness calls it after setup and findings, and keeps what it returns (bench/scenarios/surge.ts).
   */
  play?(ctx: BenchContext, runtime: ScenarioRuntime, tools: PlayTools): Promise<PlayResult>;
}

/** What a playing scenario measures with: the same wrk runs and anchors as every other row. */
export interface PlayTools {
  /** The anchor of `kind` at `connections`, measured (or reused) as for any scenario; `body` for nginx-static. */
  anchor(kind: AnchorKind, connections: number, body?: Buffer): Promise<Measurement>;
  /** One wrk run (after the run's warm-up unless `warmupS` says otherwise) against `url`. */
  load(label: string, url: string, spec: PlayLoad): Promise<Measurement>;
  /** Writes rotation values to a file in the run dir (for PlayLoad.rotate). */
  rotationFile(name: string, values: string[]): string;
}

export interface PlayLoad {
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  rotate?: { header: string; file: string };
  durationS?: number;
  warmupS?: number;
  anchor: AnchorKind;
  /** Which table/chart group the row belongs to (a phase). */
  group?: string;
}

export interface PlayResult {
  measurements: Measurement[];
  findings: Finding[];
  /** DESIGN targets beside what was measured, printed after the tables. */
  summary?: SummaryRow[];
}

/** One non-throughput measurement; printed under the scenario's table and kept in the results. */
export interface Finding {
  label: string;
  value: number;
  unit: 'ms' | 'KB' | 'bytes' | 'count' | 'per s';
  /** DESIGN.md's limit in the same unit: the table says PASS when value <= max, else MISS. */
  max?: number;
  /** A lower limit in the same unit (PASS needs value >= min too). */
  min?: number;
  /** Anything the figure needs to be read right, e.g. "2 of 13 partitions scanned". */
  detail?: string;
}

export interface LatencySummary {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface ErrorCounts {
  connect: number;
  read: number;
  write: number;
  /** wrk's own count: responses with status >= 400. */
  status: number;
  timeout: number;
}

/** One wrk run, as parsed from bench/wrk/report.lua's JSON. */
export interface WrkResult {
  durationS: number;
  requests: number;
  bytes: number;
  requestsPerSec: number;
  latency: LatencySummary;
  errors: ErrorCounts;
  /**
   * Responses whose status was not 2xx when counted (--count-non2xx); otherwise wrk's
   * native count of status >= 400, the same as errors.status.
   */
  non2xx: number;
  non2xxExact: boolean;
}

export interface Measurement extends WrkResult {
  scenario: string;
  label: string;
  role: 'target' | 'anchor';
  anchor: AnchorKind;
  url: string;
  connections: number;
  threads: number;
  warmupS: number;
  /** Size of one response body, from the pre-flight fetch. */
  responseBytes: number;
  /** req/s divided by the anchor's req/s in the same run. */
  ratio: number;
  /** Processes of the measured server (anchors: as many as the rows they anchor); absent: 1. */
  processes?: number;
  /** Rounds alternating with its anchor (bench/lib/rounds.ts); absent: one measurement. */
  rounds?: number;
  verdict?: Verdict;
  /** The phase a playing scenario measured the row in (its own table and chart group). */
  group?: string;
}

export interface Verdict {
  target: DesignTargetId;
  text: string;
  pass: boolean;
  /** Which part failed, for the table. */
  reasons: string[];
}
