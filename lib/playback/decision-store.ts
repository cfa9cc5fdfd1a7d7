// Where playback decision rows are written: one multi-row INSERT per batch (decision-log.ts
// makes the batches) over a small pg pool of its own, not through Prisma. A --cpu-prof of the
// per-user service under the playback bench showed Prisma's query path (its query event
// serialises every parameter array for the slow-query log, then the driver adapter) at ~9 %
// of the service's CPU for rows nobody waits for. Same pool settings and slow-query report
// as the Prisma clients (lib/db/pool-config.ts, reportIfSlow). Two connections: a batch in
// flight and the next one gathering; rows arriving meanwhile wait and go together.
import 'server-only';
import pg from 'pg';
import { uuidv7 } from '@/lib/db/uuid';
import { reportIfSlow } from '@/lib/db/client';
import { poolConfig } from '@/lib/db/pool-config';
import { env } from '@/lib/env';
import { log } from '@/lib/observability/log';
import type { DecisionRow } from './decision-log';

/** Batches written at once, and the pool's size. */
export const DECISION_WRITERS = 2;
const APPLICATION_NAME = 'primetime-decisions';

const globalForStore = globalThis as unknown as { primetimeDecisionPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForStore.primetimeDecisionPool) {
    const created = new pg.Pool(
      poolConfig({ url: env.DATABASE_URL, max: DECISION_WRITERS, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS, applicationName: APPLICATION_NAME }),
    );
    // An idle connection that dies (PostgreSQL restarted) must not crash the process; the
    // next batch reconnects, and a failed batch is retried by decision-log.ts.
    created.on('error', (error) => log.warn({ err: error }, 'playback decision pool: idle connection lost'));
    globalForStore.primetimeDecisionPool = created;
  }
  return globalForStore.primetimeDecisionPool;
}

// One statement shape whatever the batch size (arrays through unnest), so PostgreSQL plans it
// once per connection. Asynchronous commit for this log only (set_config(..., true) lasts for
// the statement's own transaction): the rows are visible to every reader at once, but the
// commit does not wait for the WAL flush; a PostgreSQL crash may lose the last fraction of a
// second of decisions (their log lines keep them). Nothing else is written this way
// (docs/decisions/0006-per-user-endpoint-performance.md).
const INSERT_DECISIONS = {
  name: 'insert-playback-decisions',
  text: `
    INSERT INTO playback_decisions (id, user_id, target_type, target_id, allowed, reasons, country, asn)
    SELECT d.id, d.user_id, d.target_type, d.target_id, d.allowed,
           CASE WHEN d.reasons = '' THEN '{}'::text[] ELSE string_to_array(d.reasons, ',') END, d.country, d.asn
      FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::integer[])
        AS d(id, user_id, target_type, target_id, allowed, reasons, country, asn)
     WHERE set_config('synchronous_commit', 'off', true) IS NOT NULL`,
};

export async function writeDecisions(rows: DecisionRow[]): Promise<void> {
  const started = performance.now();
  await pool().query({
    ...INSERT_DECISIONS,
    values: [
      rows.map(() => uuidv7()),
      rows.map((r) => r.userId),
      rows.map((r) => r.targetType),
      rows.map((r) => r.targetId),
      rows.map((r) => r.allowed),
      rows.map((r) => r.reasons.join(',')),
      rows.map((r) => r.country),
      rows.map((r) => r.asn),
    ],
  });
  reportIfSlow(APPLICATION_NAME, performance.now() - started, INSERT_DECISIONS.name);
}
