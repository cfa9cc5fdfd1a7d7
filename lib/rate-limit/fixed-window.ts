// Fixed-window attempt counters in Redis, with a small in-process fallback.
//
// A window starts at the first attempt counted against a key and lasts `windowMs`; once
// `limit` attempts are counted, the key is refused until the window ends. Attempts are
// counted BEFORE the work they guard (INCR is atomic), so a burst of concurrent requests
// cannot all slip past a "check, then record" gap; callers give back a slot on success.
//
// Redis is the shared truth across instances. When it errors or times out (250 ms, see
// lib/redis/client.ts) the limiter keeps working from an in-process store instead of
// failing open: a Redis outage must not become a free-for-all for password guessing.
import type { Redis } from 'ioredis';
import { MemoryWindowStore } from './memory-store';
import { log } from '@/lib/observability/log';

export interface WindowPolicy {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface WindowState {
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends (and the counter starts from zero). */
  resetInMs: number;
}

export interface WindowStore {
  /** Counts one attempt against `key`, starting a window if none is open. */
  hit(key: string, windowMs: number): Promise<WindowState>;
  /** Gives one attempt back (a success that should not count as a failure). */
  giveBack(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  peek(key: string): Promise<WindowState>;
}

/** Redis store; every command failure is reported to the caller, who falls back. */
export class RedisWindowStore implements WindowStore {
  constructor(
    private readonly redis: Redis,
    private readonly connectWaitMs = 250,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowState> {
    await this.ready();
    // NX: later hits never extend the window, so a locked key unlocks on schedule.
    const results = await this.redis.multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec();
    if (!results) throw new Error('rate-limit transaction aborted');
    const [incr, , pttl] = results;
    if (incr?.[0] || pttl?.[0]) throw incr?.[0] ?? pttl?.[0];
    return { count: Number(incr?.[1]), resetInMs: Math.max(0, Number(pttl?.[1])) };
  }

  async giveBack(key: string): Promise<void> {
    await this.ready();
    // Never below zero: a give-back after the window expired must not leave credit behind.
    await this.redis.eval("local n = redis.call('DECR', KEYS[1]) if n <= 0 then redis.call('DEL', KEYS[1]) end return n", 1, key);
  }

  async reset(key: string): Promise<void> {
    await this.ready();
    await this.redis.del(key);
  }

  async peek(key: string): Promise<WindowState> {
    await this.ready();
    const results = await this.redis.multi().get(key).pttl(key).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    const pttl = Number(results?.[1]?.[1] ?? -2);
    return { count, resetInMs: pttl > 0 ? pttl : 0 };
  }

  /**
   * The shared client has no offline queue, so a command sent while its first connection
   * is still being made fails at once: without this, the first sign-ins after a process
   * starts would always be counted in memory only. Waits (at most `connectWaitMs`) only
   * while a connection attempt is in flight; a client that is down fails fast.
   */
  private async ready(): Promise<void> {
    const { status } = this.redis;
    if (status === 'ready') return;
    if (status !== 'connecting' && status !== 'connect') throw new Error(`Redis is ${status}`);
    await new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        reject(new Error('Redis did not become ready in time'));
      }, this.connectWaitMs);
      this.redis.once('ready', onReady);
    });
  }
}

/** A store that uses Redis and falls back to process memory for any call Redis fails. */
export class FallbackWindowStore implements WindowStore {
  private lastWarning = 0;

  constructor(
    private readonly primary: WindowStore,
    private readonly fallback: WindowStore = new MemoryWindowStore(),
  ) {}

  hit(key: string, windowMs: number): Promise<WindowState> {
    return this.attempt((store) => store.hit(key, windowMs));
  }

  giveBack(key: string): Promise<void> {
    return this.attempt((store) => store.giveBack(key));
  }

  reset(key: string): Promise<void> {
    return this.attempt((store) => store.reset(key));
  }

  peek(key: string): Promise<WindowState> {
    return this.attempt((store) => store.peek(key));
  }

  private async attempt<T>(call: (store: WindowStore) => Promise<T>): Promise<T> {
    try {
      return await call(this.primary);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarning > 60_000) {
        this.lastWarning = now;
        log.warn({ error: (error as Error).message }, 'rate limiter using in-process fallback');
      }
      return call(this.fallback);
    }
  }
}
