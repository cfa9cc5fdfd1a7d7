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

/** Rows by their phase (Measurement.group), in the order the phases ran; one untitled group when none has one. */
export function groupRows(rows: Measurement[]): { group?: string; rows: Measurement[] }[] {
  const groups = new Map<string | undefined, Measurement[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return [...groups].map(([group, list]) => ({ group, rows: list }));
}

/** One table per phase for a scenario whose rows carry a group (the surge), else one. */
export function renderTables(scenario: Scenario, rows: Measurement[]): string {
  return groupRows(rows).map(({ group, rows: list }) => renderTable(scenario, list, group)).join('\n');
}

export function renderTable(scenario: Scenario, rows: Measurement[], phase?: string): string {
  const cells = rows.map((m) => [
    rowLabel(m),
    formatInt(m.requestsPerSec),
    m.latency.p50Ms.toFixed(2),
    m.latency.p99Ms.toFixed(2),
    errorsCell(m),
    Number.isFinite(m.ratio) ? m.ratio.toFixed(2) : '-',
    targetCell(scenario, m),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]): string =>
    row.map((cell, i) => (RIGHT_ALIGNED.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const first = rows[0];
  const measuredAs = first?.rounds
    ? `${first.rounds} rounds of ${Math.round(first.durationS / first.rounds)} s alternating with the anchor after ${first.warmupS} s warm-up each; ratio: the rounds' median`
    : `${first?.durationS.toFixed(0)} s after ${first?.warmupS} s warm-up`;
  const setting = first ? `${first.connections} connections, ${first.threads} wrk thread(s), ${measuredAs}` : '';
  const title = phase ? `${scenario.name} / ${phase}` : `${scenario.name}: ${scenario.describe}`;
  return [`\n== ${title}`, `   ${setting}`, line(HEADERS), rule, ...cells.map(line)].join('\n');
}

function findingValue(finding: Finding): string {
  if (!Number.isFinite(finding.value)) return 'n/a';
  if (finding.unit === 'ms') return `${finding.value.toFixed(2)} ms`;
  if (finding.unit === 'KB') return `${finding.value.toFixed(1)} KB`;
  if (finding.unit === 'per s') return `${formatInt(finding.value)}/s`;
  if (finding.unit === 'count' && !Number.isInteger(finding.value)) return finding.value.toFixed(2);
  return `${formatInt(finding.value)}${finding.unit === 'bytes' ? ' B' : ''}`;
}

function findingVerdict(finding: Finding): string {
  const { max, min } = finding;
  if (max === undefined && min === undefined) return '-';
  const limits = [
    min === undefined ? '' : `>= ${findingValue({ ...finding, value: min })}`,
    max === undefined ? '' : `<= ${findingValue({ ...finding, value: max })}`,
  ].filter(Boolean).join(', ');
  const pass = (min === undefined || finding.value >= min) && (max === undefined || finding.value <= max);
  return `${limits}: ${pass ? 'PASS' : 'MISS'}`;
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
