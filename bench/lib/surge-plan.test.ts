// The surge's pure parts: the phase plan (how far this machine can take P4's 10,000
// connections, and why not further), the PostgreSQL arithmetic, and the P1-P5 verdicts.
// (The moving parts are proven by `npm run bench -- surge --smoke`.)
import { describe, expect, it } from 'vitest';
import {
  answersByStatus,
  degradation,
  describeAnswers,
  distinctReached,
  edgeErrorKinds,
  edgeCapacity,
  loadsPerViewer,
  planSurge,
  queriesPerSecond,
  regenerationsFromCacheStatus,
  renderSummary,
  summarise,
  type SurgeFacts,
  type SurgePlanInput,
} from './surge-plan';
import { renderFindings } from './table';
import { DESIGN_TARGETS, judge } from './targets';
import type { Measurement, Scenario } from './types';
import { parseReport } from './wrk';

const BASE: SurgePlanInput = {
  smoke: false,
  durationS: 10,
  warmupS: 3,
  connections: 64,
  fdLimit: 1_048_576,
  edge: { workers: 4, workerConnections: 16_384 },
};

function row(overrides: Partial<Measurement> = {}): Measurement {
  const clean = 'BENCH_JSON {"duration_us":30000000,"requests":60000,"bytes":1000,"latency_us":{"p50":1500,"p90":4000,"p99":200000,"max":900000,"mean":2100.5},' +
    '"errors":{"connect":0,"read":0,"write":0,"status":0,"timeout":0},"non2xx":-1}';
  return {
    ...parseReport(clean),
    scenario: 'surge',
    label: 'row',
    role: 'target',
    anchor: 'nginx-static',
    url: 'http://127.0.0.1:1/',
    connections: 64,
    threads: 1,
    warmupS: 0,
    responseBytes: 100,
    ratio: 1,
    ...overrides,
  };
}

describe('planSurge', () => {
  it("takes P4's 10,000 connections when the machine holds them, in doublings", () => {
    const plan = planSurge(BASE);
    expect(plan.peakConnections).toBe(10_000);
    expect(plan.peakLimitedBy).toEqual([]);
    expect(plan.arrival).toEqual([1_250, 2_500, 5_000, 10_000]);
    expect(plan.profileConnections).toBe(256);
    expect(plan.settleS).toBeGreaterThan(10);
  });

  it("stops below the open-files limit and says so", () => {
    const plan = planSurge({ ...BASE, fdLimit: 4_096 });
    expect(plan.peakConnections).toBe(3_840);
    expect(plan.peakLimitedBy.join()).toMatch(/open-files hard limit 4096/);
  });

  it("counts cached guide connections once and proxied ones twice against the edge's worker_connections", () => {
    // 90 % of 2 x 4,096 = 7,372, minus two per connection of the other phases (256 + 64 + 64).
    const plan = planSurge({ ...BASE, edge: { workers: 2, workerConnections: 4_096 } });
    expect(plan.peakConnections).toBe(7_372 - 2 * 384);
    expect(plan.peakLimitedBy.join()).toMatch(/worker_connections 4096/);
  });

  it('never goes above an override, and stays tiny in smoke runs', () => {
    expect(planSurge({ ...BASE, peakOverride: 500 }).peakConnections).toBe(500);
    const smoke = planSurge({ ...BASE, smoke: true });
    expect(smoke.peakConnections).toBe(4);
    expect(smoke.arrival).toEqual([2, 4]);
    expect(smoke.settleS).toBe(0);
    expect(smoke.coldViewers).toBeLessThanOrEqual(20);
    expect(smoke.peakS + smoke.stepS).toBeLessThanOrEqual(5);
  });
});

describe('edgeCapacity', () => {
  it('reads workers (auto = cores) and worker_connections from a rendered config', () => {
    expect(edgeCapacity('worker_processes auto;\nevents {\n  worker_connections 4096;  # comment\n}', 2)).toEqual({ workers: 2, workerConnections: 4_096 });
    expect(edgeCapacity('worker_processes 3;\nevents { }', 2)).toEqual({ workers: 3, workerConnections: 512 });
  });
});

