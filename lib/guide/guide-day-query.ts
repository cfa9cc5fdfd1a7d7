// The guide-day queries themselves, with the Prisma client passed in. Not `server-only`:
// besides `queryGuideDay` (the app's entry point, which passes the app's `db`), the bench
// runs exactly these queries under EXPLAIN (bench/scenarios/guide-query.ts, DESIGN P7), so
// what is measured is what the guide runs.
import type { IsoDate } from '@/lib/cache/tags';
import type { PrismaClient } from '@/lib/db/generated/client';
import { Prisma } from '@/lib/db/generated/client';
import { dayBoundsInZone } from '@/lib/time/zoned';
import { overlapping } from './schedule-limits';
import type { GuideChannel, GuideDay } from './types';

interface GuideProgram {
  id: string;
  title: string;
  subtitle: string | null;
  genres: string[];
  ageRating: number | null;
}

/**
 * The programmes of a day's airings, by id. One array parameter (`= ANY($1)`) rather than
 * the `IN ($1, ..., $n)` with one parameter per id that a Prisma relation load sends: a day
 * has ~9,000 distinct programmes at 300 channels, and planning 9,000 parameters cost
 * PostgreSQL more than the lookups themselves (P7, bench/scenarios/guide-query.ts).
 */
async function programsById(client: PrismaClient, ids: string[]): Promise<Map<string, GuideProgram>> {
  if (ids.length === 0) return new Map();
  const rows = await client.$queryRaw<GuideProgram[]>(Prisma.sql`
    SELECT id, title, subtitle, genres, age_rating AS "ageRating"
      FROM "public"."programs"
     WHERE id = ANY(${[...new Set(ids)]}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Every live channel with the published airings that OVERLAP one local day in one zone
 * (a programme across midnight appears on both days). Three queries whatever the number
 * of channels, plus one for the airings' programmes: never N+1.
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
        programId: true,
      },
      orderBy: [{ channelId: 'asc' }, { startsAt: 'asc' }],
    }),
  ]);
  const programs = await programsById(client, airings.map((airing) => airing.programId));

  const byChannel = new Map<string, GuideChannel>(
    channels.map(({ group, ...channel }) => [channel.id, { ...channel, groupSlug: group?.slug ?? null, slots: [] }]),
  );
  for (const airing of airings) {
    const program = programs.get(airing.programId);
    if (!program) continue; // deleted between the two statements: the next regeneration drops the airing too
    byChannel.get(airing.channelId)?.slots.push({
      airingId: airing.id,
      programId: program.id,
      title: program.title,
      subtitle: program.subtitle,
      genres: program.genres,
      ageRating: program.ageRating,
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
