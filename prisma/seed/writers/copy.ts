// Streams rows into PostgreSQL with COPY ... FROM STDIN (text format): one statement per
// table, backpressure from the socket, memory bounded by one chunk. Rows may come from a
// generator, so a million viewers never sit in memory at once.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | Date | null | readonly string[] | readonly number[] | { json: unknown };

/** Escapes one value for COPY's text format (backslash, tab, newline, carriage return). */
function escapeText(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** A PostgreSQL array literal: every element quoted, so commas and braces are safe. */
function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.map((item) => (typeof item === 'number' ? String(item) : `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

export function encodeCell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as readonly (string | number)[]));
  return escapeText(JSON.stringify((value as { json: unknown }).json));
}

export function encodeRow(row: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + encodeCell(row[i]!);
  return `${line}\n`;
}

export interface CopyResult {
  table: string;
  rows: number;
  ms: number;
}

export type Progress = (message: string) => void;

const CHUNK_BYTES = 256 * 1024;

/** COPYs `rows` into `table` (columns in order); logs rows/s every few seconds for big tables. */
export async function copyRows(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
  progress: Progress,
): Promise<CopyResult> {
  const started = performance.now();
  let count = 0;
  let lastReport = started;
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += encodeRow(row);
      count++;
      if (buffer.length >= CHUNK_BYTES) {
        yield buffer;
        buffer = '';
        const now = performance.now();
        if (now - lastReport > 5_000) {
          lastReport = now;
          progress(`  ${table}: ${count.toLocaleString('en')} rows (${Math.round(count / ((now - started) / 1000)).toLocaleString('en')} rows/s)...`);
        }
      }
    }
    if (buffer) yield buffer;
  }
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(sql)));
  const ms = performance.now() - started;
  progress(`  ${table}: ${count.toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(count / Math.max(ms / 1000, 0.001)).toLocaleString('en')} rows/s)`);
  return { table, rows: count, ms };
}
