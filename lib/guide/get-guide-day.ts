import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS, type IsoDate } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { dayBoundsInZone, utcDatesCovering } from '@/lib/time/zoned';
import { MAX_AIRING_MS } from './schedule-limits';
import type { GuideChannel, GuideDay } from './types';

/**
 * The guide for one local day in one zone: every live channel with the published
 * airings that overlap the day (a programme across midnight appears on both days).
 * Cached per (date, zone) and tagged by the UTC dates it covers, so a publish that
 * touches those dates refreshes it in every zone at once.
 */
export async function getGuideDay(date: IsoDate, zone: string): Promise<GuideDay> {
  'use cache';
  cacheLife('guide');
  const { start, end } = dayBoundsInZone(date, zone);
  cacheTag(TAGS.channels, ...utcDatesCovering(start, end).map(TAGS.guideUtcDate));

  // Two queries for the whole grid, whatever the number of channels: never N+1.
  const [channels, airings] = await Promise.all([
    db.channel.findMany({
      where: { archivedAt: null },
      select: { id: true, slug: true, number: true, name: true },
      orderBy: { number: 'asc' },
    }),
    db.airing.findMany({
      where: {
        status: 'PUBLISHED',
        startsAt: { gt: new Date(start.getTime() - MAX_AIRING_MS), lt: end },
        endsAt: { gt: start },
        channel: { archivedAt: null },
      },
      select: {
        id: true,
        channelId: true,
        startsAt: true,
        endsAt: true,
        isNew: true,
        isLive: true,
        isPremiere: true,
        isRepeat: true,
        program: { select: { id: true, title: true, subtitle: true, genres: true, ageRating: true } },
      },
      orderBy: [{ channelId: 'asc' }, { startsAt: 'asc' }],
    }),
  ]);

  const byChannel = new Map<string, GuideChannel>(
    channels.map((channel) => [channel.id, { ...channel, slots: [] }]),
  );
  for (const airing of airings) {
    byChannel.get(airing.channelId)?.slots.push({
      airingId: airing.id,
      programId: airing.program.id,
      title: airing.program.title,
      subtitle: airing.program.subtitle,
      genres: airing.program.genres,
      ageRating: airing.program.ageRating,
      startsAt: airing.startsAt.toISOString(),
      endsAt: airing.endsAt.toISOString(),
      isNew: airing.isNew,
      isLive: airing.isLive,
      isPremiere: airing.isPremiere,
      isRepeat: airing.isRepeat,
    });
  }

  return {
    date,
    zone,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    channels: [...byChannel.values()],
  };
}