describe('PostgreSQL arithmetic', () => {
  it('turns transaction counts into a rate and table reads into loads per viewer', () => {
    expect(queriesPerSecond({ transactions: 1_000, profileTableScans: 0 }, { transactions: 31_000, profileTableScans: 0 }, 30)).toBe(1_000);
    expect(queriesPerSecond({ transactions: 1, profileTableScans: 0 }, { transactions: 2, profileTableScans: 0 }, 0)).toBe(0);
    // 2 reads per load, 10,000 reads for 5,000 viewers: one load each.
    expect(loadsPerViewer(10_000, 2, 5_000)).toBe(1);
    expect(loadsPerViewer(30_000, 2, 5_000)).toBe(3);
    expect(loadsPerViewer(10, 0, 5)).toBe(0);
  });

  it('reaches at most the pool of minted viewers', () => {
    expect(distinctReached(12_000, 50_000)).toBe(12_000);
    expect(distinctReached(80_000, 50_000)).toBe(50_000);
  });
});

describe('regenerationsFromCacheStatus', () => {
  it('counts upstream fetches, and one background refresh behind STALE answers', () => {
    expect(regenerationsFromCacheStatus(['EXPIRED', ...Array(999).fill('UPDATING')]).regenerations).toBe(1);
    expect(regenerationsFromCacheStatus(['STALE', 'STALE', 'HIT']).regenerations).toBe(1);
    const stampede = regenerationsFromCacheStatus(['MISS', 'MISS', 'EXPIRED', 'HIT']);
    expect(stampede.regenerations).toBe(3);
    expect(stampede.counts).toEqual({ MISS: 2, EXPIRED: 1, HIT: 1 });
    expect(regenerationsFromCacheStatus(['HIT', 'HIT']).regenerations).toBe(0);
  });
});

describe('summarise', () => {
  const passing = (target: 'P1' | 'P2' | 'P3', ratio: number) => {
    const m = row({ ratio, latency: { p50Ms: 1, p90Ms: 2, p99Ms: 10, maxMs: 20, meanMs: 1 } });
    return { ...m, verdict: judge(DESIGN_TARGETS[target], m) };
  };
  const facts: SurgeFacts = {
    p1: passing('P1', 0.9),
    p2: passing('P2', 0.4),
    p3: passing('P3', 0.5),
    peak: [row(), row({ label: 'cold' })],
    peakConnections: 10_000,
    peakLimitedBy: [],
    loadsPerViewer: 1,
    viewersReached: 40_000,
    pgQueriesPerSec: 812,
    regenerations: 1,
    p5Note: 'EXPIRED 1, UPDATING 999',
  };

  it('judges P1-P5 beside their targets', () => {
    const rows = summarise(facts);
    expect(rows.map((r) => [r.id, r.verdict])).toEqual([['P1', 'PASS'], ['P2', 'MISS'], ['P3', 'PASS'], ['P4', 'PASS'], ['P5', 'PASS']]);
    expect(rows[1]!.detail).toMatch(/ratio 0.40 < 0.5/);
    expect(rows[3]!.figure).toMatch(/10,000 guide connections, 0 errors, p99 200 ms, 1.00 PostgreSQL loads per viewer \(40,000 viewers\), 812 PostgreSQL xact\/s/);
    const table = renderSummary(rows);
    expect(table).toMatch(/P1\s+guide page through the edge, warm\s+0.90 x/);
    expect(table).toMatch(/P5 .*exactly one regeneration\s+PASS \(EXPIRED 1, UPDATING 999\)/);
  });

  it('misses P4 on errors, a slow p99, reloaded profiles or too few connections, and names each', () => {
    const timeouts = row({ errors: { connect: 0, read: 0, write: 0, status: 0, timeout: 7 }, latency: { p50Ms: 900, p90Ms: 1_500, p99Ms: 4_000, maxMs: 9_000, meanMs: 1_000 } });
    const p4 = summarise({ ...facts, peak: [timeouts], loadsPerViewer: 1.5, peakConnections: 3_648, peakLimitedBy: ['edge'] })[3]!;
    expect(p4.verdict).toBe('MISS');
    expect(p4.detail).toBe('7 errors; p99 4000 ms > 1 s; 1.50 loads per viewer; 3648 of 10000 connections (edge)');
  });

  it('says NOT MEASURED instead of guessing', () => {
    const rows = summarise({ ...facts, p1: undefined, peak: [], regenerations: undefined, loadsPerViewer: undefined, p5Note: 'edge has no cache' });
    expect(rows.find((r) => r.id === 'P1')!.verdict).toBe('NOT MEASURED');
    expect(rows.find((r) => r.id === 'P4')!.verdict).toBe('NOT MEASURED');
    expect(rows.find((r) => r.id === 'P5')).toMatchObject({ verdict: 'NOT MEASURED', detail: 'edge has no cache' });
  });
});

