// The shared cache handlers (lib/cache/handlers) against a real redis-server of the test's
// own: two stores on two connections play two Next instances sharing it. Freezing the
// server (SIGSTOP) is the "Redis frozen" fault of DESIGN.md: every call must come back
// within the deadline as a miss, and the handlers must work again once it thaws.
import { setTimeout as sleep } from 'node:timers/promises';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CacheEntry } from 'next/dist/server/lib/cache-handlers/types';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache/types';
import { RedisIncrementalCacheHandler } from '@/lib/cache/handlers/incremental-cache-handler.mjs';
import { CACHE_BACKOFF_MS, CACHE_DEADLINE_MS, MAX_ENTRY_TTL_S, createRedisStore, type RedisStore } from '@/lib/cache/handlers/redis-store.mjs';
import { cacheHandlerStats } from '@/lib/cache/handlers/stats';
import { createUseCacheHandler } from '@/lib/cache/handlers/use-cache-handler.mjs';
import { startOwnRedis, type OwnRedis } from '@/tests/support/own-redis';

let redis: OwnRedis;
let storeA: RedisStore;
let storeB: RedisStore;
let namespace: string;

beforeAll(async () => {
  redis = await startOwnRedis();
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  namespace = `t${Math.random().toString(36).slice(2, 8)}`;
  storeA = createRedisStore({ redis: await redis.client(), namespace, buildId: 'build-1' });
  storeB = createRedisStore({ redis: await redis.client(), namespace, buildId: 'build-1' });
});

const encoder = new TextEncoder();
const now = () => Math.round(performance.timeOrigin + performance.now());

function entry(overrides: Partial<Omit<CacheEntry, 'value'>> & { body?: string } = {}): Promise<CacheEntry> {
  const { body = 'payload', ...meta } = overrides;
  return Promise.resolve({
    value: new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(body));
        controller.close();
      },
    }),
    tags: ['title:x'],
    stale: 60,
    timestamp: now(),
    expire: 3600,
    revalidate: 60,
    ...meta,
  });
}

async function text(found: CacheEntry | undefined): Promise<string | undefined> {
  return found ? new Response(found.value).text() : undefined;
}

