// The BullMQ side of background jobs: connections to the queue Redis, the one queue and
// its default job options. The queue Redis is not the cache Redis: the cache evicts under
// memory pressure (allkeys-lru), and a queue whose keys can be evicted loses jobs, so
// production runs a second instance with `maxmemory-policy noeviction` (DESIGN.md "Shape").
import { Queue, type DefaultJobOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { logLine } from './context';
import type { JobTopic } from './topics';

export const QUEUE_NAME = 'primetime';

/**
 * Retries with exponential backoff (2 s, 4 s, 8 s, 16 s, 32 s: about a minute in all, which
 * rides out a restart of Next or PostgreSQL), and bounded history so the noeviction
 * instance cannot fill up with finished jobs.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

export interface QueueSettings {
  url?: string;
  prefix?: string;
}

/**
 * A queue Redis connection.
 * - `worker`: what BullMQ requires for blocking commands (`maxRetriesPerRequest: null`,
 *   commands wait through reconnects); a worker just resumes when Redis comes back.
 * - `producer`: fails fast (no offline queue, short timeouts), so the outbox relay notices
 *   a dead queue Redis within a second and leaves the rows for a later try.
 */
export function createQueueRedis(kind: 'worker' | 'producer', url: string = env.QUEUE_REDIS_URL): Redis {
  const redis =
    kind === 'worker'
      ? new Redis(url, { maxRetriesPerRequest: null, connectTimeout: 5_000, retryStrategy: (n) => Math.min(n * 500, 5_000) })
      : new Redis(url, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 1_000,
          commandTimeout: 2_000,
          retryStrategy: (n) => Math.min(n * 500, 5_000),
        });
  // Without a listener ioredis prints every failed reconnect as an unhandled error; the
  // relay and the health endpoint report the outage instead.
  redis.on('error', (error: Error) => logLine('debug', 'queue redis error', { kind, error: error.message }));
  return redis;
}

/** The job queue on a producer connection (closing the queue closes neither: call both). */
export function createJobQueue(connection: Redis, settings: QueueSettings = {}): Queue<unknown, void, JobTopic> {
  const queue = new Queue<unknown, void, JobTopic>(QUEUE_NAME, {
    connection,
    prefix: settings.prefix ?? env.QUEUE_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  // Connection errors surface as failed calls (the relay records them); unhandled, BullMQ
  // would print each reconnect attempt.
  queue.on('error', (error: Error) => logLine('debug', 'queue error', { error: error.message }));
  return queue;
}

/**
 * Reads the queue Redis's eviction policy. Anything but `noeviction` can silently drop
 * queued jobs under memory pressure; the worker warns loudly at start (BullMQ warns too).
 */
export async function evictionPolicy(redis: Redis): Promise<string | undefined> {
  // INFO works where CONFIG is disabled (managed Redis services).
  const info = await redis.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

export async function warnUnlessNoEviction(redis: Redis): Promise<void> {
  const policy = await evictionPolicy(redis).catch(() => undefined);
  if (policy !== undefined && policy !== 'noeviction') {
    logLine('warn', 'the queue Redis evicts keys: jobs can be lost under memory pressure', {
      maxmemoryPolicy: policy,
      fix: 'give BullMQ its own Redis with --maxmemory-policy noeviction (QUEUE_REDIS_URL)',
    });
  }
}

/**
 * BullMQ waits for the connection to be ready before sending anything, however long that
 * takes; callers that must not hang (the relay inside its transaction, start-up) bound it.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
