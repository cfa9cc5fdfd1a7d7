// Small display helpers for back-office pages (server and client components alike: no imports).

/** 1536 -> "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '')} ${units[unit]}`;
}

/** Whole percent of the file read, 0-100. */
export function percentRead(bytesRead: number, byteSize: number): number {
  if (byteSize <= 0) return 100;
  return Math.min(100, Math.floor((bytesRead / byteSize) * 100));
}

/** An ISO instant as "2026-11-21 13:05:09 UTC". */
export function formatInstant(iso: string | null): string {
  return iso === null ? '–' : `${iso.replace('T', ' ').slice(0, 19)} UTC`;
}

export const STATUS_LABEL = { QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Done', FAILED: 'Failed' } as const;
