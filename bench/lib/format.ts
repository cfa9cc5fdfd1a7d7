// Number and label formatting shared by the table and the chart.
import type { Measurement } from './types';

export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Anchors carry the size they served, since nginx's rate depends on it. */
export function rowLabel(row: Measurement): string {
  return row.role === 'anchor' ? `${row.label} (${(row.responseBytes / 1024).toFixed(1)} KB)` : row.label;
}
