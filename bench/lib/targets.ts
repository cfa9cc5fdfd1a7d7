// DESIGN.md "Performance targets", as data the report can judge rows by. Only what a
// wrk run can show is encoded (ratio, p99, errors); P5, P7 and P8 are checked by their
// own scenarios or tests and appear here for their label only.
import type { AnchorKind, DesignTargetId, Measurement, Verdict } from './types';

export interface DesignTarget {
  id: DesignTargetId;
  /** Short form for the table. */
  short: string;
  minRatio?: number;
  maxP99Ms?: number;
  zeroErrors?: boolean;
}

export const DESIGN_TARGETS: Record<DesignTargetId, DesignTarget> = {
  P1: { id: 'P1', short: 'P1 >= 0.8 x nginx', minRatio: 0.8 },
  P2: { id: 'P2', short: 'P2 >= 0.5 x node+redis, p99 <= 25 ms', minRatio: 0.5, maxP99Ms: 25 },
  P3: { id: 'P3', short: 'P3 >= 0.3 x node+redis', minRatio: 0.3 },
  P4: { id: 'P4', short: 'P4 0 errors, p99 <= 1 s', maxP99Ms: 1_000, zeroErrors: true },
  P5: { id: 'P5', short: 'P5 exactly one regeneration' },
  P6: { id: 'P6', short: 'P6 >= 0.8 x nginx same bytes', minRatio: 0.8 },
  P7: { id: 'P7', short: 'P7 <= 20 ms in PostgreSQL' },
  P8: { id: 'P8', short: 'P8 JS <= 150 KB, LCP <= 1 s' },
};

/**
 * DESIGN.md's absolute anchor figures (2026-11-21, 2-core machine, wrk, 64 connections).
 * Shown next to this run's anchors to tell how this machine compares; never used as a
 * target, since absolute figures drift between machines.
 */
export const ANCHOR_REFERENCE: Record<AnchorKind, { reqPerSec: number; bytes?: number; connections: number; what: string }> = {
  'nginx-static': { reqPerSec: 56_000, bytes: 5 * 1024, connections: 64, what: 'nginx, 5 KB static file' },
  'node-redis': { reqPerSec: 23_700, connections: 64, what: 'bare Node http + one HGETALL' },
};

/**
 * A row against its DESIGN target. With the row's `anchor`, a missed p99 also says what the
 * anchor's own p99 was under the same load: a p99 limit is absolute, and when the bare anchor
 * misses it too, the machine (cores shared with wrk, Redis and PostgreSQL) is what the row shows.
 */
export function judge(
  target: DesignTarget,
  m: Pick<Measurement, 'ratio' | 'latency' | 'errors' | 'non2xx'>,
  anchor?: Pick<Measurement, 'latency'>,
): Verdict {
  const reasons: string[] = [];
  if (target.minRatio !== undefined && m.ratio < target.minRatio) reasons.push(`ratio ${m.ratio.toFixed(2)} < ${target.minRatio}`);
  if (target.maxP99Ms !== undefined && m.latency.p99Ms > target.maxP99Ms) {
    const anchorNote = anchor ? `; the anchor's own: ${anchor.latency.p99Ms} ms` : '';
    reasons.push(`p99 ${m.latency.p99Ms} ms > ${target.maxP99Ms} ms${anchorNote}`);
  }
  const errors = totalErrors(m);
  if (target.zeroErrors && errors > 0) reasons.push(`${errors} errors`);
  return { target: target.id, text: target.short, pass: reasons.length === 0, reasons };
}

export function totalErrors(m: Pick<Measurement, 'errors' | 'non2xx'>): number {
  const e = m.errors;
  // status (>= 400) is a subset of non2xx, so it is not added twice.
  return e.connect + e.read + e.write + e.timeout + Math.max(e.status, m.non2xx);
}
