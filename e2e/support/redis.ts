// The app's Redis, for what a test must reset or expire: rate-limit counters its deliberate
// failures leave, an account's cached state after a change made in SQL.
import { deserialize } from 'node:v8';
import { Redis } from 'ioredis';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function withRedis<T>(run: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

/**
 * The latest time (ms since the epoch) any of `tags` was revalidated, as the shared cache
 * handler records it (`<NEXT_CACHE_PREFIX>:tags:<tag>`, lib/cache/handlers/redis-store.mjs);
 * 0 when none ever was. Lets a spec tell its own revalidation from a parallel writer's.
 */
export async function lastRevalidation(tags: readonly string[]): Promise<number> {
  const namespace = process.env.NEXT_CACHE_PREFIX ?? 'next';
  const records = await withRedis((redis) => redis.mget(tags.map((tag) => `${namespace}:tags:${tag}`)));
  return Math.max(
    0,
    ...records.map((raw) => {
      const { stale, expired } = (raw ? JSON.parse(raw) : {}) as { stale?: number; expired?: number };
      return Math.max(stale ?? 0, expired ?? 0);
    }),
  );
}

/**
 * When the shared cache stored the page at `path` (ms since the epoch, its `lastModified`),
 * or undefined while it holds none. A spec that needs "the cached page" waits for this: the
 * handler gives up a write that misses its Redis deadline on a busy machine, and the next
 * request then renders from the database instead. Key: `<NEXT_CACHE_PREFIX>:<build id>:isr:
 * /route-cache/APP_PAGE/<hash>/$<path>`; value: v8-serialised
 * (lib/cache/handlers/incremental-cache-handler.mjs).
 */
export async function pageStoredAt(path: string): Promise<number | undefined> {
  const namespace = process.env.NEXT_CACHE_PREFIX ?? 'next';
  return withRedis(async (redis) => {
    const keys = await redis.keys(`${namespace}:*:isr:*/$${path}`);
    const entries = keys.length > 0 ? await redis.mgetBuffer(keys) : [];
    const stored = entries.flatMap((bytes) => (bytes ? [(deserialize(bytes) as { lastModified: number }).lastModified] : []));
    return stored.length > 0 ? Math.max(...stored) : undefined;
  });
}
