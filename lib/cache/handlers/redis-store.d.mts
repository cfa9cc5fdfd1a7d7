import type { Redis } from 'ioredis';

export declare const CACHE_DEADLINE_MS: number;
export declare const CACHE_BACKOFF_MS: number;
export declare const MAX_ENTRY_TTL_S: number;

export interface TagState {
  stale?: number;
  expired?: number;
}

export interface RedisStore {
  redis: Redis;
  entryPrefix: string;
  tagPrefix: string;
  run<T>(what: 'get' | 'set' | 'tags', command: () => Promise<T>): Promise<T | undefined>;
  readTags(tags: readonly string[]): Promise<Map<string, TagState> | undefined>;
  updateTags(tags: readonly string[], durations?: { expire?: number }): Promise<void>;
}

export declare function currentBuildId(): string;
export declare function createRedisStore(options?: { redis?: Redis; url?: string; namespace?: string; buildId?: string }): RedisStore;
export declare function sharedStore(): RedisStore;
export declare function areTagsExpired(states: Map<string, TagState>, tags: readonly string[], timestamp: number): boolean;
export declare function areTagsStale(states: Map<string, TagState>, tags: readonly string[], timestamp: number): boolean;
export declare function ttlSeconds(seconds: number | false | undefined): number;
export declare class PendingWrites {
  wait(key: string): Promise<void> | undefined;
  track(key: string, write: () => Promise<void>): Promise<void>;
}
