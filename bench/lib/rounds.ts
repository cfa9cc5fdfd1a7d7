// Interleaved rounds: a target and its anchor measured in turn (anchor, target, anchor,
// target, ...), the ratio taken per round and the median reported. On the shared 2-core
// machine an anchor measured once swung 20-35 % between runs minutes apart (node-redis @64:
// 28,509, 19,853, 20,718 req/s), which alone flipped P2/P3 verdicts; alternating short rounds
// puts both sides into the same minutes, so a drift of the machine moves both.
import type { WrkResult } from './types';

/** Rounds per row for a scenario that asks for them (Scenario.interleaved); smoke runs use one. */
export const ROUNDS = 3;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One result for several rounds of the same load: counts summed, the rate over the whole
 * measured time, each latency percentile the median of the rounds' (max: the largest).
 */
export function mergeRounds(rounds: readonly WrkResult[]): WrkResult {
  if (rounds.length === 0) throw new Error('no rounds to merge');
  const sum = (pick: (round: WrkResult) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const durationS = sum((r) => r.durationS);
  const requests = sum((r) => r.requests);
  return {
    durationS,
    requests,
    bytes: sum((r) => r.bytes),
    requestsPerSec: durationS > 0 ? requests / durationS : 0,
    latency: {
      p50Ms: median(rounds.map((r) => r.latency.p50Ms)),
      p90Ms: median(rounds.map((r) => r.latency.p90Ms)),
      p99Ms: median(rounds.map((r) => r.latency.p99Ms)),
      maxMs: Math.max(...rounds.map((r) => r.latency.maxMs)),
      meanMs: median(rounds.map((r) => r.latency.meanMs)),
    },
    errors: {
      connect: sum((r) => r.errors.connect),
      read: sum((r) => r.errors.read),
      write: sum((r) => r.errors.write),
      status: sum((r) => r.errors.status),
      timeout: sum((r) => r.errors.timeout),
    },
    non2xx: sum((r) => r.non2xx),
    non2xxExact: rounds.every((r) => r.non2xxExact),
  };
}

/** The median over rounds of target req/s divided by the same round's anchor req/s. */
export function medianRatio(targets: readonly WrkResult[], anchors: readonly WrkResult[]): number {
  if (targets.length !== anchors.length) throw new Error(`${targets.length} target rounds against ${anchors.length} anchor rounds`);
  return median(targets.map((target, index) => (anchors[index]!.requestsPerSec > 0 ? target.requestsPerSec / anchors[index]!.requestsPerSec : 0)));
}
