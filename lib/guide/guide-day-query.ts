// The guide-day queries themselves, with the Prisma client passed in. Not `server-only`:
// besides `queryGuideDay` (the app's entry point, which passes the app's `db`), the bench
// runs exactly these queries under EXPLAIN (bench/scenarios/guide-query.ts, DESIGN P7), so
// what is measured is what the guide runs.
import type { IsoDate } from '@/lib/cache/tags';
import type { PrismaClient } from '@/lib/db/generated/client';
import { dayBoundsInZone } from '@/lib/time/zoned';
import { overlapping } from './schedule-limits';
import type { GuideChannel, GuideDay } from './types';

/**
 * Every live channel with the published airings that OVERLAP one local day in one zone
 * (a programme across midnight appears on both days). Three queries whatever the number
 * of channels, plus the one Prisma adds for the airings' programmes: never N+1.
 */
export async function runGuideDayQueries(client: PrismaClient, date: IsoDate, zone: string): Promise<GuideDay> {
  const { start, end } = dayBoundsInZone(date, zone);
  const [groups, channels, airings] = await Promise.all([
    client.channelGroup.findMany({ select: { slug: true, name: true }, orderBy: { position: 'asc' } }),
    client.channel.findMany({
      where: { archivedAt: null },
      select: { id: true, slug: true, number: true, name: true, group: { select: { slug: true } } },
      orderBy: { number: 'asc' },
    }),
    client.airing.findMany({
      where: {
        status: 'PUBLISHED',
        // The lower bound on starts_at is implied by the overlap (an airing lasts at most
        // MAX_AIRING_MS) and lets PostgreSQL prune the monthly partitions.
        ...overlapping(start, end),
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
    channels.map(({ group, ...channel }) => [channel.id, { ...channel, groupSlug: group?.slug ?? null, slots: [] }]),
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
    groups,
    channels: [...byChannel.values()],
  };
}
