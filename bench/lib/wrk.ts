// Runs wrk with bench/wrk/report.lua and parses the one JSON line its done() prints.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './processes';
import type { WrkResult } from './types';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'wrk', 'report.lua');

export interface WrkRequest {
  url: string;
  connections: number;
  threads: number;
  /** Whole seconds: wrk does not take fractions. */
  durationS: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Count 3xx too, at the cost of wrk copying every response into Lua. */
  countNon2xx?: boolean;
  /** One header rotated per request over the lines of a file (report.lua pre-formats them). */
  rotate?: { header: string; file: string };
}

interface RawReport {
  duration_us: number;
  requests: number;
  bytes: number;
  latency_us: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  non2xx: number;
}

export function parseReport(output: string): WrkResult {
  const line = output.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no BENCH_JSON line; its output was:\n${output.slice(-2_000)}`);
  const raw = JSON.parse(line.slice('BENCH_JSON '.length)) as RawReport;
  const ms = (us: number): number => Math.round(us) / 1000;
  const durationS = raw.duration_us / 1e6;
  return {
    durationS,
    requests: raw.requests,
    bytes: raw.bytes,
    requestsPerSec: durationS > 0 ? raw.requests / durationS : 0,
    latency: {
      p50Ms: ms(raw.latency_us.p50),
      p90Ms: ms(raw.latency_us.p90),
      p99Ms: ms(raw.latency_us.p99),
      maxMs: ms(raw.latency_us.max),
      meanMs: ms(raw.latency_us.mean),
    },
    errors: raw.errors,
    non2xx: raw.non2xx >= 0 ? raw.non2xx : raw.errors.status,
    non2xxExact: raw.non2xx >= 0,
  };
}

export async function runWrk(request: WrkRequest): Promise<WrkResult> {
  const threads = Math.min(request.threads, request.connections);
  const args = [
    `--threads=${threads}`,
    `--connections=${request.connections}`,
    `--duration=${Math.max(1, Math.round(request.durationS))}s`,
    // A request slower than this counts as a timeout error instead of stretching p99 silently.
    '--timeout=10s',
    `--script=${SCRIPT}`,
  ];
  for (const [name, value] of Object.entries(request.headers ?? {})) args.push(`--header=${name}: ${value}`);
  args.push(request.url);
  const env = {
    ...process.env,
    BENCH_METHOD: request.method ?? 'GET',
    BENCH_BODY: request.body ?? '',
    BENCH_COUNT_NON2XX: request.countNon2xx ? '1' : '0',
    BENCH_ROTATE_HEADER: request.rotate?.header ?? '',
    BENCH_ROTATE_FILE: request.rotate?.file ?? '',
  };
  // Raise the open-files limit to the hard limit first: wrk needs one descriptor per
  // connection and the usual soft limit (1024) would cap P4's 10,000 connections.
  const raiseLimit = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec wrk "$@"';
  return parseReport(await run('wrk', 'sh', ['-c', raiseLimit, 'wrk', ...args], { env }));
}
