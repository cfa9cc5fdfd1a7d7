// Playback decisions as metrics: allowed and denied totals, and denials by reason. Counted
// in plain objects (O(1), nothing allocated per decision once a reason has been seen) and
// read by Prometheus at scrape time. Kept on globalThis so every bundled copy of this module
// in a Next process counts into the same totals.
import { registerScrapedMetric } from '@/lib/observability/metrics';

interface DecisionCounts {
  allowed: number;
  denied: number;
  /** Denials by reason code; a denial with two reasons counts once under each. */
  reasons: Record<string, number>;
}

const globalForDecisions = globalThis as unknown as { primetimeDecisionCounts?: DecisionCounts };

function counts(): DecisionCounts {
  if (!globalForDecisions.primetimeDecisionCounts) {
    const created: DecisionCounts = { allowed: 0, denied: 0, reasons: Object.create(null) as Record<string, number> };
    globalForDecisions.primetimeDecisionCounts = created;
    registerScrapedMetric('primetime_playback_decisions_total', 'Playback decisions by result (allowed, denied).', 'counter', () => [
      [{ result: 'allowed' }, created.allowed],
      [{ result: 'denied' }, created.denied],
    ]);
    registerScrapedMetric('primetime_playback_denials_total', 'Denied playback decisions by reason code (a denial may have several reasons).', 'counter', () =>
      Object.entries(created.reasons).map(([reason, value]) => [{ reason }, value]),
    );
  }
  return globalForDecisions.primetimeDecisionCounts;
}

export function countDecision(allowed: boolean, reasons: readonly { code: string }[]): void {
  const totals = counts();
  if (allowed) {
    totals.allowed += 1;
    return;
  }
  totals.denied += 1;
  for (const { code } of reasons) totals.reasons[code] = (totals.reasons[code] ?? 0) + 1;
}
