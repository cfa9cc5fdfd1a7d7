// `upkeep.partitions`: airings are range-partitioned by UTC month with no DEFAULT partition
// (docs/decisions/0005-airings-partitioning.md), so an airing in a month without a
// partition is refused. This job keeps the coming months created and detaches months past
// the retention. Both halves are idempotent: a re-run creates and detaches nothing new.
import { db as defaultDb, type PrismaClient } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { JobHandler } from './context';

export interface PartitionUpkeepOptions {
  /** Months to keep created, from the current UTC month. */
  monthsAhead: number;
  /** Detach partitions whose month ended more than this many months ago; 0 never detaches. */
  retentionMonths: number;
  now?: Date;
}

export interface PartitionUpkeepResult {
  created: number;
  detached: string[];
}

/** Only names this project creates (airings_yYYYYmMM) are ever touched. */
const PARTITION_NAME = /^airings_y(\d{4})m(\d{2})$/;

/** The partition identifier of a UTC month, built from numbers only (never from input). */
export function partitionName(year: number, month: number): string {
  return `airings_y${String(year).padStart(4, '0')}m${String(month).padStart(2, '0')}`;
}

/** First day of the UTC month `offset` months from `date`'s month. */
function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

export async function runPartitionUpkeep(db: PrismaClient, options: PartitionUpkeepOptions): Promise<PartitionUpkeepResult> {
  const now = options.now ?? new Date();
  const from = monthStart(now).toISOString().slice(0, 10);
  // The migration's function: advisory-locked against concurrent callers, skips months
  // that exist, adds each new month's no-overlap exclusion constraint.
  const [{ created }] = await db.$queryRaw<[{ created: number }]>`SELECT ensure_airing_partitions(${from}::date, ${options.monthsAhead}::int) AS created`;

  const partitions = await db.$queryRaw<{ name: string; pending: boolean }[]>`
    SELECT c.relname::text AS name, i.inhdetachpending AS pending
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = to_regclass('airings')`;
  const cutoff = monthStart(now, -options.retentionMonths);
  const detached: string[] = [];
  for (const { name, pending } of partitions) {
    const match = PARTITION_NAME.exec(name);
    if (!match) continue;
    const year = Number(match[1]);
    const month = Number(match[2]);
    // A detach that was interrupted (worker killed between its two transactions) is
    // finished whatever the retention says: the partition is already invisible to queries.
    if (pending) {
      await db.$executeRawUnsafe(`ALTER TABLE airings DETACH PARTITION "${partitionName(year, month)}" FINALIZE`);
      detached.push(name);
      continue;
    }
    if (options.retentionMonths === 0) continue;
    const monthEnd = new Date(Date.UTC(year, month, 1)); // month is 1-based: this is the next month's start
    if (monthEnd > cutoff) continue;
    // CONCURRENTLY: readers of the guide are not blocked while the partition goes (it
    // cannot run in a transaction, so each statement is its own).
    await db.$executeRawUnsafe(`ALTER TABLE airings DETACH PARTITION "${partitionName(year, month)}" CONCURRENTLY`);
    detached.push(name);
  }
  return { created: Number(created), detached };
}

export const runPartitionUpkeepJob: JobHandler<'upkeep.partitions'> = async (_payload, ctx) => {
  const result = await runPartitionUpkeep(defaultDb, {
    monthsAhead: env.AIRINGS_PARTITION_MONTHS_AHEAD,
    retentionMonths: env.AIRINGS_RETENTION_MONTHS,
  });
  ctx.log('airings partitions checked', { created: result.created, detached: result.detached });
};
