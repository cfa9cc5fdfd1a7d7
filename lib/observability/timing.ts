// Per-request time spent in PostgreSQL and Redis, for the Server-Timing header of Next's
// route handlers (lib/observability/route.ts). The request's tally travels in an
// AsyncLocalStorage that only route.ts enters: in processes that never enter it (the lean
// per-user service, the worker) addTiming() finds no store and costs one getStore().
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestTimings {
  /** Milliseconds in PostgreSQL queries (summed: parallel queries add up). */
  db: number;
  dbQueries: number;
  /** Milliseconds waiting for Redis commands (summed). */
  redis: number;
  redisCommands: number;
}

const globalForTimings = globalThis as unknown as { primetimeTimings?: AsyncLocalStorage<RequestTimings> };
// One store for every copy of this module (Next may bundle it into several chunks).
const storage = (globalForTimings.primetimeTimings ??= new AsyncLocalStorage<RequestTimings>());

export function newTimings(): RequestTimings {
  return { db: 0, dbQueries: 0, redis: 0, redisCommands: 0 };
}

export function runWithTimings<T>(timings: RequestTimings, fn: () => T): T {
  return storage.run(timings, fn);
}

/** Adds to the current request's tally, if the caller runs inside one. */
export function addTiming(kind: 'db' | 'redis', ms: number): void {
  const timings = storage.getStore();
  if (!timings) return;
  if (kind === 'db') {
    timings.db += ms;
    timings.dbQueries += 1;
  } else {
    timings.redis += ms;
    timings.redisCommands += 1;
  }
}

export function currentTimings(): RequestTimings | undefined {
  return storage.getStore();
}

/**
 * The Server-Timing header value (W3C Server Timing): `total` always, `db` and `redis` when
 * the request used them. Durations in milliseconds with two decimals.
 */
export function serverTimingHeader(totalMs: number, timings?: RequestTimings): string {
  let value = `total;dur=${totalMs.toFixed(2)}`;
  if (timings && timings.dbQueries > 0) value += `, db;dur=${timings.db.toFixed(2)};desc="${timings.dbQueries} queries"`;
  if (timings && timings.redisCommands > 0) value += `, redis;dur=${timings.redis.toFixed(2)};desc="${timings.redisCommands} commands"`;
  return value;
}
