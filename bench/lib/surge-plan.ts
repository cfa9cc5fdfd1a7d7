// The surge scenario's pure parts (bench/scenarios/surge.ts plays them): how many
// connections each phase of the New Year's Eve uses and why, the PostgreSQL arithmetic
// (queries per second, profile loads per viewer), and the P1-P5 summary with verdicts.
import { DESIGN_TARGETS, totalErrors } from './targets';
import type { DesignTargetId, Measurement } from './types';

/** DESIGN.md P4: the surge is specified at 10,000 concurrent connections on guide pages. */
export const P4_CONNECTIONS = 10_000;
/** DESIGN.md P4: a viewer's profile is read from PostgreSQL at most once per 5 minutes. */
export const P4_MAX_LOADS_PER_VIEWER = 1;
/** DESIGN.md P5: a stale page under this many concurrent requests is regenerated exactly once. */
export const P5_CONCURRENT = 1_000;
/** PostgreSQL 15 flushes an idle backend's statistics up to 10 s late (PGSTAT_IDLE_INTERVAL). */
export const PG_STATS_SETTLE_S = 11;

export interface EdgeCapacity {
  workers: number;
  workerConnections: number;
}

export interface SurgePlanInput {
  smoke: boolean;
  durationS: number;
  warmupS: number;
  /** The run's --connections: the P1/P3 phases and the now/next pollers use it. */
  connections: number;
  /** Open-files hard limit wrk can raise itself to (one descriptor per connection). */
  fdLimit: number;
  edge: EdgeCapacity;
  /** BENCH_SURGE_CONNECTIONS: a lower peak than the machine allows (never a higher one). */
  peakOverride?: number;
  /** BENCH_SURGE_VIEWERS: distinct cold viewers to mint sessions for. */
  coldViewersOverride?: number;
}

export interface SurgePlan {
  /** Guide connections of each arrival step; the last one is the peak. */
  arrival: number[];
  peakConnections: number;
  /** Why the peak is below P4's 10,000 (empty when it is not). */
  peakLimitedBy: string[];
  /** The other viewers' connections during the peak, through the same edge. */
  profileConnections: number;
  playbackConnections: number;
  pollConnections: number;
  /** Distinct viewers whose profiles are cold in Redis when the peak starts. */
  coldViewers: number;
  /** Viewers rotated by the warm per-user phases (P2, P3). */
  warmViewers: number;
  /** Cold viewers fetched one by one to learn how many table reads one profile load costs. */
  calibrationViewers: number;
  stepS: number;
  peakS: number;
  warmupS: number;
  settleS: number;
  p5Concurrent: number;
}

/**
 * Sizes the phases. The peak is P4's 10,000 guide connections unless the machine cannot
 * hold them: wrk needs one descriptor per connection (below the hard limit, with room for
 * the other wrk processes), and the edge must hold them within workers x worker_connections.
 * A guide connection holds one of those: the page is an edge cache hit (the arrival filled
 * it; a stale page is refreshed by one background request, P5). The other viewers' requests
 * are proxied, each holding the client's connection and one to the upstream. A tenth is left
 * for reuseport's uneven spread of connections over the workers; the edge's error log
 * ("worker_connections are not enough") is read after the peak, so a wrong guess shows.
 */
