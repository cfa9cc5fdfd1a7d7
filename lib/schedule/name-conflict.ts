// Names the airing PostgreSQL refused an overlap with (23P01, lib/db/airing-conflict.ts):
// by id when the cross-partition trigger raised it, else by channel and exact range (the
// exclusion constraint's DETAIL). Runs after the failed transaction has rolled back.
import 'server-only';
import type { AiringConflict } from '@/lib/db/airing-conflict';
import { db } from '@/lib/db/client';
import { dateInZone } from '@/lib/time/zoned';
import { describeAiring } from './validate-draft';

export async function describeAiringConflict(conflict: AiringConflict | null): Promise<string> {
  if (!conflict) return 'This overlaps another airing on the channel; nothing was published.';
  const where = conflict.airingId
    ? { id: conflict.airingId, startsAt: conflict.startsAt }
    : { channelId: conflict.channelId ?? undefined, startsAt: conflict.startsAt, endsAt: conflict.endsAt };
  const airing = await db.airing.findFirst({
    where,
    select: { startsAt: true, endsAt: true, program: { select: { title: true } }, channel: { select: { name: true, timeZone: true } } },
  });
  if (!airing) return `This overlaps an airing from ${conflict.startsAt.toISOString()} to ${conflict.endsAt.toISOString()}; nothing was published.`;
  const zone = airing.channel.timeZone;
  const described = describeAiring({ programTitle: airing.program.title, startsAt: airing.startsAt.toISOString(), endsAt: airing.endsAt.toISOString() }, zone);
  return `This overlaps ${described} on ${dateInZone(airing.startsAt, zone)} (${airing.channel.name}, ${zone}); nothing was published.`;
}
