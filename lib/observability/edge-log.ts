// Edge cache hits into Prometheus. nginx-light has no Prometheus exporter and its
// stub_status counts connections, not cache results, so the worker tails the edge's access
// log and counts `$upstream_cache_status` (docs/decisions/0014-observability.md). The edge's
// log_format must carry it as a `cache=<status>` token, e.g.
//   log_format edge '$remote_addr [$time_iso8601] "$request" $status $body_bytes_sent cache=$upstream_cache_status rt=$request_time';
// Lines without the token, or with `cache=-`/`cache=` (locations that do not cache), are not counted.
// A CDN in production reports its own hit ratio; this is for the edge we run ourselves.
import { open, stat } from 'node:fs/promises';
import { registerCacheStats } from './cache-stats';
import { log } from './log';
import { registerScrapedMetric } from './metrics';

/** nginx's $upstream_cache_status values; the first four were answered from the cache. */
const SERVED_FROM_CACHE = new Set(['HIT', 'STALE', 'UPDATING', 'REVALIDATED']);
const COUNTED = new Set([...SERVED_FROM_CACHE, 'MISS', 'EXPIRED', 'BYPASS']);
const CACHE_TOKEN = /(?:^|\s)cache=([A-Z]+)(?=\s|$)/;

export interface EdgeLogCounts {
  byStatus: Record<string, number>;
  hits: number;
  misses: number;
}

/** Counts one access-log line into `counts`. Exported for the tests. */
export function countEdgeLine(line: string, counts: EdgeLogCounts): void {
  const status = CACHE_TOKEN.exec(line)?.[1];
  if (!status || !COUNTED.has(status)) return;
  counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
  if (SERVED_FROM_CACHE.has(status)) counts.hits += 1;
  else counts.misses += 1;
}

export interface EdgeLogWatcher {
  counts: EdgeLogCounts;
  /** Reads what the edge appended since the last poll (the timer calls it too). */
  poll: () => Promise<void>;
  stop: () => void;
}

/**
 * Follows the log from its current end (lines written before the worker started were
 * counted by its predecessor, or belong to no scrape), polling every `pollMs`. A file that
 * shrank was rotated or truncated: reading starts again at its beginning.
 */
export async function watchEdgeLog(file: string, { pollMs = 1_000 }: { pollMs?: number } = {}): Promise<EdgeLogWatcher> {
  const counts: EdgeLogCounts = { byStatus: {}, hits: 0, misses: 0 };
  let offset = await stat(file).then((info) => info.size, () => 0);
  let partial = '';
  let reading: Promise<void> | undefined;

  const readNew = async (): Promise<void> => {
    const size = await stat(file).then((info) => info.size, () => undefined);
    if (size === undefined) return; // not there (yet): the edge creates it on first write
    if (size < offset) {
      offset = 0;
      partial = '';
    }
    if (size === offset) return;
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(size - offset, 8 * 1024 * 1024));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      offset += bytesRead;
      const lines = (partial + buffer.toString('utf8', 0, bytesRead)).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) countEdgeLine(line, counts);
    } finally {
      await handle.close();
    }
  };
  const poll = () => (reading ??= readNew().catch((error: unknown) => log.warn({ err: error, file }, 'edge access log unreadable')).finally(() => (reading = undefined)));
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();

  registerCacheStats('edge', () => ({ hits: counts.hits, misses: counts.misses }));
  registerScrapedMetric('primetime_edge_responses_total', "Edge responses by nginx's $upstream_cache_status, counted from its access log.", 'counter', () =>
    Object.entries(counts.byStatus).map(([status, value]) => [{ cache_status: status }, value]),
  );
  return { counts, poll, stop: () => clearInterval(timer) };
}
