// The transactional outbox and its relay against real PostgreSQL and Redis: a job exists
// exactly when its transaction commits, racing relays hand each row over once, and a dead
// queue Redis delays jobs without losing them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enqueueJob } from '../../lib/jobs/outbox';
import { DEFAULT_JOB_OPTIONS } from '../../lib/jobs/queue';
import { createOutboxRelay } from '../../lib/jobs/relay';
import { deleteQueueKeys, jobsDatabase, openQueue, testQueuePrefix, unusedPort, type JobsDatabase } from '../setup/jobs';

let database: JobsDatabase;
const prefix = testQueuePrefix('relay');
const closers: Array<() => Promise<unknown> | void> = [];

function queueOn(url: string) {
  const { queue, close } = openQueue(url, prefix);
  closers.push(close);
  return queue;
}

const pending = () => database.db.outboxEvent.count({ where: { processedAt: null } });

beforeAll(async () => {
  database = await jobsDatabase('jobs_relay');
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await deleteQueueKeys(prefix);
  await database?.cleanup();
});

describe('enqueueJob', () => {
  it('writes the job only when its transaction commits, and deduplicates by key', async () => {
    const { db } = database;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, { topic: 'revalidate', payload: { tags: ['catalog'] }, dedupeKey: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.outboxEvent.count({ where: { dedupeKey: 'rolled-back' } })).toBe(0);

    const first = await db.$transaction((tx) => enqueueJob(tx, { topic: 'revalidate', payload: { tags: ['catalog'] }, dedupeKey: 'once' }));
    const second = await db.$transaction((tx) => enqueueJob(tx, { topic: 'revalidate', payload: { tags: ['search'] }, dedupeKey: 'once' }));
    expect([first, second]).toEqual([true, false]);
    expect(await db.outboxEvent.findMany({ where: { dedupeKey: 'once' }, select: { payload: true } })).toEqual([{ payload: { tags: ['catalog'] } }]);

    // A payload that does not match its topic never reaches the outbox.
    await expect(
      db.$transaction((tx) => enqueueJob(tx, { topic: 'revalidate', payload: { tags: [] } })),
    ).rejects.toThrow();
    await db.outboxEvent.deleteMany();
  });
});

describe('the outbox relay', () => {
  it('hands every row to BullMQ exactly once when two relays race', async () => {
    const { db } = database;
    const rows = Array.from({ length: 120 }, (_, index) => ({ topic: 'revalidate', payload: { tags: [`guide:utc:2026-12-${String((index % 28) + 1).padStart(2, '0')}`] } }));
    await db.outboxEvent.createMany({ data: rows });
    const queueA = queueOn(inject('queueRedisUrl'));
    const queueB = queueOn(inject('queueRedisUrl'));
    // Small batches so the two relays interleave many times.
    const relayA = createOutboxRelay({ db, queue: queueA, batchSize: 7 });
    const relayB = createOutboxRelay({ db, queue: queueB, batchSize: 7 });
    const drain = async (relay: typeof relayA) => {
      let delivered = 0;
      for (;;) {
        const result = await relay.runOnce();
        delivered += result.delivered;
        if (result.delivered === 0 && (await pending()) === 0) return delivered;
      }
    };
    const [a, b] = await Promise.all([drain(relayA), drain(relayB)]);
    expect(a + b).toBe(120);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);

    const ids = (await db.outboxEvent.findMany({ select: { id: true, processedAt: true } })).map((row) => {
      expect(row.processedAt).not.toBeNull();
      return row.id;
    });
    const counts = await queueA.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    expect(counts.waiting).toBe(120);
    // The job id is the outbox row id, and the queue's defaults (retries, backoff) apply.
    const job = await queueA.getJob(ids[0]!);
    expect(job?.name).toBe('revalidate');
    expect(job?.opts.attempts).toBe(DEFAULT_JOB_OPTIONS.attempts);
    expect(job?.opts.backoff).toEqual(DEFAULT_JOB_OPTIONS.backoff);

    // A relay that crashed after the add but before marking its rows adds them again:
    // BullMQ keeps one job per id.
    await db.outboxEvent.updateMany({ data: { processedAt: null } });
    expect((await relayA.runOnce()).delivered).toBe(7);
    expect((await queueA.getJobCounts('waiting')).waiting).toBe(120);

    await queueA.obliterate({ force: true });
    await db.outboxEvent.deleteMany();
  });

  it('keeps rows when the queue Redis is down, with attempts, error and backoff, and delivers them once it answers', async () => {
    const { db } = database;
    await db.$transaction((tx) => enqueueJob(tx, { topic: 'revalidate', payload: { tags: ['rights'] } }));
    const deadQueue = queueOn(`redis://127.0.0.1:${await unusedPort()}`);
    const relay = createOutboxRelay({ db, queue: deadQueue, addTimeoutMs: 1_500 });

    const started = Date.now();
    expect(await relay.runOnce()).toEqual({ delivered: 0, failed: 1 });
    expect(Date.now() - started).toBeLessThan(5_000); // fails fast, never hangs the writer's outbox
    const [row] = await db.outboxEvent.findMany();
    expect(row).toMatchObject({ attempts: 1, processedAt: null });
    expect(row!.lastError).toBeTruthy();
    expect(row!.availableAt.getTime()).toBeGreaterThan(Date.now()); // backed off
    // Not due yet: the next poll leaves it alone.
    expect(await relay.runOnce()).toEqual({ delivered: 0, failed: 0 });

    // Second failure doubles the delay.
    await db.outboxEvent.updateMany({ data: { availableAt: new Date(Date.now() - 1) } });
    const before = Date.now();
    expect(await relay.runOnce()).toEqual({ delivered: 0, failed: 1 });
    const [again] = await db.outboxEvent.findMany();
    expect(again!.attempts).toBe(2);
    expect(again!.availableAt.getTime() - before).toBeGreaterThan(1_500);

    // The queue is back (a relay on the live Redis): the row is delivered, with its id.
    await db.outboxEvent.updateMany({ data: { availableAt: new Date(Date.now() - 1) } });
    const liveQueue = queueOn(inject('queueRedisUrl'));
    expect(await createOutboxRelay({ db, queue: liveQueue }).runOnce()).toEqual({ delivered: 1, failed: 0 });
    const delivered = await db.outboxEvent.findUniqueOrThrow({ where: { id: row!.id } });
    expect(delivered.processedAt).not.toBeNull();
    expect(delivered.lastError).toBeNull();
    expect((await liveQueue.getJob(row!.id))?.data).toEqual({ tags: ['rights'] });
  });
});
