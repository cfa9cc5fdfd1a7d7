import type { CacheHandler, CacheHandlerContext } from 'next/dist/server/lib/incremental-cache';
import type { RedisStore } from './redis-store.mjs';

export declare class RedisIncrementalCacheHandler extends CacheHandler {
  static storeOf: () => RedisStore;
  static keyOf(cacheKey: string): string;
  constructor(ctx: CacheHandlerContext);
}
declare const handler: typeof CacheHandler;
export default handler;
