// `upkeep.outbox`: the outbox keeps a row after the relay hands it to the queue (its
// processed_at says when), which is what makes a relay crash between the hand-over and the
// mark harmless. Kept forever, the table would grow by every write that ever caused a job;
// rows processed more than OUTBOX_RETENTION_DAYS ago have long run and are deleted, in
// batches so one run never holds a long lock. Idempotent: a re-run deletes what is left.
import { db as defaultDb, type PrismaClient } from '@/lib/db/client';
import type { JobHandler } from './context';

export const OUTBOX_RETENTION_DAYS = 7;
const BATCH = 5_000;

/** Deletes processed rows older than the retention; returns how many. */
export async function pruneOutbox(db: PrismaClient = defaultDb, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM outbox_events
       WHERE id IN (SELECT id FROM outbox_events WHERE processed_at < ${cutoff} LIMIT ${BATCH})`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

export const runOutboxUpkeepJob: JobHandler<'upkeep.outbox'> = async (_payload, ctx) => {
  ctx.log('outbox pruned', { deleted: await pruneOutbox() });
};
