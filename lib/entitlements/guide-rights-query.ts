// The rights of every channel and airing of a guide day, encoded against one table. Three
// queries whatever the number of channels (never N+1), run when the guide day regenerates;
// the result is cached with the day (tagged `rights` too), so they are read from a replica
// like the day itself. Playback re-reads rights on the primary (rights-query.ts).
import 'server-only';
import { readFromReplica } from '@/lib/db/read-replica';
import type { GuideDay } from '@/lib/guide/types';
import { overlapping } from '@/lib/guide/schedule-limits';
import { RightsTableBuilder } from './compact';
import type { CompactGuideRights } from './guide-rights';
import { BLACKOUT_SELECT, RULE_SELECT, toBlackout, toRuleRights } from './rights-query';

export async function queryGuideRights(day: GuideDay): Promise<CompactGuideRights> {
  const start = new Date(day.startsAt);
  const end = new Date(day.endsAt);
  const channelIds = day.channels.map((channel) => channel.id);
  const [channels, airings, blackouts] = await readFromReplica((replica) => Promise.all([
    replica.channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, rightsRule: { select: RULE_SELECT } } }),
    // Only airings with a rule of their own; same partition-pruning bounds as the guide query.
    replica.airing.findMany({
      where: {
        status: 'PUBLISHED',
        ...overlapping(start, end),
        rightsRuleId: { not: null },
        channelId: { in: channelIds },
      },
      select: { id: true, rightsRule: { select: RULE_SELECT } },
      orderBy: [{ channelId: 'asc' }, { startsAt: 'asc' }],
    }),
    replica.blackout.findMany({
      where: { channelId: { in: channelIds }, startsAt: { lt: end }, endsAt: { gt: start } },
      select: { channelId: true, ...BLACKOUT_SELECT },
      orderBy: [{ channelId: 'asc' }, { startsAt: 'asc' }],
    }),
  ]));

  const builder = new RightsTableBuilder();
  const ruleByChannel = new Map(channels.map((channel) => [channel.id, channel.rightsRule]));
  const channelIndex = new Map(day.channels.map((channel, index) => [channel.id, index]));
  const airingPosition = new Map<string, [number, number]>();
  day.channels.forEach((channel, index) => channel.slots.forEach((slot, ordinal) => airingPosition.set(slot.airingId, [index, ordinal])));

  const airingRefs: number[] = [];
  for (const airing of airings) {
    const position = airingPosition.get(airing.id);
    if (position) airingRefs.push(position[0], position[1], builder.rule(toRuleRights(airing.rightsRule)));
  }
  const blackoutRefs: number[] = [];
  for (const { channelId, ...blackout } of blackouts) {
    const index = channelIndex.get(channelId);
    if (index !== undefined) blackoutRefs.push(index, builder.blackout(toBlackout(blackout)));
  }
  return {
    channels: day.channels.map((channel) => builder.rule(toRuleRights(ruleByChannel.get(channel.id) ?? null))),
    airings: airingRefs,
    blackouts: blackoutRefs,
    table: builder.build(),
  };
}
