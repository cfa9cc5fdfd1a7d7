// The outbox relay: moves committed `outbox_events` rows into BullMQ.
//
// - Rows are claimed with FOR UPDATE SKIP LOCKED inside a transaction, so several worker
//   processes can relay at once and never hand the same row over twice.
// - Each row becomes a BullMQ job whose jobId IS the row id: if the relay dies after the
//   add and before marking the row, the next relay adds it again and BullMQ ignores the
//   duplicate id (while the job is kept; see DEFAULT_JOB_OPTIONS.removeOnComplete).
// - If the queue Redis does not answer, the rows stay, with attempts, last_error and a
//   later available_at (exponential backoff): a dead queue delays jobs and loses none.
import type { Queue } from 'bullmq';
import type { PrismaClient } from '@/lib/db/generated/client';
import { logLine } from './context';
import { withTimeout } from './queue';
import type { JobTopic } from './topics';

export interface RelayOptions {
  db: PrismaClient;
  queue: Queue<unknown, void, JobTopic>;
  /** Rows per claim; a full batch is followed at once by the next one. */
  batchSize?: number;
  /** Sleep between polls when the outbox is empty. */
  pollMs?: number;
  /** How long one hand-over to Redis may take before the batch counts as failed. */
  addTimeoutMs?: number;
  /** Longest pause before a row whose hand-over failed is tried again. */
  maxRetryDelayMs?: number;
}

export interface RelayResult {
  delivered: number;
  failed: number;
}

interface ClaimedRow {
  id: string;
  topic: string;
  payload: unknown;
}

const ERROR_MAX_CHARS = 1_000;

export function createOutboxRelay(options: RelayOptions) {
  const { db, queue, batchSize = 50, pollMs = 300, addTimeoutMs = 3_000, maxRetryDelayMs = 60_000 } = options;
  let stopped = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  /** Claims due rows, hands them to BullMQ, marks them; one transaction. */
  async function runOnce(): Promise<RelayResult> {
    return db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<ClaimedRow[]>`
          SELECT id::text AS id, topic, payload
            FROM outbox_events
           WHERE processed_at IS NULL AND available_at <= now()
           ORDER BY available_at
           LIMIT ${batchSize}
             FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return { delivered: 0, failed: 0 };
        const ids = rows.map((row) => row.id);
        try {
          await withTimeout(
            queue.addBulk(rows.map((row) => ({ name: row.topic as JobTopic, data: row.payload, opts: { jobId: row.id } }))),
            addTimeoutMs,
            'adding jobs to the queue',
          );
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_CHARS);
          // One UPDATE for the batch; each row's delay follows its own attempt count, counted
          // from now (clock_timestamp), not from the transaction start that waited on Redis.
          await tx.$executeRaw`
            UPDATE outbox_events
               SET attempts = attempts + 1,
                   last_error = ${message},
                   available_at = clock_timestamp() + make_interval(secs => least(${maxRetryDelayMs}::float8 / 1000, power(2, attempts)::float8))
             WHERE id = ANY(${ids}::uuid[])`;
          logLine('warn', 'outbox relay: queue unavailable, rows kept for a later try', { rows: rows.length, error: message });
          return { delivered: 0, failed: rows.length };
        }
        await tx.$executeRaw`UPDATE outbox_events SET processed_at = now(), last_error = NULL WHERE id = ANY(${ids}::uuid[])`;
        logLine('debug', 'outbox relay: jobs queued', { rows: rows.length, topics: [...new Set(rows.map((row) => row.topic))] });
        return { delivered: rows.length, failed: 0 };
      },
      // The transaction spans one Redis round trip at most addTimeoutMs long.
      { maxWait: 5_000, timeout: addTimeoutMs + 10_000 },
    );
  }

  async function sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = undefined;
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      try {
        const result = await runOnce();
        failures = 0;
        if (result.delivered === batchSize) continue; // more may be waiting
      } catch (error) {
        // PostgreSQL down or slow: back off, keep the loop alive.
        failures += 1;
        logLine('warn', 'outbox relay: could not read the outbox', { error: error instanceof Error ? error.message : String(error) });
      }
      // After a failed read: 1 s, 2 s, 4 s ... up to 10 s.
      if (!stopped) await sleep(failures ? Math.min(1_000 * 2 ** (failures - 1), 10_000) : pollMs);
    }
  }

  return {
    runOnce,
    /** Starts polling (idempotent). */
    start(): void {
      stopped = false;
      loop ??= run().finally(() => {
        loop = undefined;
      });
    },
    /** Lets a poll start now (e.g. after a NOTIFY). */
    poke(): void {
      wake?.();
    },
    /** Stops after the current batch. */
    async stop(): Promise<void> {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