describe('"use cache" handler', () => {
  it('serves on one instance what another stored, with its metadata', async () => {
    const a = createUseCacheHandler(() => storeA);
    const b = createUseCacheHandler(() => storeB);
    await a.set('k1', entry({ body: 'from A', tags: ['channels'], revalidate: 120, expire: 600 }));
    const found = await b.get('k1', []);
    expect(found).toMatchObject({ tags: ['channels'], revalidate: 120, expire: 600, stale: 60 });
    expect(await text(found)).toBe('from A');
    // Every get gets a stream of its own.
    expect(await text(await b.get('k1', []))).toBe('from A');
    // Bounded: Redis drops the entry when it stops being served (revalidate, as Next's default handler).
    const ttl = await storeA.redis.ttl(`${storeA.entryPrefix}uc:k1`);
    expect(ttl).toBeGreaterThan(110);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('keeps builds apart: another build id never reads the entry', async () => {
    const a = createUseCacheHandler(() => storeA);
    const otherBuild = createRedisStore({ redis: storeB.redis, namespace, buildId: 'build-2' });
    await a.set('k-build', entry());
    expect(await createUseCacheHandler(() => otherBuild).get('k-build', [])).toBeUndefined();
  });

  it('a tag expired on one instance is a miss on the other; an entry made after it is a hit', async () => {
    const a = createUseCacheHandler(() => storeA);
    const b = createUseCacheHandler(() => storeB);
    await a.set('k2', entry({ timestamp: now() - 5, tags: ['title:1'] }));
    expect(await text(await b.get('k2', []))).toBe('payload');
    await a.updateTags(['title:1']); // updateTag(): expires at once
    expect(await b.get('k2', [])).toBeUndefined();
    await sleep(2);
    await b.set('k2', entry({ body: 'fresh', tags: ['title:1'] }));
    expect(await text(await a.get('k2', []))).toBe('fresh');
  });

  it('checks the implicit (soft) tags passed to get, since getExpiration answers Infinity', async () => {
    const a = createUseCacheHandler(() => storeA);
    expect(await a.getExpiration(['_N_T_/guide'])).toBe(Infinity);
    await a.set('k3', entry({ timestamp: now() - 5 }));
    expect(await a.get('k3', ['_N_T_/guide'])).toBeDefined();
    await createUseCacheHandler(() => storeB).updateTags(['_N_T_/guide']);
    expect(await a.get('k3', ['_N_T_/guide'])).toBeUndefined();
    expect(await a.get('k3', ['_N_T_/other'])).toBeDefined();
  });

  it('revalidateTag with a profile marks stale (served once more with revalidate -1) and expires later', async () => {
    const a = createUseCacheHandler(() => storeA);
    await a.set('k4', entry({ timestamp: now() - 5, tags: ['catalog'] }));
    await createUseCacheHandler(() => storeB).updateTags(['catalog'], { expire: 3600 });
    const found = await a.get('k4', []);
    expect(found?.revalidate).toBe(-1);
    await createUseCacheHandler(() => storeB).updateTags(['catalog'], { expire: 0 });
    await sleep(2);
    expect(await a.get('k4', [])).toBeUndefined();
  });

  it('drops entries past revalidate, and does not store dynamic (expire 0) entries', async () => {
    const a = createUseCacheHandler(() => storeA);
    await a.set('k5', entry({ timestamp: now() - 61_000, revalidate: 60 }));
    expect(await a.get('k5', [])).toBeUndefined();
    await a.set('k6', entry({ expire: 0 }));
    expect(await storeA.redis.exists(`${storeA.entryPrefix}uc:k6`)).toBe(0);
  });

  it('a get during a pending set of the same key waits for it', async () => {
    const a = createUseCacheHandler(() => storeA);
    let release!: (value: CacheEntry) => void;
    const setting = a.set('k7', new Promise<CacheEntry>((resolve) => (release = resolve)));
    const getting = a.get('k7', []);
    await sleep(20);
    release(await entry({ body: 'late' }));
    await setting;
    expect(await text(await getting)).toBe('late');
  });
});

describe('incremental (ISR) handler', () => {
  const page = (tags: string) => ({
    kind: 'APP_PAGE' as const,
    html: '<html>page</html>',
    rscData: Buffer.from('rsc-bytes'),
    postponed: undefined,
    headers: { 'x-next-cache-tags': tags },
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  });
  // Next's kinds are const enums (not importable under isolatedModules); same strings.
  const asValue = (value: object) => value as IncrementalCacheValue;
  const cacheControl = { revalidate: 60, expire: 3600 };
  const getContext = { kind: 'APP_PAGE', isRoutePPREnabled: true, isFallback: false } as never;

  function onInstance<T>(store: RedisStore, work: (handler: RedisIncrementalCacheHandler) => Promise<T>): Promise<T> {
    RedisIncrementalCacheHandler.storeOf = () => store;
    return work(new RedisIncrementalCacheHandler({ revalidatedTags: [], _requestHeaders: {} }));
  }

  it('serves a page stored by another instance, Buffers and Maps intact, with its lifetime', async () => {
    await onInstance(storeA, (handler) => handler.set('/guide', asValue(page('guide:utc:2026-12-31,_N_T_/guide')), { cacheControl } as never));
    const found = await onInstance(storeB, (handler) => handler.get('/guide', getContext));
    expect(found?.cacheControl).toEqual(cacheControl);
    expect(found?.value).toMatchObject({ kind: 'APP_PAGE', html: '<html>page</html>' });
    const value = found?.value as ReturnType<typeof page>;
    expect(Buffer.from(value.rscData).toString()).toBe('rsc-bytes');
    expect(Buffer.from(value.segmentData.get('/_tree')!).toString()).toBe('tree');
    // The entry lives until its `expire` (served stale, regenerated, until then).
    const ttl = await storeA.redis.ttl(RedisIncrementalCacheHandler.keyOf('/guide'));
    expect(ttl).toBeGreaterThan(3500);
  });

  it('a tag expired on one instance makes the page a miss on the other', async () => {
    await onInstance(storeA, (handler) => handler.set('/vod/titles/x', asValue(page('title:9,_N_T_/vod/titles/x')), { cacheControl } as never));
    await sleep(2);
    expect(await onInstance(storeB, (handler) => handler.get('/vod/titles/x', getContext))).not.toBeNull();
    await onInstance(storeA, (handler) => handler.revalidateTag(['title:9'], { expire: 0 }));
    expect(await onInstance(storeB, (handler) => handler.get('/vod/titles/x', getContext))).toBeNull();
  });

  it('a stale (not yet expired) tag serves the page dated past its revalidate time, so Next refreshes it behind', async () => {
    await onInstance(storeA, (handler) => handler.set('/vod', asValue(page('catalog')), { cacheControl } as never));
    await sleep(2);
    await onInstance(storeB, (handler) => handler.revalidateTag('catalog', { expire: 3600 }));
    const found = await onInstance(storeA, (handler) => handler.get('/vod', getContext));
    expect(found).not.toBeNull();
    expect(now() - found!.lastModified).toBeGreaterThan(60_000);
    expect(now() - found!.lastModified).toBeLessThan(3_600_000);
  });

  it('fetch entries check their tags and the soft tags of the request', async () => {
    const data = { kind: 'FETCH' as const, data: { headers: {}, body: 'e30=', url: 'http://x', status: 200 }, revalidate: 30, tags: ['search'] };
    await onInstance(storeA, (handler) => handler.set('fetch-1', asValue(data), { fetchCache: true, tags: ['search'] } as never));
    await sleep(2);
    const ctx = { kind: 'FETCH', tags: ['search'], softTags: ['_N_T_/search'] } as never;
    expect(await onInstance(storeB, (handler) => handler.get('fetch-1', ctx))).not.toBeNull();
    await onInstance(storeB, (handler) => handler.revalidateTag('_N_T_/search'));
    expect(await onInstance(storeA, (handler) => handler.get('fetch-1', ctx))).toBeNull();
    expect(MAX_ENTRY_TTL_S).toBeGreaterThan(0);
  });

  it('an unreadable stored value is a miss, not an error', async () => {
    await storeA.redis.set(RedisIncrementalCacheHandler.keyOf('/broken'), 'not v8');
    expect(await onInstance(storeA, (handler) => handler.get('/broken', getContext))).toBeNull();
    expect(serialize({}).byteLength).toBeGreaterThan(0);
  });
});

describe('faults: a frozen or stopped cache Redis', () => {
  it('frozen: gets are misses within the deadline, sets are dropped, then it recovers without a restart', async () => {
    const a = createUseCacheHandler(() => storeA);
    const b = createUseCacheHandler(() => storeB);
    await a.set('f1', entry({ timestamp: now() - 5, tags: ['title:f'] }));
    const before = cacheHandlerStats();

    redis.freeze();
    try {
      let started = performance.now();
      expect(await b.get('f1', [])).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(CACHE_DEADLINE_MS + 150);
      // In the back-off window the store does not wait at all.
      started = performance.now();
      expect(await b.get('f1', [])).toBeUndefined();
      await b.set('f2', entry());
      expect(performance.now() - started).toBeLessThan(50);
      // A revalidation while frozen is kept and sent when Redis answers again.
      await b.updateTags(['title:f']);
      expect(performance.now() - started).toBeLessThan(CACHE_DEADLINE_MS + 150);
    } finally {
      redis.thaw();
    }
    const during = cacheHandlerStats();
    expect(during.redis.errors).toBeGreaterThan(before.redis.errors);
    expect(during.redis.skipped).toBeGreaterThan(before.redis.skipped);
    expect(during.redis.tagsUnsent).toBeGreaterThan(before.redis.tagsUnsent);

    await sleep(CACHE_BACKOFF_MS + 100);
    // The first command after the thaw also sends the kept revalidation: f1 is expired.
    await expect.poll(() => b.get('f1', []), { timeout: 3_000 }).toBeUndefined();
    await b.set('f3', entry({ body: 'after thaw' }));
    expect(await text(await a.get('f3', []))).toBe('after thaw');
    expect(cacheHandlerStats().useCache.hits).toBeGreaterThan(during.useCache.hits);
  });

  it('stopped and started again: misses at once while down, hits again once back on the same connection', async () => {
    // A store with its own connection, as in Next: it must reconnect by itself.
    const own = createRedisStore({ url: `redis://127.0.0.1:${redis.port}`, namespace, buildId: 'build-1' });
    try {
      await expect.poll(() => own.redis.status, { timeout: 5_000 }).toBe('ready');
      const a = createUseCacheHandler(() => own);
      await a.set('s1', entry({ body: 'before' }));
      expect(await text(await a.get('s1', []))).toBe('before');

      await redis.stop();
      await expect.poll(() => own.redis.status, { timeout: 5_000 }).not.toBe('ready');
      const started = performance.now();
      expect(await a.get('s1', [])).toBeUndefined();
      await a.set('s2', entry());
      expect(performance.now() - started).toBeLessThan(CACHE_DEADLINE_MS);

      await redis.restart();
      await expect
        .poll(
          async () => {
            await a.set('s3', entry({ body: 'back' }));
            return text(await a.get('s3', []));
          },
          { timeout: 10_000 },
        )
        .toBe('back');
    } finally {
      own.redis.disconnect();
    }
  });
});