export function planSurge(input: SurgePlanInput): SurgePlan {
  const smoke = input.smoke;
  const profileConnections = smoke ? 4 : 256;
  const playbackConnections = smoke ? 2 : input.connections;
  const pollConnections = smoke ? 2 : input.connections;
  const others = profileConnections + playbackConnections + pollConnections;
  const limits: { value: number; why: string }[] = [
    { value: P4_CONNECTIONS, why: 'P4' },
    { value: input.fdLimit - 256, why: `open-files hard limit ${input.fdLimit} (ulimit -Hn; wrk needs one per connection)` },
    {
      value: Math.floor(input.edge.workers * input.edge.workerConnections * 0.9) - 2 * others,
      why: `edge: ${input.edge.workers} worker(s) x worker_connections ${input.edge.workerConnections} (a tenth spare), each proxied request holding a client and an upstream connection`,
    },
  ];
  if (input.peakOverride !== undefined) limits.push({ value: input.peakOverride, why: 'BENCH_SURGE_CONNECTIONS' });
  // Smoke: few enough that the two instances still answer the slowest poller within the peak.
  if (smoke) limits.push({ value: 4, why: 'smoke run' });
  const peak = Math.max(1, Math.min(...limits.map((l) => l.value)));
  const peakLimitedBy = peak < P4_CONNECTIONS ? limits.filter((l) => l.value === peak).map((l) => l.why) : [];
  // Viewers arrive in doublings up to the peak: 1/8, 1/4, 1/2 of it, then all of it.
  const arrival = smoke ? [Math.max(1, Math.floor(peak / 2)), peak] : [8, 4, 2, 1].map((d) => Math.max(1, Math.floor(peak / d)));
  return {
    arrival: [...new Set(arrival)],
    peakConnections: peak,
    peakLimitedBy,
    profileConnections,
    playbackConnections,
    pollConnections,
    // 50,000 sessions: about what the peak's profile connections request in its seconds on
    // this machine, so nearly every request is a first visit (a viewer met twice must be a
    // Redis hit, which the count checks too). Minting costs ~1 ms a cookie here (next-auth's
    // encode derives its key each time): 1,000,000 would take a quarter of an hour.
    coldViewers: input.coldViewersOverride ?? (smoke ? 20 : 50_000),
    warmViewers: smoke ? 20 : 1_000,
    calibrationViewers: smoke ? 5 : 50,
    stepS: smoke ? 1 : Math.max(1, Math.round(input.durationS / 2)),
    // Smoke: long enough that the slowest poller (a 300-channel guide JSON on a busy machine) completes one request.
    peakS: smoke ? 4 : Math.max(input.durationS, 30),
    warmupS: input.warmupS,
    settleS: smoke ? 0 : PG_STATS_SETTLE_S,
    p5Concurrent: smoke ? 50 : P5_CONCURRENT,
  };
}

/** `worker_processes` and `worker_connections` of a rendered nginx config. */
export function edgeCapacity(config: string, cores: number): EdgeCapacity {
  const workers = /^\s*worker_processes\s+(\w+)\s*;/m.exec(config)?.[1] ?? '1';
  const connections = /^\s*worker_connections\s+(\d+)\s*;/m.exec(config)?.[1] ?? '512';
  return { workers: workers === 'auto' ? cores : Number(workers), workerConnections: Number(connections) };
}

export interface PgSnapshot {
  /** xact_commit + xact_rollback of the bench database (pg_stat_database). */
  transactions: number;
  /** Index + sequential scans of the table only a profile load reads (isp_bindings). */
  profileTableScans: number;
}

export function queriesPerSecond(before: PgSnapshot, after: PgSnapshot, seconds: number): number {
  return seconds > 0 ? (after.transactions - before.transactions) / seconds : 0;
}

/**
 * PostgreSQL profile loads per distinct viewer: the profile table's scans during the
 * phase, divided by the scans one load costs (calibrated on viewers fetched one by one)
 * and by the distinct viewers the phase requested.
 */
export function loadsPerViewer(scans: number, scansPerLoad: number, viewers: number): number {
  if (viewers <= 0 || scansPerLoad <= 0) return 0;
  return scans / scansPerLoad / viewers;
}

/**
 * Distinct viewers a rotation over `pool` cookies reached in `requests` requests: each wrk
 * thread walks the list in order, one cookie per request, so with one thread every request
 * up to the pool's size is a new viewer (with more, threads may overlap: an upper bound).
 */
export function distinctReached(requests: number, pool: number): number {
  return Math.max(0, Math.min(pool, requests));
}

export type SummaryVerdict = 'PASS' | 'MISS' | 'NOT MEASURED';

export interface SummaryRow {
  id: DesignTargetId;
  what: string;
  figure: string;
  target: string;
  verdict: SummaryVerdict;
  detail?: string;
}

