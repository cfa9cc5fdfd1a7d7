// The Redis "cache" connection of a process. ioredis waits very long on a dead or frozen
// server by default; these limits make a Redis fault cost a request at most ~250 ms,
// after which callers fall back to PostgreSQL (DESIGN.md "Failure behaviour").
import { Redis } from 'ioredis';
import { env } from '@/lib/env';

export const REDIS_COMMAND_TIMEOUT_MS = 250;

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
  redis.on('error', (error: Error) => {
    if (env.LOG_LEVEL === 'debug') console.warn(JSON.stringify({ msg: 'redis error', error: error.message }));
  });
  return redis;
}

const globalForRedis = globalThis as unknown as { primetimeRedis?: Redis };

export function getRedis(): Redis {
  globalForRedis.primetimeRedis ??= createRedis(env.REDIS_URL);
  return globalForRedis.primetimeRedis;
}
