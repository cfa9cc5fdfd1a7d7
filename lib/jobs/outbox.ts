// Jobs are written to the transactional outbox (`outbox_events`) in the same transaction as
// the change that causes them: if the change commits, the job exists; if it rolls back, it
// does not. The relay (lib/jobs/relay.ts) hands committed events to BullMQ, so a dead queue
// Redis delays jobs but loses none (DESIGN.md "Failure behaviour").
import 'server-only';
import type { Prisma } from '@/lib/db/generated/client';
import { jobPayloadSchemas, type JobPayload, type JobTopic } from './topics';

export interface OutboxJob<T extends JobTopic> {
  topic: T;
  payload: JobPayload<T>;
  /**
   * Idempotency key: a second enqueue with the same key is ignored (e.g. `media.variants:<assetId>`).
   * Omit for jobs that may legitimately run again (a revalidation).
   */
  dedupeKey?: string;
  /** Not before this time (default: now). */
  availableAt?: Date;
}

/** Adds a job to the outbox inside the caller's transaction. Returns false when deduplicated. */
export async function enqueueJob<T extends JobTopic>(tx: Prisma.TransactionClient, job: OutboxJob<T>): Promise<boolean> {
  const payload = jobPayloadSchemas[job.topic].parse(job.payload) as Prisma.InputJsonValue;
  const result = await tx.outboxEvent.createMany({
    data: [{ topic: job.topic, payload, dedupeKey: job.dedupeKey ?? null, availableAt: job.availableAt ?? new Date() }],
    skipDuplicates: true,
  });
  return result.count === 1;
}
