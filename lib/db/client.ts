// The one PrismaClient of a process. Pool and statement timeouts are set so a slow or
// exhausted PostgreSQL fails requests fast instead of queueing them forever
// (Prisma's pg pool waits indefinitely by default).
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/lib/env';
import { PrismaClient } from './generated/client';

function createClient(url: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    application_name: 'primetime',
  });
  const client = new PrismaClient({
    adapter,
    log: [{ level: 'query', emit: 'event' }, 'warn', 'error'],
  });
  client.$on('query', (event) => {
    if (event.duration >= env.DATABASE_SLOW_QUERY_MS) {
      console.warn(JSON.stringify({ msg: 'slow query', durationMs: event.duration, query: event.query.slice(0, 500) }));
    }
  });
  return client;
}

// Kept on globalThis so dev-mode hot reloads do not open a new pool per edit.
const globalForDb = globalThis as unknown as { primetimeDb?: PrismaClient };

export const db: PrismaClient = globalForDb.primetimeDb ?? createClient(env.DATABASE_URL);
if (env.NODE_ENV !== 'production') globalForDb.primetimeDb = db;

export type { PrismaClient } from './generated/client';
