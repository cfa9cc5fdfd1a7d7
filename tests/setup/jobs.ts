// Helpers for the background-job tests: a migrated scratch database of their own (the relay
// claims every due outbox row, so it must not share the run's outbox with other test
// files), a Prisma client on it, and a BullMQ prefix per test file.
import { createServer } from 'node:net';
import { PrismaPg } from '@prisma/adapter-pg';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { PrismaClient } from '../../lib/db/generated/client';
import { createJobQueue, createQueueRedis } from '../../lib/jobs/queue';
import { migrate } from '../../lib/db/migrate';
import { scratchDatabase } from './scratch';

export interface JobsDatabase {
  url: string;
  db: PrismaClient;
  cleanup: () => Promise<void>;
}

/** A freshly migrated database with a Prisma client; `cleanup()` disconnects and drops it. */
export async function jobsDatabase(suffix: string): Promise<JobsDatabase> {
  const scratch = scratchDatabase(suffix);
  await migrate(scratch.url, { log: () => undefined });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 5, connectionTimeoutMillis: 5_000 }) });
  return {
    url: scratch.url,
    db,
    cleanup: async () => {
      await db.$disconnect();
      await scratch.cleanup();
    },
  };
}

/** A BullMQ prefix no other test file or run uses. */
export function testQueuePrefix(name: string): string {
  return `test-${name}-${process.pid}-${Date.now().toString(36)}`;
}

/** Deletes every key under a BullMQ prefix (the queue Redis of a test run is shared). */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(inject('queueRedisUrl'), { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A TCP port nothing listens on (for a server to start, or as a dead Redis). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A producer queue on `url` under `prefix`; `close` closes the queue and its connection. */
export function openQueue(url: string, prefix: string) {
  const redis = createQueueRedis('producer', url);
  const queue = createJobQueue(redis, { prefix });
  return {
    queue,
    close: async () => {
      await queue.close().catch(() => undefined);
      redis.disconnect();
    },
  };
}
