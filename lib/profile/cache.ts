// The profile cache: one HGETALL per request in the common case; a rebuild from PostgreSQL
// when the hash is missing or older than 5 minutes, with ONE rebuild in flight per user in
// this process (a promise map) and across instances (a short SET NX PX lock; losers wait
// briefly for the winner's write, then read PostgreSQL themselves). Redis faults never cost
// a request more than ~200 ms: after a failed read the cache skips Redis for a second and
// serves profiles from PostgreSQL. invalidateProfile() deletes the hash and the lock, and a
// rebuild only writes while its lock is still held, so a rebuild that read PostgreSQL before
// an invalidation cannot put the old profile back.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisBackoff } from '@/lib/redis/client';
import type { EntitlementProfile } from '@/lib/entitlements/types';
import { decodeProfile, encodeNoProfile, encodeProfile, type CachedProfile } from './codec';

export const PROFILE_FRESH_MS = 5 * 60_000;

export interface ProfileCacheOptions {
  redis: Redis;
  /** Reads the truth (lib/profile/load.ts); null: no enabled user with that id. */
  load: (userId: string) => Promise<EntitlementProfile | null>;
  /** Prepended to every key (tests use their own). */
  keyPrefix?: string;
  freshForMs?: number;
  /** Backstop expiry of a hash; eviction (allkeys-lru) normally removes cold ones first. */
  ttlMs?: number;
  lockMs?: number;
  /** How long a lock loser polls for the winner's write before reading PostgreSQL. */
  waitForWinnerMs?: number;
  /** Longest wait for one Redis command before treating Redis as unavailable. */
  redisBudgetMs?: number;
  /** After a Redis failure, how long to go straight to PostgreSQL. */
  redisBackoffMs?: number;
  /** A back-off shared with the process's other Redis readers (lib/redis/client.ts), if any. */
  sharedBackoff?: RedisBackoff | null;
  clock?: () => number;
}

export interface ProfileCacheStats {
  hits: number;
  /** Reads that were not fresh (absent, stale, or Redis unavailable), joined rebuilds included. */
  misses: number;
  rebuilds: number;
  databaseLoads: number;
  redisFailures: number;
}

// Writes the hash only while this rebuild still holds the lock (see the header).
const WRITE_IF_LOCK_HELD = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

type Read = { state: 'fresh'; profile: EntitlementProfile | null } | { state: 'stale' | 'unavailable' };

export class ProfileCache {
  // Plain counters, read by the metrics at scrape time (lib/profile/index.ts): free per request.
  readonly stats: ProfileCacheStats = { hits: 0, misses: 0, rebuilds: 0, databaseLoads: 0, redisFailures: 0 };
  private readonly inflight = new Map<string, Promise<EntitlementProfile | null>>();
  private redisSkippedUntil = 0;
  private readonly options: Required<ProfileCacheOptions>;

  constructor(options: ProfileCacheOptions) {
    this.options = {
      keyPrefix: '',
      freshForMs: PROFILE_FRESH_MS,
      ttlMs: 24 * 3_600_000,
      lockMs: 2_000,
      waitForWinnerMs: 150,
      redisBudgetMs: 200,
      redisBackoffMs: 1_000,
      sharedBackoff: null,
      clock: Date.now,
      ...options,
    };
  }

  /** `profile:{id}`: the braces are a Redis Cluster hash tag, so the lock shares its slot. */
  key(userId: string): string {
    return `${this.options.keyPrefix}profile:{${userId}}`;
  }

  private lockKey(userId: string): string {
    return `${this.options.keyPrefix}profile-lock:{${userId}}`;
  }

  /** The viewer's profile; null when there is no such enabled user. */
  async get(userId: string): Promise<EntitlementProfile | null> {
    const read = await this.read(userId);
    if (read.state === 'fresh') {
      this.stats.hits += 1;
      return read.profile;
    }
    this.stats.misses += 1;
    const running = this.inflight.get(userId);
    if (running) return running;
    const rebuild = this.rebuild(userId, read.state !== 'unavailable').finally(() => {
      if (this.inflight.get(userId) === rebuild) this.inflight.delete(userId);
    });
    this.inflight.set(userId, rebuild);
    return rebuild;
  }

  /** Forget the cached profile now (subscription, binding, role or account state changed). */
  async invalidate(userId: string): Promise<void> {
    this.inflight.delete(userId);
    await this.redisCall(() => this.options.redis.del(this.key(userId), this.lockKey(userId)));
  }

  private async read(userId: string): Promise<Read> {
    if (this.options.clock() < this.redisSkippedUntil || this.options.sharedBackoff?.skipped()) return { state: 'unavailable' };
    const hash = await this.redisCall(() => this.options.redis.hgetall(this.key(userId)));
    if (hash === undefined) return { state: 'unavailable' };
    const cached: CachedProfile = decodeProfile(userId, hash);
    if (cached.kind === 'miss') return { state: 'stale' };
    const checkedAt = cached.kind === 'profile' ? cached.profile.checkedAt : cached.checkedAt;
    if (this.options.clock() - checkedAt >= this.options.freshForMs) return { state: 'stale' };
    return { state: 'fresh', profile: cached.kind === 'profile' ? cached.profile : null };
  }

  private async rebuild(userId: string, redisUsable: boolean): Promise<EntitlementProfile | null> {
    this.stats.rebuilds += 1;
    if (!redisUsable) return this.loadFromDatabase(userId);
    const token = randomUUID();
    const locked = await this.redisCall(() => this.options.redis.set(this.lockKey(userId), token, 'PX', this.options.lockMs, 'NX'));
    if (locked === undefined) return this.loadFromDatabase(userId);
    if (locked !== 'OK') {
      const written = await this.waitForWinner(userId);
      return written === undefined ? this.loadFromDatabase(userId) : written;
    }
    const profile = await this.loadFromDatabase(userId);
    const fields = profile ? encodeProfile(profile) : encodeNoProfile(this.options.clock());
    await this.redisCall(() =>
      this.options.redis.eval(WRITE_IF_LOCK_HELD, 2, this.key(userId), this.lockKey(userId), token, this.options.ttlMs, ...Object.entries(fields).flat()),
    );
    return profile;
  }

  /** The profile another instance is writing, or undefined when it did not arrive in time. */
  private async waitForWinner(userId: string): Promise<EntitlementProfile | null | undefined> {
    const deadline = this.options.clock() + this.options.waitForWinnerMs;
    while (this.options.clock() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const read = await this.read(userId);
      if (read.state === 'fresh') return read.profile;
      if (read.state === 'unavailable') return undefined;
    }
    return undefined;
  }

  private async loadFromDatabase(userId: string): Promise<EntitlementProfile | null> {
    this.stats.databaseLoads += 1;
    // Freshness is measured on the cache's clock, from when the read began.
    const checkedAt = this.options.clock();
    const profile = await this.options.load(userId);
    return profile && { ...profile, checkedAt };
  }

  /** Runs one Redis command within the budget; undefined (and a short back-off) on any fault. */
  private async redisCall<T>(command: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        command(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('redis budget exceeded')), this.options.redisBudgetMs);
        }),
      ]);
    } catch {
      this.stats.redisFailures += 1;
      this.redisSkippedUntil = this.options.clock() + this.options.redisBackoffMs;
      this.options.sharedBackoff?.failed();
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
