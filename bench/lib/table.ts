// The per-scenario table printed to stdout.
import { ANCHOR_REFERENCE, DESIGN_TARGETS, totalErrors } from './targets';
import type { Finding, Measurement, Scenario } from './types';
import { formatInt, rowLabel } from './format';

const HEADERS = ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio', 'DESIGN target'];
const RIGHT_ALIGNED = new Set([1, 2, 3, 4, 5]);

function errorsCell(m: Measurement): string {
  const total = totalErrors(m);
  if (total === 0) return '0';
  const parts = Object.entries(m.errors)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind === 'status' ? 'HTTP >= 400' : kind} ${n}`);
  if (m.non2xx > m.errors.status) parts.push(`non-2xx ${m.non2xx}`);
  return `${total} (${parts.join(', ')})`;
}

/** The anchor row's last column: this machine against DESIGN.md's reference figure. */
function referenceCell(m: Measurement): string {
  const ref = ANCHOR_REFERENCE[m.anchor];
  const comparable = m.connections === ref.connections && (ref.bytes === undefined || ref.bytes === m.responseBytes);
  if (!comparable) return 'anchor';
  return `anchor; ${(m.requestsPerSec / ref.reqPerSec).toFixed(2)} x DESIGN's ${formatInt(ref.reqPerSec)}`;
}

function targetCell(scenario: Scenario, m: Measurement): string {
  if (m.role === 'anchor') return referenceCell(m);
  if (m.verdict) return `${m.verdict.text}: ${m.verdict.pass ? 'PASS' : `MISS (${m.verdict.reasons.join('; ')})`}`;
  if (scenario.designTarget) return DESIGN_TARGETS[scenario.designTarget].short;
  return '-';
}

export function renderTable(scenario: Scenario, rows: Measurement[]): string {
  const cells = rows.map((m) => [
    rowLabel(m),
    formatInt(m.requestsPerSec),
    m.latency.p50Ms.toFixed(2),
    m.latency.p99Ms.toFixed(2),
    errorsCell(m),
    m.ratio.toFixed(2),
    targetCell(scenario, m),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]): string =>
    row.map((cell, i) => (RIGHT_ALIGNED.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const first = rows[0];
  const setting = first ? `${first.connections} connections, ${first.threads} wrk thread(s), ${first.durationS.toFixed(0)} s after ${first.warmupS} s warm-up` : '';
  return [`\n== ${scenario.name}: ${scenario.describe}`, `   ${setting}`, line(HEADERS), rule, ...cells.map(line)].join('\n');
}

function findingValue(finding: Finding): string {
  if (finding.unit === 'ms') return `${finding.value.toFixed(2)} ms`;
  if (finding.unit === 'KB') return `${finding.value.toFixed(1)} KB`;
  return `${formatInt(finding.value)}${finding.unit === 'bytes' ? ' B' : ''}`;
}

function findingVerdict(finding: Finding): string {
  if (finding.max === undefined) return '-';
  const limit = findingValue({ ...finding, value: finding.max });
  return finding.value <= finding.max ? `<= ${limit}: PASS` : `<= ${limit}: MISS`;
}

/** A scenario's non-throughput measurements (Scenario.findings), one line each. */
export function renderFindings(scenario: Scenario, findings: Finding[]): string {
  const heading = scenario.designTarget ? `${DESIGN_TARGETS[scenario.designTarget].short}` : '-';
  const cells = findings.map((f) => [f.label, findingValue(f), findingVerdict(f), f.detail ?? '']);
  const headers = ['finding', 'value', 'DESIGN limit', 'detail'];
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]): string => row.map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [`\n== ${scenario.name} findings (${heading}): ${scenario.describe}`, line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
