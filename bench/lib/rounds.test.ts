import { describe, expect, it } from 'vitest';
import { median, mergeRounds, medianRatio } from './rounds';
import type { WrkResult } from './types';

function round(requestsPerSec: number, p99Ms: number, durationS = 4): WrkResult {
  return {
    durationS,
    requests: requestsPerSec * durationS,
    bytes: requestsPerSec * durationS * 100,
    requestsPerSec,
    latency: { p50Ms: p99Ms / 4, p90Ms: p99Ms / 2, p99Ms, maxMs: p99Ms * 2, meanMs: p99Ms / 3 },
    errors: { connect: 0, read: 1, write: 0, status: 0, timeout: 0 },
    non2xx: 0,
    non2xxExact: true,
  };
}

describe('interleaved rounds', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('merges rounds: counts summed, rate over the whole time, percentiles by median, max by max', () => {
    const merged = mergeRounds([round(1_000, 10), round(3_000, 30), round(2_000, 20)]);
    expect(merged.durationS).toBe(12);
    expect(merged.requests).toBe(24_000);
    expect(merged.requestsPerSec).toBe(2_000);
    expect(merged.latency.p99Ms).toBe(20);
    expect(merged.latency.maxMs).toBe(60);
    expect(merged.errors.read).toBe(3);
  });

  it('judges each round against the anchor of the same moment: a drifting machine moves both', () => {
    // The machine halves its speed in round 2: each round's ratio is 0.5, and so is the median,
    // where the first anchor alone against the whole target (12,500 req/s) would say 0.42.
    const anchors = [round(30_000, 5), round(15_000, 10), round(30_000, 5)];
    const targets = [round(15_000, 10), round(7_500, 20), round(15_000, 10)];
    expect(medianRatio(targets, anchors)).toBe(0.5);
    expect(() => medianRatio(targets, anchors.slice(1))).toThrow();
  });
});
