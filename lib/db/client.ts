// The PRIMARY's PrismaClient, one per process: every write, and every read that must see
// the writes before it (auth, sessions, profiles, admin, playback). The shared guide and
// catalog reads that may run on a replica go through `readFromReplica` (./read-replica.ts)
// instead, so a replica read is always visible as such at its call site.
// Pool and statement timeouts: ./pool-config.ts.
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';
import { registerScrapedMetric } from '@/lib/observability/metrics';
import { addTiming } from '@/lib/observability/timing';
import { poolConfig, type PoolOptions } from './pool-config';
import { PrismaClient } from './generated/client';

export interface ClientOptions extends Omit<PoolOptions, 'max'> {
  /** Prisma's own error log; off where the caller handles failures itself (replica fall-back). */
  logErrors?: boolean;
}

export function createPrismaClient({ logErrors = true, ...pool }: ClientOptions): PrismaClient {
  const adapter = new PrismaPg(poolConfig({ ...pool, max: env.DATABASE_POOL_MAX }));
  const client = new PrismaClient({
    adapter,
    log: [{ level: 'query', emit: 'event' }, 'warn', ...(logErrors ? (['error'] as const) : [])],
  });
  client.$on('query', (event) => {
    // Into the current request's Server-Timing (a no-op outside Next's route handlers).
    addTiming('db', event.duration);
    reportIfSlow(pool.applicationName, event.duration, event.query);
  });
  registerScrapedMetric('primetime_db_slow_queries_total', `PostgreSQL queries slower than DATABASE_SLOW_QUERY_MS (${env.DATABASE_SLOW_QUERY_MS} ms).`, 'counter', () => [[{}, queryStats().slow]]);
  return client;
}

// Shared by every client of the process (Next may evaluate this module once per route chunk).
const globalForStats = globalThis as unknown as { primetimeQueryStats?: { slow: number } };
const queryStats = () => (globalForStats.primetimeQueryStats ??= { slow: 0 });

/** Counts and logs a statement slower than DATABASE_SLOW_QUERY_MS, whichever client ran it. */
export function reportIfSlow(server: string, durationMs: number, query: string): void {
  if (durationMs < env.DATABASE_SLOW_QUERY_MS) return;
  queryStats().slow += 1;
  // The statement's text only: parameters may carry personal data.
  log.warn({ server, durationMs: Math.round(durationMs), query: query.slice(0, 500) }, 'slow query');
}

// Kept on globalThis so dev-mode hot reloads do not open a new pool per edit.
const globalForDb = globalThis as unknown as { primetimeDb?: PrismaClient };

/** The primary. Writes, and reads that must see their own writes. */
export const db: PrismaClient =
  globalForDb.primetimeDb ??
  createPrismaClient({ url: env.DATABASE_URL, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS, applicationName: 'primetime' });
if (env.NODE_ENV !== 'production') globalForDb.primetimeDb = db;

export type { PrismaClient } from './generated/client';
