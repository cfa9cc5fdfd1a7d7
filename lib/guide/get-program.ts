import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { TAGS } from '@/lib/cache/tags';
import { readFromReplica } from '@/lib/db/read-replica';
import { addDays, dateInZone, utcDatesCovering } from '@/lib/time/zoned';
import { GUIDE_DAYS_AHEAD } from './guide-url';
import { overlapping } from './schedule-limits';
import type { ProgramAiring, ProgramCredit, ProgramSummary } from './program-types';

const creditsSchema = z.array(z.object({ role: z.string(), name: z.string(), character: z.string().optional() }).loose());

/** The columns of a programme's editorial data (the guide's pages and the back office's form). */
export const PROGRAM_SELECT = {
  id: true,
  title: true,
  subtitle: true,
  synopsis: true,
  genres: true,
  ageRating: true,
  year: true,
  seasonNumber: true,
  episodeNumber: true,
  credits: true,
} as const;

/** A programme row as ProgramSummary: credits parsed leniently (a malformed entry list becomes []). */
export function toSummary(program: Omit<ProgramSummary, 'credits'> & { credits: unknown }): ProgramSummary {
  const credits = creditsSchema.safeParse(program.credits);
  return {
    ...program,
    credits: credits.success ? credits.data.map(({ role, name, character }): ProgramCredit => ({ role, name, character })) : [],
  };
}

/** A programme's editorial data, or null when it does not exist or is archived. */
export async function getProgram(programId: string): Promise<ProgramSummary | null> {
  'use cache';
  cacheLife('guide');
  cacheTag(TAGS.program(programId));
  const program = await readFromReplica((replica) => replica.program.findFirst({ where: { id: programId, archivedAt: null }, select: PROGRAM_SELECT }));
  return program ? toSummary(program) : null;
}

/**
 * The programme of the published airing that starts at `startsAt` on a live channel: how
 * the guide's dialog finds a programme, since the compact day carries no ids.
 */
export async function getProgramByAiring(channelSlug: string, startsAt: Date): Promise<ProgramSummary | null> {
  'use cache';
  cacheLife('guide');
  cacheTag(TAGS.channels, TAGS.guideUtcDate(startsAt.toISOString().slice(0, 10)));
  const airing = await readFromReplica((replica) =>
    replica.airing.findFirst({
      where: { startsAt, status: 'PUBLISHED', channel: { slug: channelSlug, archivedAt: null }, program: { archivedAt: null } },
      select: { program: { select: PROGRAM_SELECT } },
    }),
  );
  if (!airing) return null;
  cacheTag(TAGS.program(airing.program.id));
  return toSummary(airing.program);
}

/**
 * Every published airing of a programme that has not ended yet, up to the guide's
 * horizon. Tagged with the programme and the UTC dates it covers, so the schedule
 * publishes that revalidate guide days refresh it too.
 */
export async function getUpcomingAirings(programId: string): Promise<ProgramAiring[]> {
  'use cache';
  cacheLife('guide');
  const now = new Date();
  const horizon = new Date(`${addDays(dateInZone(now, 'UTC'), GUIDE_DAYS_AHEAD + 1)}T00:00:00Z`);
  cacheTag(TAGS.program(programId), TAGS.channels, ...utcDatesCovering(now, horizon).map(TAGS.guideUtcDate));
  const airings = await readFromReplica((replica) => replica.airing.findMany({
    where: {
      programId,
      status: 'PUBLISHED',
      ...overlapping(now, horizon),
      channel: { archivedAt: null },
    },
    select: {
      startsAt: true,
      endsAt: true,
      isNew: true,
      isLive: true,
      isPremiere: true,
      isRepeat: true,
      channel: { select: { slug: true, name: true, number: true, timeZone: true } },
    },
    orderBy: { startsAt: 'asc' },
    take: 200,
  }));
  return airings.map((airing) => ({ ...airing, startsAt: airing.startsAt.toISOString(), endsAt: airing.endsAt.toISOString() }));
}

/** A few programmes airing around now (the pages worth prerendering at build). */
export async function listProgramsAiringToday(limit = 20): Promise<string[]> {
  'use cache';
  cacheLife('guide');
  const now = new Date();
  const airings = await readFromReplica((replica) =>
    replica.airing.findMany({
      where: { status: 'PUBLISHED', ...overlapping(now, now) },
      select: { programId: true },
      take: limit,
    }),
  );
  return [...new Set(airings.map((airing) => airing.programId))];
}
