// Reads of one channel's local day, shared by the editor page (outside a transaction) and
// the writes (inside one). A day's airings are those that START within it in the
// channel's zone; airings of the neighbouring days that can collide with them are
// "neighbours" (read-only context on the timeline and in the overlap check).
import 'server-only';
import type { IsoDate } from '@/lib/cache/tags';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { dayBoundsInZone } from '@/lib/time/zoned';
import { MAX_DURATION_MS } from './edit';
import type { ScheduleAiring } from './types';

export type ScheduleReader = Pick<Prisma.TransactionClient, 'airing' | 'draftAiring' | 'channel' | 'program'>;

export interface ScheduleChannel {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export interface PublishedRow extends ScheduleAiring {
  externalId: string | null;
  rightsRuleId: string | null;
  createdAt: Date;
}

const CHANNEL_SELECT = { id: true, slug: true, name: true, timeZone: true } as const;
const AIRING_SELECT = {
  id: true,
  programId: true,
  startsAt: true,
  endsAt: true,
  isNew: true,
  isLive: true,
  isPremiere: true,
  isRepeat: true,
  externalId: true,
  rightsRuleId: true,
  createdAt: true,
  program: { select: { title: true } },
} as const;
const { createdAt: _createdAt, ...DRAFT_SELECT } = AIRING_SELECT;

export async function channelById(reader: ScheduleReader, channelId: string): Promise<ScheduleChannel> {
  const channel = await reader.channel.findFirst({ where: { id: channelId, archivedAt: null }, select: CHANNEL_SELECT });
  if (!channel) throw new AppError('not_found', 'That channel does not exist or is archived.');
  return channel;
}

export async function channelBySlug(reader: ScheduleReader, slug: string): Promise<ScheduleChannel | null> {
  return reader.channel.findFirst({ where: { slug, archivedAt: null }, select: CHANNEL_SELECT });
}

export function dayFrame(channel: ScheduleChannel, date: IsoDate): { dayStart: string; dayEnd: string; timeZone: string } {
  const { start, end } = dayBoundsInZone(date, channel.timeZone);
  return { dayStart: start.toISOString(), dayEnd: end.toISOString(), timeZone: channel.timeZone };
}

function toScheduleAiring(row: {
  id: string;
  programId: string;
  startsAt: Date;
  endsAt: Date;
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
  program: { title: string };
}): ScheduleAiring {
  return {
    id: row.id,
    programId: row.programId,
    programTitle: row.program.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    isNew: row.isNew,
    isLive: row.isLive,
    isPremiere: row.isPremiere,
    isRepeat: row.isRepeat,
  };
}

/** The published airings that start within the day (what a publish replaces). */
export async function publishedAiringsOfDay(reader: ScheduleReader, channel: ScheduleChannel, date: IsoDate): Promise<PublishedRow[]> {
  const { start, end } = dayBoundsInZone(date, channel.timeZone);
  const rows = await reader.airing.findMany({
    where: { channelId: channel.id, status: 'PUBLISHED', startsAt: { gte: start, lt: end } },
    select: AIRING_SELECT,
    orderBy: { startsAt: 'asc' },
  });
  return rows.map((row) => ({ ...toScheduleAiring(row), externalId: row.externalId, rightsRuleId: row.rightsRuleId, createdAt: row.createdAt }));
}

/**
 * Published airings of the neighbouring days that an airing of this day could overlap:
 * the previous day's that run past midnight, and the next day's within 24 hours (an
 * airing lasts at most 24 hours). Bounded on starts_at both ways, so partitions prune.
 */
export async function neighbourAirings(reader: ScheduleReader, channel: ScheduleChannel, date: IsoDate): Promise<ScheduleAiring[]> {
  const { start, end } = dayBoundsInZone(date, channel.timeZone);
  const rows = await reader.airing.findMany({
    where: {
      channelId: channel.id,
      status: 'PUBLISHED',
      OR: [
        { startsAt: { gt: new Date(start.getTime() - MAX_DURATION_MS), lt: start }, endsAt: { gt: start } },
        { startsAt: { gte: end, lt: new Date(end.getTime() + MAX_DURATION_MS) } },
      ],
    },
    select: AIRING_SELECT,
    orderBy: { startsAt: 'asc' },
  });
  return rows.map(toScheduleAiring);
}

export interface DraftRow extends ScheduleAiring {
  externalId: string | null;
  rightsRuleId: string | null;
}

export async function draftAiringsOfDay(reader: ScheduleReader, scheduleDayId: string): Promise<DraftRow[]> {
  const rows = await reader.draftAiring.findMany({
    where: { scheduleDayId },
    select: DRAFT_SELECT,
    orderBy: { startsAt: 'asc' },
  });
  return rows.map((row) => ({ ...toScheduleAiring(row), externalId: row.externalId, rightsRuleId: row.rightsRuleId }));
}

/** Program titles by id; AppError when one is missing or archived. */
export async function programTitles(reader: ScheduleReader, programIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(programIds)];
  const rows = await reader.program.findMany({ where: { id: { in: unique }, archivedAt: null }, select: { id: true, title: true } });
  if (rows.length !== unique.length) throw new AppError('bad_request', 'A program in this schedule does not exist or is archived; choose another.');
  return new Map(rows.map((row) => [row.id, row.title]));
}
