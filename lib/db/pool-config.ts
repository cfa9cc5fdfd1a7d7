// The pg pool settings every connection to PostgreSQL uses, whichever client holds it
// (Prisma's adapter in ./client.ts, the playback decision writer). Set so a slow or
// exhausted PostgreSQL fails requests fast instead of queueing them forever (pg's pool waits
// indefinitely by default).
import type { PoolConfig } from 'pg';
import { env } from '@/lib/env';

export interface PoolOptions {
  url: string;
  max: number;
  connectTimeoutMs: number;
  /** Shown in pg_stat_activity, so a connection says which role it plays. */
  applicationName: string;
  /**
   * Client-side limit on one query. statement_timeout is enforced by the server, so it
   * cannot end a wait on a server that is frozen or unreachable mid-query; this can.
   */
  queryTimeoutMs?: number;
}

export function poolConfig({ url, max, connectTimeoutMs, applicationName, queryTimeoutMs }: PoolOptions): PoolConfig {
  return {
    connectionString: url,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    // statement_timeout is enforced by the server; a server that stops answering (frozen,
    // network partition) never sends the cancellation, so the client gives up a second later
    // and pg drops that connection instead of waiting forever.
    query_timeout: queryTimeoutMs ?? env.DATABASE_STATEMENT_TIMEOUT_MS + 1_000,
    application_name: applicationName,
  };
}