export interface SurgeFacts {
  p1?: Measurement;
  p2?: Measurement;
  p3?: Measurement;
  /** Every row measured while the peak ran (guide, cold profiles, playback, now/next). */
  peak: Measurement[];
  peakConnections: number;
  peakLimitedBy: string[];
  loadsPerViewer?: number;
  viewersReached: number;
  pgQueriesPerSec?: number;
  /** Upstream regenerations under the P5 burst; undefined when the edge cannot tell. */
  regenerations?: number;
  p5Note: string;
}

function ratioRow(id: DesignTargetId, what: string, m: Measurement | undefined): SummaryRow {
  const target = DESIGN_TARGETS[id].short.replace(/^P\d /, '');
  if (!m) return { id, what, figure: '-', target, verdict: 'NOT MEASURED' };
  const figure = `${m.ratio.toFixed(2)} x (${Math.round(m.requestsPerSec).toLocaleString('en-US')} req/s, p99 ${m.latency.p99Ms.toFixed(1)} ms)`;
  return { id, what, figure, target, verdict: m.verdict?.pass ? 'PASS' : 'MISS', detail: m.verdict?.reasons.join('; ') || undefined };
}

/** P1-P5 beside their targets, from what the phases measured. */
export function summarise(facts: SurgeFacts): SummaryRow[] {
  const errors = facts.peak.reduce((sum, m) => sum + totalErrors(m), 0);
  const p99 = Math.max(0, ...facts.peak.map((m) => m.latency.p99Ms));
  const p4Reasons: string[] = [];
  if (errors > 0) p4Reasons.push(`${errors} errors`);
  if (p99 > 1_000) p4Reasons.push(`p99 ${p99.toFixed(0)} ms > 1 s`);
  if (facts.loadsPerViewer === undefined) p4Reasons.push('profile loads not counted');
  else if (facts.loadsPerViewer > P4_MAX_LOADS_PER_VIEWER) p4Reasons.push(`${facts.loadsPerViewer.toFixed(2)} loads per viewer`);
  if (facts.peakConnections < P4_CONNECTIONS) p4Reasons.push(`${facts.peakConnections} of ${P4_CONNECTIONS} connections (${facts.peakLimitedBy.join('; ')})`);
  const loads = facts.loadsPerViewer === undefined ? 'n/a' : facts.loadsPerViewer.toFixed(2);
  const p4: SummaryRow = {
    id: 'P4',
    what: 'surge: guide connections + cold profiles',
    figure: `${facts.peakConnections.toLocaleString('en-US')} guide connections, ${errors} errors, p99 ${p99.toFixed(0)} ms, ${loads} PostgreSQL loads per viewer (${facts.viewersReached.toLocaleString('en-US')} viewers)` +
      (facts.pgQueriesPerSec === undefined ? '' : `, ${Math.round(facts.pgQueriesPerSec).toLocaleString('en-US')} PostgreSQL xact/s`),
    target: '10,000 connections, 0 errors, p99 <= 1 s, <= 1 load per viewer per 5 min',
    verdict: facts.peak.length === 0 ? 'NOT MEASURED' : p4Reasons.length === 0 ? 'PASS' : 'MISS',
    detail: p4Reasons.join('; ') || undefined,
  };
  const p5: SummaryRow = {
    id: 'P5',
    what: 'stale page under concurrent requests',
    figure: facts.regenerations === undefined ? '-' : `${facts.regenerations} regeneration(s)`,
    target: 'exactly one regeneration',
    verdict: facts.regenerations === undefined ? 'NOT MEASURED' : facts.regenerations === 1 ? 'PASS' : 'MISS',
    detail: facts.p5Note,
  };
  return [
    ratioRow('P1', 'guide page through the edge, warm', facts.p1),
    ratioRow('P2', 'profile endpoint through the edge, warm', facts.p2),
    ratioRow('P3', 'playback authorisation through the edge', facts.p3),
    p4,
    p5,
  ];
}

