// @ts-check
// The "use cache" handler (next.config.ts `cacheHandlers.default` and `.remote`) over the
// cache Redis, so every instance reads what one of them computed, and a tag revalidated on
// one is expired for all. It follows Next's default handler
// (next/dist/server/lib/cache-handlers/default.js) except for where entries live.
import { createDefaultCacheHandler } from 'next/dist/server/lib/cache-handlers/default.js';
import { countHandlerEvent } from './counters.mjs';
import { PendingWrites, areTagsExpired, areTagsStale, sharedStore, ttlSeconds } from './redis-store.mjs';

/**
 * @typedef {import('next/dist/server/lib/cache-handlers/types').CacheHandler} CacheHandler
 * @typedef {import('next/dist/server/lib/cache-handlers/types').CacheEntry} CacheEntry
 * @typedef {import('./redis-store.mjs').RedisStore} RedisStore
 * @typedef {Omit<CacheEntry, 'value'>} EntryMeta
 */

/**
 * An entry is stored as one Redis string: 4 bytes of metadata length, the metadata as
 * JSON, then the value's bytes. One GET reads it whole.
 * @param {EntryMeta} meta @param {Uint8Array} value
 */
export function encodeEntry(meta, value) {
  const head = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.byteLength);
  return Buffer.concat([length, head, value]);
}

/** @param {Buffer} stored @returns {{ meta: EntryMeta, value: Buffer } | undefined} */
export function decodeEntry(stored) {
  if (stored.byteLength < 4) return undefined;
  const length = stored.readUInt32BE(0);
  try {
    const meta = JSON.parse(stored.subarray(4, 4 + length).toString());
    return { meta, value: stored.subarray(4 + length) };
  } catch {
    return undefined;
  }
}

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  /** @type {Uint8Array[]} */
  const chunks = [];
  for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (/** @type {unknown} */ (stream))) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** @param {Uint8Array} bytes @returns {ReadableStream<Uint8Array>} */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * @param {() => RedisStore} [storeOf] the store (tests pass their own Redis)
 * @returns {CacheHandler}
 */
export function createUseCacheHandler(storeOf = sharedStore) {
  const pending = new PendingWrites();
  const keyOf = (/** @type {string} */ cacheKey) => `${storeOf().entryPrefix}uc:${cacheKey}`;

  return {
    async get(cacheKey, softTags) {
      const store = storeOf();
      const key = keyOf(cacheKey);
      await pending.wait(key);
      const stored = await store.run('get', () => store.redis.getBuffer(key));
      const entry = stored ? decodeEntry(stored) : undefined;
      if (!entry) return miss();
      const { meta, value } = entry;
      const now = performance.timeOrigin + performance.now();
      // Like the default handler in production: an entry past `revalidate` is a miss (Redis
      // also drops it then), an entry with an expired tag is a miss, one with a stale tag is
      // served once more with `revalidate: -1` so Next refreshes it.
      if (meta.expire < 0 || now > meta.timestamp + meta.revalidate * 1000) return miss();
      // getExpiration answers Infinity, so the implicit (path) tags come here to be checked.
      const tags = [...meta.tags, ...softTags];
      const states = await store.readTags(tags);
      if (!states || areTagsExpired(states, tags, meta.timestamp)) return miss();
      countHandlerEvent('useCache', 'hits');
      const revalidate = areTagsStale(states, tags, meta.timestamp) ? -1 : meta.revalidate;
      return { ...meta, revalidate, value: streamOf(value) };
    },

    async set(cacheKey, pendingEntry) {
      const store = storeOf();
      const key = keyOf(cacheKey);
      await pending.track(key, async () => {
        const entry = await pendingEntry;
        // An `expire: 0` entry is dynamic: Next regenerates it on every read, so storing it
        // would be a write nobody reads (the default handler skips it too).
        if (entry.expire === 0) return;
        /** @type {Buffer} */
        let value;
        try {
          value = await readAll(entry.value);
        } catch {
          return; // a value that failed while streaming is not kept
        }
        const { value: _stream, ...meta } = entry;
        const ttl = ttlSeconds(Math.min(meta.revalidate, meta.expire));
        const written = await store.run('set', () => store.redis.set(key, encodeEntry(meta, value), 'EX', ttl));
        if (written) countHandlerEvent('useCache', 'sets');
      });
    },

    // Tags are read from Redis with each entry (one MGET); nothing to load per request.
    async refreshTags() {},

    // Infinity: "pass the implicit tags to get() and let the handler check them", so their
    // state is read in the same round trip as the entry's own tags.
    async getExpiration() {
      return Infinity;
    },

    async updateTags(tags, durations) {
      await storeOf().updateTags(tags, durations);
    },
  };
}

function miss() {
  countHandlerEvent('useCache', 'misses');
  return undefined;
}

// `next build` keeps Next's own in-memory handler: the build's prerenders must not depend
// on (or fill) a Redis the build machine may not reach, and it has no build id yet.
export default process.env.NEXT_PHASE === 'phase-production-build' ? createDefaultCacheHandler(50 * 1024 * 1024) : createUseCacheHandler();
