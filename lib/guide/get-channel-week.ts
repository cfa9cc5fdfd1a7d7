import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { readFromReplica } from '@/lib/db/read-replica';
import { guideNow } from '@/lib/time/clock';
import { addDays, dateInZone, dayBoundsInZone, utcDatesCovering } from '@/lib/time/zoned';
import { overlapping } from './schedule-limits';
import type { ChannelWeek } from './program-types';

export const CHANNEL_WEEK_DAYS = 7;

/**
 * A live channel's schedule from today for a week, day by day in the channel's own zone
 * (an airing across midnight is listed on both days); null for an unknown or archived slug.
 */
export async function getChannelWeek(slug: string): Promise<ChannelWeek | null> {
  'use cache';
  cacheLife('guide');
  cacheTag(TAGS.channels);
  const channel = await readFromReplica((replica) => replica.channel.findFirst({
    where: { slug, archivedAt: null },
    select: { id: true, slug: true, number: true, name: true, description: true, timeZone: true },
  }));
  if (!channel) return null;

  const today = dateInZone(guideNow(), channel.timeZone);
  const days = Array.from({ length: CHANNEL_WEEK_DAYS }, (_, index) => {
    const date = addDays(today, index);
    return { date, ...dayBoundsInZone(date, channel.timeZone) };
  });
  const weekStart = dayBoundsInZone(today, channel.timeZone).start;
  const weekEnd = dayBoundsInZone(addDays(today, CHANNEL_WEEK_DAYS), channel.timeZone).start;
  cacheTag(TAGS.channel(channel.id), ...utcDatesCovering(weekStart, weekEnd).map(TAGS.guideUtcDate));

  const airings = await readFromReplica((replica) => replica.airing.findMany({
    where: {
      channelId: channel.id,
      status: 'PUBLISHED',
      ...overlapping(weekStart, weekEnd),
    },
    select: {
      startsAt: true,
      endsAt: true,
      isNew: true,
      isLive: true,
      isPremiere: true,
      isRepeat: true,
      program: { select: { id: true, title: true, subtitle: true } },
    },
    orderBy: { startsAt: 'asc' },
  }));

  return {
    channel,
    days: days.map(({ date, start, end }) => ({
      date,
      slots: airings
        .filter((airing) => airing.startsAt < end && airing.endsAt > start)
        .map(({ program, startsAt, endsAt, ...flags }) => ({
          programId: program.id,
          title: program.title,
          subtitle: program.subtitle,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          ...flags,
        })),
    })),
  };
}

/** Slugs of every live channel, in guide order. */
export async function listChannelSlugs(): Promise<string[]> {
  'use cache';
  cacheLife('guide');
  cacheTag(TAGS.channels);
  const channels = await readFromReplica((replica) =>
    replica.channel.findMany({ where: { archivedAt: null }, select: { slug: true }, orderBy: { number: 'asc' } }),
  );
  return channels.map((channel) => channel.slug);
}