export function renderSummary(rows: SummaryRow[]): string {
  const headers = ['id', 'what', 'measured', 'DESIGN target', 'verdict'];
  const cells = rows.map((r) => [r.id, r.what, r.figure, r.target, r.detail ? `${r.verdict} (${r.detail})` : r.verdict]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]): string => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return ['\n== surge: P1-P5 beside their targets', line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * Upstream fetches the edge reports for a burst, from each response's X-Cache-Status:
 * MISS/EXPIRED/BYPASS went upstream; STALE/UPDATING were served from the cache (with
 * background update, one STALE answer also triggered one refresh, counted once).
 */
export function regenerationsFromCacheStatus(statuses: string[]): { regenerations: number; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  const upstream = (counts.MISS ?? 0) + (counts.EXPIRED ?? 0) + (counts.BYPASS ?? 0);
  const background = upstream === 0 && (counts.STALE ?? 0) > 0 ? 1 : 0;
  return { regenerations: upstream + background, counts };
}

/**
 * What a fault during the peak cost, row by row: errors (by kind) and p99, so the report
 * says what degraded, not only whether something did. The run "keeps answering" when no
 * row lost its traffic.
 */
export function degradation(rows: Measurement[]): { errors: number; answering: boolean; text: string } {
  const errors = rows.reduce((sum, m) => sum + totalErrors(m), 0);
  const parts = rows.map((m) => {
    const e = totalErrors(m);
    const kinds = Object.entries(m.errors).filter(([, n]) => n > 0).map(([kind, n]) => `${kind === 'status' ? 'HTTP >= 400' : kind} ${n}`);
    return `${m.label}: ${m.requests.toLocaleString('en-US')} answers, ${e === 0 ? 'no errors' : `${e} errors (${kinds.join(', ')})`}, p99 ${m.latency.p99Ms.toFixed(0)} ms`;
  });
  return { errors, answering: rows.every((m) => m.requests > totalErrors(m)), text: parts.join('; ') };
}

/** The route a request line belongs to, for the edge's answers by status. */
function routeOf(path: string): string {
  if (path.startsWith('/api/guide/')) return 'now/next JSON';
  if (path === '/guide' || path.startsWith('/guide?') || path.startsWith('/guide/')) return 'guide';
  if (path.startsWith('/api/me/entitlements')) return 'profile';
  if (path.startsWith('/api/playback/')) return 'playback';
  return 'other';
}

/**
 * The edge's answers by route and status, from its access log (the combined format or any
 * format that keeps `"METHOD /path HTTP/x" status`), so the report says WHICH errors wrk
 * counted: 502 from the edge, 500 from the app, 429, …
 */
export function answersByStatus(accessLog: string): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const match of accessLog.matchAll(/"[A-Z]+ (\S+) HTTP\/[\d.]+" (\d{3})/g)) {
    const route = routeOf(match[1]!);
    const byStatus = (counts[route] ??= {});
    byStatus[match[2]!] = (byStatus[match[2]!] ?? 0) + 1;
  }
  return counts;
}

/** Answers >= 400 other than 499 (wrk closing in-flight requests when its time is up). */
export function describeAnswers(counts: Record<string, Record<string, number>>): { failed: number; text: string } {
  let failed = 0;
  const parts = Object.entries(counts).map(([route, byStatus]) => {
    // 499: the client closed first, i.e. wrk stopping at the end of its duration with requests in flight.
    for (const [status, n] of Object.entries(byStatus)) if (Number(status) >= 400 && status !== '499') failed += n;
    return `${route}: ${Object.entries(byStatus).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status} x ${n.toLocaleString('en-US')}`).join(', ')}`;
  });
  return { failed, text: parts.join('; ') || 'no requests logged' };
}

/**
 * The edge's error log lines by kind (nginx's message without addresses, numbers and the
 * request), most frequent first: "no live upstreams", "upstream timed out", "worker_connections
 * are not enough"… say what degraded at the edge.
 */
export function edgeErrorKinds(errorLog: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of errorLog.split('\n')) {
    const match = /\[(\w+)\] \d+#\d+: (?:\*\d+ )?([^,]+)/.exec(line);
    if (!match) continue;
    const kind = `${match[1]}: ${match[2]!.replace(/\(\d+: /, '(').replace(/\d+(\.\d+)*(:\d+)?/g, 'N').trim()}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