describe('renderFindings with a lower limit', () => {
  const scenario: Scenario = { name: 'surge', describe: 'd', anchor: 'nginx-static', designTarget: 'P4', targets: [], setup: async () => ({ baseUrl: '' }) };
  it('judges min and max, and prints an uncounted figure as n/a', () => {
    const table = renderFindings(scenario, [
      { label: 'connections', value: 3_648, unit: 'count', min: 10_000 },
      { label: 'regenerations', value: 1, unit: 'count', min: 1, max: 1 },
      { label: 'loads per viewer', value: Number.NaN, unit: 'count', max: 1 },
      { label: 'xact', value: 812.4, unit: 'per s' },
    ]);
    expect(table).toMatch(/connections\s+3,648\s+>= 10,000: MISS/);
    expect(table).toMatch(/regenerations\s+1\s+>= 1, <= 1: PASS/);
    expect(table).toMatch(/loads per viewer\s+n\/a\s+<= 1: MISS/);
    expect(table).toMatch(/xact\s+812\/s/);
  });
});

describe('edge logs', () => {
  const access = [
    '127.0.0.1 - - [21/Nov/2026:15:50:01 +0000] "GET /guide HTTP/1.1" 200 628800 "-" "-"',
    '127.0.0.1 - - [21/Nov/2026:15:50:01 +0000] "GET /guide HTTP/1.1" 502 150 "-" "-"',
    '127.0.0.1 - - [21/Nov/2026:15:50:01 +0000] "POST /api/playback/channel/abc HTTP/1.1" 200 300 "-" "-"',
    '127.0.0.1 - - [21/Nov/2026:15:50:02 +0000] "GET /api/guide/2026-11-21/Europe/London HTTP/1.1" 500 80 "-" "-" HIT',
    '127.0.0.1 - - [21/Nov/2026:15:50:02 +0000] "GET /api/me/entitlements HTTP/1.1" 200 200 "-" "-"',
    '127.0.0.1 - - [21/Nov/2026:15:50:03 +0000] "GET /api/me/entitlements HTTP/1.1" 499 0 "-" "-"',
  ].join('\n');

  it('counts answers by route and status, and how many failed', () => {
    const counts = answersByStatus(access);
    expect(counts).toEqual({ guide: { 200: 1, 502: 1 }, playback: { 200: 1 }, 'now/next JSON': { 500: 1 }, profile: { 200: 1, 499: 1 } });
    // 499 (wrk closing in-flight requests at its end) is not a failure.
    expect(describeAnswers(counts)).toEqual({ failed: 2, text: 'guide: 200 x 1, 502 x 1; playback: 200 x 1; now/next JSON: 500 x 1; profile: 200 x 1, 499 x 1' });
    expect(describeAnswers({}).text).toBe('no requests logged');
  });

  it('groups error log lines by kind without addresses or numbers', () => {
    const errors = [
      '2026/11/21 15:50:01 [error] 123#123: *456 no live upstreams while connecting to upstream, client: 127.0.0.1, server: _, request: "GET /guide HTTP/1.1"',
      '2026/11/21 15:50:01 [error] 124#124: *789 no live upstreams while connecting to upstream, client: 127.0.0.1',
      '2026/11/21 15:50:02 [alert] 123#123: 4096 worker_connections are not enough',
      '2026/11/21 15:50:03 [error] 123#123: *9 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1',
      'not a log line',
    ].join('\n');
    expect(edgeErrorKinds(errors)).toEqual([
      ['error: no live upstreams while connecting to upstream', 2],
      ['alert: N worker_connections are not enough', 1],
      ['error: upstream timed out (Connection timed out) while reading response header from upstream', 1],
    ]);
  });
});

describe('degradation', () => {
  it('names each row\'s answers, errors by kind and p99, and whether every row kept answering', () => {
    const ok = row({ label: 'guide' });
    const broken = row({ label: 'profile', requests: 10, errors: { connect: 0, read: 0, write: 0, status: 10, timeout: 0 } });
    expect(degradation([ok])).toEqual({ errors: 0, answering: true, text: 'guide: 60,000 answers, no errors, p99 200 ms' });
    const lost = degradation([ok, broken]);
    expect(lost.errors).toBe(10);
    expect(lost.answering).toBe(false);
    expect(lost.text).toContain('profile: 10 answers, 10 errors (HTTP >= 400 10), p99 200 ms');
  });
});
