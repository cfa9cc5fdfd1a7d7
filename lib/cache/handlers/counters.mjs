// @ts-check
// Counters of the shared cache handlers. They live on globalThis under a registered symbol:
// Next loads the handlers outside its bundle, so the app's own modules (lib/cache/handlers/
// stats.ts, read by the metrics endpoint) are other module instances in the same process.
export const STATS_SYMBOL = Symbol.for('primetime.cache-handlers.stats');

/**
 * @typedef {{ hits: number, misses: number, sets: number }} HandlerCounters
 * @typedef {{ errors: number, skipped: number, setErrors: number, tagUpdates: number, tagsUnsent: number }} RedisCounters
 * @typedef {{ useCache: HandlerCounters, incremental: HandlerCounters, redis: RedisCounters }} CacheHandlerStats
 */

/** @returns {CacheHandlerStats} */
export function handlerStats() {
  const holder = /** @type {Record<symbol, CacheHandlerStats | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[STATS_SYMBOL] ??= {
    useCache: { hits: 0, misses: 0, sets: 0 },
    incremental: { hits: 0, misses: 0, sets: 0 },
    redis: { errors: 0, skipped: 0, setErrors: 0, tagUpdates: 0, tagsUnsent: 0 },
  };
  return holder[STATS_SYMBOL];
}

/** @param {keyof RedisCounters} event */
export function countCacheEvent(event) {
  handlerStats().redis[event] += 1;
}

/** @param {'useCache' | 'incremental'} handler @param {keyof HandlerCounters} event */
export function countHandlerEvent(handler, event) {
  handlerStats()[handler][event] += 1;
}
