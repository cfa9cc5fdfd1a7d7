// The PRIMARY's PrismaClient, one per process: every write, and every read that must see
// the writes before it (auth, sessions, profiles, admin, playback). The shared guide and
// catalog reads that may run on a replica go through `readFromReplica` (./read-replica.ts)
// instead, so a replica read is always visible as such at its call site.
// Pool and statement timeouts are set so a slow or exhausted PostgreSQL fails requests fast
// instead of queueing them forever (Prisma's pg pool waits indefinitely by default).
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';
import { registerScrapedMetric } from '@/lib/observability/metrics';
import { addTiming } from '@/lib/observability/timing';
import { PrismaClient } from './generated/client';

export interface ClientOptions {
  url: string;
  connectTimeoutMs: number;
  /** Shown in pg_stat_activity, so a connection says which role it plays. */
  applicationName: string;
  /**
   * Client-side limit on one query. statement_timeout is enforced by the server, so it
   * cannot end a wait on a server that is frozen or unreachable mid-query; this can.
   */
  queryTimeoutMs?: number;
  /** Prisma's own error log; off where the caller handles failures itself (replica fall-back). */
  logErrors?: boolean;
}

export function createPrismaClient({ url, connectTimeoutMs, applicationName, queryTimeoutMs, logErrors = true }: ClientOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    // statement_timeout is enforced by the server; a server that stops answering (frozen,
    // network partition) never sends the cancellation, so the client gives up a second later
    // and pg drops that connection instead of waiting forever.
    query_timeout: queryTimeoutMs ?? env.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
    application_name: applicationName,
  });
  const client = new PrismaClient({
    adapter,
    log: [{ level: 'query', emit: 'event' }, 'warn', ...(logErrors ? (['error'] as const) : [])],
  });
  client.$on('query', (event) => {
    // Into the current request's Server-Timing (a no-op outside Next's route handlers).
    addTiming('db', event.duration);
    if (event.duration >= env.DATABASE_SLOW_QUERY_MS) {
      queryStats().slow += 1;
      // The statement's text only: parameters may carry personal data.
      log.warn({ server: applicationName, durationMs: event.duration, query: event.query.slice(0, 500) }, 'slow query');
    }
  });
  registerScrapedMetric('primetime_db_slow_queries_total', `PostgreSQL queries slower than DATABASE_SLOW_QUERY_MS (${env.DATABASE_SLOW_QUERY_MS} ms).`, 'counter', () => [[{}, queryStats().slow]]);
  return client;
}

// Shared by every client of the process (Next may evaluate this module once per route chunk).
const globalForStats = globalThis as unknown as { primetimeQueryStats?: { slow: number } };
const queryStats = () => (globalForStats.primetimeQueryStats ??= { slow: 0 });

// Kept on globalThis so dev-mode hot reloads do not open a new pool per edit.
const globalForDb = globalThis as unknown as { primetimeDb?: PrismaClient };

/** The primary. Writes, and reads that must see their own writes. */
export const db: PrismaClient =
  globalForDb.primetimeDb ??
  createPrismaClient({ url: env.DATABASE_URL, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS, applicationName: 'primetime' });
if (env.NODE_ENV !== 'production') globalForDb.primetimeDb = db;

export type { PrismaClient } from './generated/client';
