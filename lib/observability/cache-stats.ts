// How cache layers report hits and misses to the metrics (primetime_cache_requests_total
// {layer, result}). Dependency-free on purpose: a cache handler that Next loads on its own
// (lib/cache/handlers/) can call registerCacheStats without pulling in prom-client, and the
// sources live on globalThis so every copy of this module (Next bundles per route) and the
// metrics endpoint see the same ones. Sources are read at scrape time only: a cache keeps
// plain counters and pays nothing per request for being measured.

export interface CacheStats {
  /** Lookups answered from the cache since the process started (monotonic). */
  hits: number;
  /** Lookups the cache could not answer (absent, stale, or the cache unavailable). */
  misses: number;
}

/** A cache layer's name as a metric label: profile, isr, use-cache, edge... */
export type CacheLayer = string;

const globalForCacheStats = globalThis as unknown as { primetimeCacheStats?: Map<CacheLayer, () => CacheStats> };

export function cacheStatsSources(): Map<CacheLayer, () => CacheStats> {
  return (globalForCacheStats.primetimeCacheStats ??= new Map());
}

/**
 * Registers (or replaces) the reader of one layer's totals. Call once when the cache is
 * created; `read` must be cheap and must not throw (it runs on every scrape).
 */
export function registerCacheStats(layer: CacheLayer, read: () => CacheStats): void {
  if (!/^[a-z][a-z0-9_-]{0,31}$/.test(layer)) throw new Error(`cache layer names are short lower-case words: ${JSON.stringify(layer)}`);
  cacheStatsSources().set(layer, read);
}
