// The editor page's data for one channel's local day: working copy, what is published,
// the neighbours it can collide with, and the version the editor's writes must carry.
import 'server-only';
import type { IsoDate } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { parseIsoDate } from '@/lib/time/zoned';
import { channelBySlug, dayFrame, draftAiringsOfDay, neighbourAirings, publishedAiringsOfDay } from './day-data';
import { localDateValue } from './day-lock';
import type { ScheduleAiring, ScheduleDayView } from './types';

const strip = ({ id, programId, programTitle, startsAt, endsAt, isNew, isLive, isPremiere, isRepeat }: ScheduleAiring): ScheduleAiring => ({
  id,
  programId,
  programTitle,
  startsAt,
  endsAt,
  isNew,
  isLive,
  isPremiere,
  isRepeat,
});

/** Null when the channel does not exist (or is archived) or the date is not a calendar date. */
export async function getScheduleDayView(channelSlug: string, date: IsoDate): Promise<ScheduleDayView | null> {
  if (!parseIsoDate(date)) return null;
  const channel = await channelBySlug(db, channelSlug);
  if (!channel) return null;
  const [published, neighbours, day] = await Promise.all([
    publishedAiringsOfDay(db, channel, date),
    neighbourAirings(db, channel, date),
    db.scheduleDay.findUnique({
      where: { channelId_localDate: { channelId: channel.id, localDate: localDateValue(date) } },
      select: { id: true, version: true, draftSavedAt: true, lastChange: true, lastChangedAt: true, lastChangedBy: { select: { name: true, email: true } } },
    }),
  ]);
  const draft = day?.draftSavedAt ? await draftAiringsOfDay(db, day.id) : null;
  const frame = dayFrame(channel, date);
  return {
    channel,
    date,
    dayStart: frame.dayStart,
    dayEnd: frame.dayEnd,
    version: day?.version ?? 0,
    hasDraft: draft !== null,
    lastChange:
      day?.lastChange && day.lastChangedAt
        ? { kind: day.lastChange, at: day.lastChangedAt.toISOString(), by: day.lastChangedBy?.name ?? day.lastChangedBy?.email ?? 'Another editor' }
        : null,
    airings: (draft ?? published).map(strip),
    published: published.map(strip),
    neighbours,
  };
}

export interface ProgramChoice {
  id: string;
  title: string;
  subtitle: string | null;
}

/** Programs whose title contains `query` (case-insensitive), for the editor's picker. */
export async function findPrograms(query: string, limit = 20): Promise<ProgramChoice[]> {
  const trimmed = query.trim().slice(0, 100);
  return db.program.findMany({
    where: { archivedAt: null, ...(trimmed ? { title: { contains: trimmed, mode: 'insensitive' as const } } : {}) },
    select: { id: true, title: true, subtitle: true },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    take: limit,
  });
}

export interface ScheduleChannelLink {
  slug: string;
  name: string;
  number: number;
  timeZone: string;
}

export async function listScheduleChannels(): Promise<ScheduleChannelLink[]> {
  return db.channel.findMany({ where: { archivedAt: null }, select: { slug: true, name: true, number: true, timeZone: true }, orderBy: { number: 'asc' }, take: 500 });
}
