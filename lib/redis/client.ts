// The Redis "cache" connection of a process. ioredis waits very long on a dead or frozen
// server by default; these limits make a Redis fault cost a request at most ~250 ms,
// after which callers fall back to PostgreSQL (DESIGN.md "Failure behaviour").
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';

export const REDIS_COMMAND_TIMEOUT_MS = 250;
/** After a failed or timed-out command, cache readers skip Redis this long. */
export const REDIS_BACKOFF_MS = 1_000;

function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 1,
    // While disconnected, fail at once instead of queueing commands behind the reconnect.
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect as an unhandled error.
  redis.on('error', (error: Error) => log.debug({ error: error.message }, 'redis error'));
  return redis;
}

const globalForRedis = globalThis as unknown as { primetimeRedis?: Redis };

export function getRedis(): Redis {
  globalForRedis.primetimeRedis ??= createRedis(env.REDIS_URL);
  return globalForRedis.primetimeRedis;
}

/**
 * One back-off for every cache reader of the process (user state, profiles). Without it a
 * frozen Redis costs each reader its own timeout, one after the other in the same request
 * (user state, then the profile: ~450 ms); with it the first failure sends the rest of the
 * request, and the next second of requests, straight to PostgreSQL.
 */
export interface RedisBackoff {
  skipped: () => boolean;
  failed: () => void;
}

const globalForBackoff = globalThis as unknown as { primetimeRedisSkipUntil?: number };

export const redisBackoff: RedisBackoff = {
  skipped: () => Date.now() < (globalForBackoff.primetimeRedisSkipUntil ?? 0),
  failed: () => {
    globalForBackoff.primetimeRedisSkipUntil = Date.now() + REDIS_BACKOFF_MS;
  },
};

/**
 * Resolves once the cache connection is ready, or after `timeoutMs` (Redis down: callers go
 * on and fall back). Commands sent while connecting fail at once (no offline queue) and count
 * as a Redis fault, so a process awaits this before its first request.
 */
export async function redisReady(timeoutMs = 2_000): Promise<void> {
  const redis = getRedis();
  if (redis.status === 'ready') return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => redis.once('ready', resolve)),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}
