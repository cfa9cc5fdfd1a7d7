// The guide day's rights, as references into one compact table (see compact.ts): a rule
// index per channel, sparse overrides for the few airings with a rule of their own (a
// free-to-air final on a pay channel), and the channels' blackouts that touch the day.
// Browser-safe: the grid expands these into `Rights` for decide().
import { blackoutAt, expandRights, OPEN_RULE, type CompactRightsTable } from './compact';
import type { BlackoutRule, Rights } from './types';

export interface CompactGuideRights {
  table: CompactRightsTable;
  /** One rule index per channel, in the day's channel order (OPEN_RULE: none). */
  channels: number[];
  /** Sparse triples [channelIndex, airingOrdinal, ruleIndex, ...]: airings with their own rule. */
  airings: number[];
  /** Sparse pairs [channelIndex, blackoutIndex, ...]: blackouts overlapping the day. */
  blackouts: number[];
}

export interface GuideRightsLookup {
  /** A channel's rights: its rule and its blackouts (no age rating: that is per programme). */
  channel(channelIndex: number): Rights;
  /** An airing's rights: its own rule or its channel's, its programme's rating, the blackouts it overlaps. */
  airing(channelIndex: number, ordinal: number, ageRating: number | null, startsAt: number, endsAt: number): Rights;
}

export function guideRightsLookup(rights: CompactGuideRights): GuideRightsLookup {
  const blackoutsByChannel = new Map<number, BlackoutRule[]>();
  for (let i = 0; i + 1 < rights.blackouts.length; i += 2) {
    const blackout = blackoutAt(rights.table, rights.blackouts[i + 1]!);
    const channel = rights.blackouts[i]!;
    if (blackout) blackoutsByChannel.set(channel, [...(blackoutsByChannel.get(channel) ?? []), blackout]);
  }
  const airingRules = new Map<string, number>();
  for (let i = 0; i + 2 < rights.airings.length; i += 3) {
    airingRules.set(`${rights.airings[i]}:${rights.airings[i + 1]}`, rights.airings[i + 2]!);
  }
  const channelRule = (channelIndex: number) => rights.channels[channelIndex] ?? OPEN_RULE;
  return {
    channel: (channelIndex) => expandRights(rights.table, channelRule(channelIndex), null, blackoutsByChannel.get(channelIndex) ?? []),
    airing(channelIndex, ordinal, ageRating, startsAt, endsAt) {
      const rule = airingRules.get(`${channelIndex}:${ordinal}`) ?? channelRule(channelIndex);
      const blackouts = (blackoutsByChannel.get(channelIndex) ?? []).filter((b) => b.startsAt < endsAt && b.endsAt > startsAt);
      return expandRights(rights.table, rule, ageRating, blackouts);
    },
  };
}

/**
 * The instant an airing's badge is decided at: now, or its start if it is still to come,
 * so a future airing inside a blackout shows "Blacked out" rather than today's state.
 * Playback decides at the moment of the request, on the server.
 */
export function airingDecisionInstant(now: number, startsAt: number): number {
  return Math.max(now, startsAt);
}
