// A hand-drawn SVG bar chart of req/s per row, grouped by scenario. Bars are scaled
// within each scenario (to its largest row), because the ratio to the anchor is what
// matters and nginx is ~30 x faster than Next: on one shared scale Next's bars vanish.
import { DESIGN_TARGETS } from './targets';
import type { Measurement } from './types';
import { formatInt, rowLabel } from './format';

export interface ChartGroup {
  name: string;
  designTarget?: keyof typeof DESIGN_TARGETS;
  rows: Measurement[];
}

const WIDTH = 1000;
const LABEL_W = 260;
const BAR_W = 440;
const ROW_H = 26;
const GROUP_GAP = 34;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderSvg(title: string, subtitle: string, groups: ChartGroup[]): string {
  const parts: string[] = [];
  let y = 70;
  for (const group of groups) {
    parts.push(`<text x="16" y="${y}" class="group">${escape(group.name)}</text>`);
    y += 10;
    const max = Math.max(1, ...group.rows.map((r) => r.requestsPerSec));
    const anchor = group.rows.find((r) => r.role === 'anchor');
    for (const row of group.rows) {
      const w = Math.max(1, (row.requestsPerSec / max) * BAR_W);
      const cls = row.role === 'anchor' ? 'anchor' : row.verdict && !row.verdict.pass ? 'miss' : 'target';
      const value = `${formatInt(row.requestsPerSec)} req/s · p99 ${row.latency.p99Ms.toFixed(1)} ms${Number.isFinite(row.ratio) ? ` · ${row.ratio.toFixed(2)} x` : ''}`;
      parts.push(
        `<text x="${LABEL_W - 8}" y="${y + 17}" class="label" text-anchor="end">${escape(rowLabel(row))}</text>`,
        `<rect x="${LABEL_W}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_H - 8}" class="${cls}"/>`,
        `<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + 17}" class="value">${escape(value)}</text>`,
      );
      y += ROW_H;
    }
    const goal = group.designTarget ? DESIGN_TARGETS[group.designTarget] : undefined;
    const minRatio = goal?.minRatio;
    if (anchor && goal && minRatio !== undefined) {
      // The target line: minRatio x the anchor's req/s, across the group's bars.
      const x = LABEL_W + ((anchor.requestsPerSec * minRatio) / max) * BAR_W;
      const top = y - ROW_H * group.rows.length;
      parts.push(
        `<line x1="${x.toFixed(1)}" y1="${top}" x2="${x.toFixed(1)}" y2="${y}" class="goal"/>`,
        `<text x="${x.toFixed(1)}" y="${y + 12}" class="note" text-anchor="middle">${escape(goal.short)}</text>`,
      );
      y += 12;
    }
    y += GROUP_GAP;
  }
  const height = y;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">
<style>
  .title { font-size: 18px; font-weight: 600; fill: #111; }
  .subtitle, .note { font-size: 11px; fill: #555; }
  .group { font-size: 14px; font-weight: 600; fill: #111; }
  .label, .value { font-size: 12px; fill: #222; }
  .anchor { fill: #9aa5b1; }
  .target { fill: #2f6fdb; }
  .miss { fill: #d64545; }
  .goal { stroke: #111; stroke-dasharray: 4 3; stroke-width: 1.5; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="28" class="title">${escape(title)}</text>
<text x="16" y="48" class="subtitle">${escape(subtitle)}</text>
${parts.join('\n')}
</svg>
`;
}
