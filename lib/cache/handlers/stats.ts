// What the shared cache handlers counted in this process, for the metrics endpoint. The
// handlers run outside Next's bundle (lib/cache/handlers/*.mjs) and count on a global;
// this module reads the same global, so it works from any bundle or test.
export interface HandlerCounters {
  hits: number;
  misses: number;
  sets: number;
}

export interface RedisCounters {
  /** Reads or tag lookups that failed or passed the deadline (answered as misses). */
  errors: number;
  /** Reads answered as misses at once while Redis was down or backing off. */
  skipped: number;
  /** Writes dropped because Redis failed. */
  setErrors: number;
  tagUpdates: number;
  /** Revalidations kept in memory to be sent again when Redis is back. */
  tagsUnsent: number;
}

export interface CacheHandlerStats {
  /** The "use cache" handler (cacheHandlers.default / .remote). */
  useCache: HandlerCounters;
  /** The incremental (ISR page and route) cache handler. */
  incremental: HandlerCounters;
  redis: RedisCounters;
}

/** Same registered symbol as lib/cache/handlers/counters.mjs. */
const STATS_SYMBOL = Symbol.for('primetime.cache-handlers.stats');

/** A snapshot of the counters (zeros before the handlers have run in this process). */
export function cacheHandlerStats(): CacheHandlerStats {
  const current = (globalThis as Record<symbol, CacheHandlerStats | undefined>)[STATS_SYMBOL];
  return {
    useCache: { hits: 0, misses: 0, sets: 0, ...current?.useCache },
    incremental: { hits: 0, misses: 0, sets: 0, ...current?.incremental },
    redis: { errors: 0, skipped: 0, setErrors: 0, tagUpdates: 0, tagsUnsent: 0, ...current?.redis },
  };
}
