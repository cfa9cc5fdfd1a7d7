import type { CacheEntry, CacheHandler } from 'next/dist/server/lib/cache-handlers/types';
import type { RedisStore } from './redis-store.mjs';

export declare function encodeEntry(meta: Omit<CacheEntry, 'value'>, value: Uint8Array): Buffer;
export declare function decodeEntry(stored: Buffer): { meta: Omit<CacheEntry, 'value'>; value: Buffer } | undefined;
export declare function createUseCacheHandler(storeOf?: () => RedisStore): CacheHandler;
declare const handler: CacheHandler;
export default handler;
