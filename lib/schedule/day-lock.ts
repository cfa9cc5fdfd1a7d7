// Optimistic concurrency for a channel's day: every write locks the day's row, checks the
// version the editor loaded, and bumps it. Two editors saving or publishing at once are
// serialised by the row lock; the second sees the new version and is refused with who
// changed the day and when, so no one's change is silently overwritten.
import 'server-only';
import { uuidv7 } from '@/lib/db/uuid';
import type { IsoDate } from '@/lib/cache/tags';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { localTimeOf } from './local-time';
import type { ScheduleChangeKind } from './types';

export interface LockedDay {
  id: string;
  version: number;
  hasDraft: boolean;
  lastChange: ScheduleChangeKind | null;
  lastChangedAt: Date | null;
  lastChangedBy: string | null;
}

const VERB: Record<ScheduleChangeKind, string> = {
  PUBLISHED: 'published this day',
  DRAFT_SAVED: 'saved a draft of this day',
  DRAFT_DISCARDED: 'discarded the draft of this day',
};

export function localDateValue(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The day's row, created if missing, locked until the transaction ends. */
export async function lockScheduleDay(tx: Prisma.TransactionClient, channelId: string, date: IsoDate): Promise<LockedDay> {
  await tx.$executeRaw`
    INSERT INTO schedule_days (id, channel_id, local_date) VALUES (${uuidv7()}::uuid, ${channelId}::uuid, ${date}::date)
    ON CONFLICT (channel_id, local_date) DO NOTHING`;
  const rows = await tx.$queryRaw<
    { id: string; version: number; draft_saved_at: Date | null; last_change: ScheduleChangeKind | null; last_changed_at: Date | null; who: string | null }[]
  >`
    SELECT d.id, d.version, d.draft_saved_at, d.last_change::text AS last_change, d.last_changed_at, coalesce(u.name, u.email) AS who
      FROM schedule_days d LEFT JOIN users u ON u.id = d.last_changed_by_id
     WHERE d.channel_id = ${channelId}::uuid AND d.local_date = ${date}::date
       FOR UPDATE OF d`;
  const row = rows[0];
  if (!row) throw new Error(`schedule day ${channelId} ${date} vanished under its lock`);
  return {
    id: row.id,
    version: row.version,
    hasDraft: row.draft_saved_at !== null,
    lastChange: row.last_change,
    lastChangedAt: row.last_changed_at,
    lastChangedBy: row.who,
  };
}

/** The sentence for a stale write: "Anna published this day at 14:02; reload to see their changes." */
export function staleDayMessage(day: Pick<LockedDay, 'lastChange' | 'lastChangedAt' | 'lastChangedBy'>, timeZone: string): string {
  const who = day.lastChangedBy ?? 'Another editor';
  const what = day.lastChange ? VERB[day.lastChange] : 'changed this day';
  const when = day.lastChangedAt ? ` at ${localTimeOf(day.lastChangedAt, timeZone)}` : '';
  return `${who} ${what}${when}; reload to see their changes.`;
}

export function assertVersion(day: LockedDay, expectedVersion: number, timeZone: string): void {
  if (day.version !== expectedVersion) {
    throw new AppError('conflict', staleDayMessage(day, timeZone), { currentVersion: day.version });
  }
}

/** Records a change on the (locked) day and bumps its version. */
export async function markDayChanged(
  tx: Prisma.TransactionClient,
  day: LockedDay,
  change: ScheduleChangeKind,
  actorId: string,
): Promise<number> {
  const now = new Date();
  const updated = await tx.scheduleDay.update({
    where: { id: day.id },
    data: {
      version: { increment: 1 },
      lastChange: change,
      lastChangedAt: now,
      lastChangedById: actorId,
      ...(change === 'DRAFT_SAVED' ? { draftSavedAt: now } : { draftSavedAt: null }),
      ...(change === 'PUBLISHED' ? { publishedAt: now } : {}),
    },
    select: { version: true },
  });
  return updated.version;
}
