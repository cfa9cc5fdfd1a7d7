// The upkeep jobs against real PostgreSQL: airings partitions ahead and behind (in a scratch
// database, since detaching months would take other test files' fixtures away), and the
// repair of denormalised category counts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db/client';
import type { JobContext } from '../../lib/jobs/context';
import { runCounterUpkeepJob } from '../../lib/jobs/counter-upkeep';
import { OUTBOX_RETENTION_DAYS, pruneOutbox } from '../../lib/jobs/outbox-upkeep';
import { partitionName, runPartitionUpkeep } from '../../lib/jobs/partition-upkeep';
import { jobsDatabase, type JobsDatabase } from '../setup/jobs';

const ctx: JobContext = { jobId: 'test', attempt: 1, log: () => undefined };
let scratch: JobsDatabase;

beforeAll(async () => {
  scratch = await jobsDatabase('jobs_upkeep');
});
afterAll(async () => {
  await scratch?.cleanup();
});

async function partitions(): Promise<{ attached: string[]; tables: string[] }> {
  const attached = await scratch.db.$queryRaw<{ name: string }[]>`
    SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = to_regclass('airings') ORDER BY 1`;
  const tables = await scratch.db.$queryRaw<{ name: string }[]>`
    SELECT relname::text AS name FROM pg_class WHERE relname ~ '^airings_y[0-9]{4}m[0-9]{2}$' AND relkind = 'r' ORDER BY 1`;
  return { attached: attached.map((row) => row.name), tables: tables.map((row) => row.name) };
}

describe('partition upkeep', () => {
  it('creates the coming months with their no-overlap constraint, once', async () => {
    const now = new Date('2031-11-20T12:00:00Z'); // beyond the migration's 24 months
    const first = await runPartitionUpkeep(scratch.db, { monthsAhead: 3, retentionMonths: 0, now });
    expect(first).toEqual({ created: 3, detached: [] });
    const { attached } = await partitions();
    expect(attached).toEqual(expect.arrayContaining(['airings_y2031m11', 'airings_y2031m12', 'airings_y2032m01']));
    const constraints = await scratch.db.$queryRaw<{ conname: string }[]>`
      SELECT conname::text FROM pg_constraint WHERE conrelid = to_regclass('airings_y2032m01') AND contype = 'x'`;
    expect(constraints).toEqual([{ conname: 'airings_y2032m01_no_overlap' }]);

    expect(await runPartitionUpkeep(scratch.db, { monthsAhead: 3, retentionMonths: 0, now })).toEqual({ created: 0, detached: [] });
  });

  it('detaches months past the retention (kept as tables), once, and never with retention 0', async () => {
    const now = new Date('2026-11-21T00:00:00Z');
    expect((await runPartitionUpkeep(scratch.db, { monthsAhead: 2, retentionMonths: 0, now })).detached).toEqual([]);

    const result = await runPartitionUpkeep(scratch.db, { monthsAhead: 2, retentionMonths: 12, now });
    // Months that ended on or before 2025-11-01: 2023-01 .. 2025-10.
    expect(result.detached).toHaveLength(34);
    expect(result.detached).toContain('airings_y2023m01');
    expect(result.detached).toContain('airings_y2025m10');
    const { attached, tables } = await partitions();
    expect(attached).not.toContain('airings_y2025m10');
    expect(attached).toContain('airings_y2025m11');
    expect(tables).toContain('airings_y2023m01'); // detached, not dropped

    expect(await runPartitionUpkeep(scratch.db, { monthsAhead: 2, retentionMonths: 12, now })).toEqual({ created: 0, detached: [] });
  });

  it('builds partition names from numbers only', () => {
    expect(partitionName(2027, 3)).toBe('airings_y2027m03');
  });
});

describe('counter upkeep', () => {
  it('repairs a drifted category count and queues the catalog revalidation in the same transaction', async () => {
    const categoryId = randomUUID();
    const titleId = randomUUID();
    const started = new Date();
    await db.category.create({ data: { id: categoryId, slug: `jobs-${categoryId}`, name: 'Jobs test', position: 999 } });
    await db.vodTitle.create({ data: { id: titleId, slug: `jobs-${titleId}`, kind: 'MOVIE', title: 'Jobs test title', genres: [] } });
    await db.titleCategory.create({ data: { titleId, categoryId } });
    expect((await db.category.findUniqueOrThrow({ where: { id: categoryId } })).titleCount).toBe(1); // the trigger

    // Drift, as a load that bypassed the triggers would leave it.
    await db.category.update({ where: { id: categoryId }, data: { titleCount: 42 } });
    await runCounterUpkeepJob({}, ctx);
    expect((await db.category.findUniqueOrThrow({ where: { id: categoryId } })).titleCount).toBe(1);
    const queued = await db.outboxEvent.findMany({ where: { topic: 'revalidate', createdAt: { gte: started } }, select: { payload: true } });
    expect(queued).toContainEqual({ payload: { tags: ['catalog'] } });

    // Nothing to fix: nothing written, nothing queued.
    const before = await db.outboxEvent.count();
    await runCounterUpkeepJob({}, ctx);
    expect(await db.outboxEvent.count()).toBe(before);

    await db.vodTitle.delete({ where: { id: titleId } });
    await db.category.delete({ where: { id: categoryId } });
  });
});

describe('outbox upkeep', () => {
  it('deletes rows processed before the retention, keeps recent and pending ones', async () => {
    const now = new Date();
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const rows = [
      { key: 'old-processed', processedAt: days(OUTBOX_RETENTION_DAYS + 1), createdAt: days(OUTBOX_RETENTION_DAYS + 1) },
      { key: 'recent-processed', processedAt: days(1), createdAt: days(1) },
      { key: 'old-pending', processedAt: null, createdAt: days(OUTBOX_RETENTION_DAYS + 30) },
    ];
    const suffix = randomUUID();
    await scratch.db.outboxEvent.createMany({
      data: rows.map((row) => ({ topic: 'revalidate', payload: { tags: ['catalog'] }, dedupeKey: `${row.key}:${suffix}`, processedAt: row.processedAt, createdAt: row.createdAt })),
    });
    expect(await pruneOutbox(scratch.db, now)).toBeGreaterThanOrEqual(1);
    const left = await scratch.db.outboxEvent.findMany({ where: { dedupeKey: { endsWith: `:${suffix}` } }, select: { dedupeKey: true } });
    expect(left.map((row) => row.dedupeKey?.split(':')[0]).sort()).toEqual(['old-pending', 'recent-processed']);
    expect(await pruneOutbox(scratch.db, now)).toBe(0);
  });
});
