// Vitest global setup for the integration project: one fresh database per run, migrated
// with the project's own runner, dropped afterwards (KEEP_TEST_DB=1 keeps it for a look).
// The name carries a timestamp and the pid, so concurrent runs on one server never collide.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dropDatabase, migrate, redact } from '../../lib/db/migrate';
import { databaseUrlFor } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    queueRedisUrl: string;
  }
}

const PREFIX = 'primetime_vitest_';
/** Older than this, a run's database was left by an interrupted run (teardown never ran). */
const ABANDONED_AFTER_MS = 6 * 3_600_000;

/** Drops databases (and their scratch siblings) of runs that were interrupted hours ago. */
async function sweepAbandonedDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
    for (const { datname } of rows) {
      const startedAt = Number(/^primetime_vitest_(\d+)_/.exec(datname)?.[1]);
      if (startedAt && Date.now() - startedAt > ABANDONED_AFTER_MS) await dropDatabase(databaseUrlFor(datname));
    }
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await sweepAbandonedDatabases().catch(() => undefined); // housekeeping must never fail a run
  const databaseUrl = databaseUrlFor(`${PREFIX}${Date.now()}_${process.pid}`);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // `npm test` passes its noeviction queue Redis; `npx vitest run` alone shares the cache
  // Redis's server (job tests isolate themselves with a BullMQ prefix per file).
  const queueRedisUrl = process.env.QUEUE_REDIS_URL ?? redisUrl;
  try {
    await migrate(databaseUrl, { log: () => undefined });
  } catch (error) {
    await dropDatabase(databaseUrl).catch(() => undefined); // do not leak a half-migrated database
    throw new Error(
      `Could not create and migrate the test database ${redact(databaseUrl)}: ${(error as Error).message}\n` +
        'Is PostgreSQL running? Locally: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      { cause: error },
    );
  }
  // Workers inherit this process's environment, and setupFiles re-apply the provided
  // values, so lib/env.ts sees the test database whichever way a worker starts.
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  process.env.QUEUE_REDIS_URL = queueRedisUrl;
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  project.provide('queueRedisUrl', queueRedisUrl);

  return async () => {
    if (process.env.KEEP_TEST_DB === '1') {
      console.log(`KEEP_TEST_DB=1: kept ${redact(databaseUrl)}`);
      return;
    }
    await dropDatabase(databaseUrl);
  };
}
