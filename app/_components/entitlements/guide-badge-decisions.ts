// Decides a guide day's lock badges for one overlay: one per channel (its rule and blackouts,
// now) and one per airing (its own rule or its channel's, its programme's rating, the
// blackouts it overlaps, decided at its start if still to come). Its own module, imported by
// use-guide-badges.ts only once an overlay has arrived, so the decision and explanation code
// is not part of the guide's first-load JS (DESIGN P8).
import {
  airingDecisionInstant,
  decide,
  guideRightsLookup,
  lockBadge,
  type CompactGuideRights,
  type LockBadge,
} from '@/lib/entitlements/browser';
import { decodeAirings, instantOf, type CompactGuideDay } from '@/lib/guide/compact';
import { explainZone, type Overlay } from './overlay';

export interface GuideBadges {
  channel(slug: string): LockBadge | null;
  airing(slug: string, startMinute: number): LockBadge | null;
}

export function decideGuideBadges(day: CompactGuideDay, rights: CompactGuideRights, overlay: Overlay): GuideBadges {
  const { profile, context } = overlay.summary;
  const options = { timeZone: explainZone(overlay, day.zone), now: overlay.now };
  const lookup = guideRightsLookup(rights);
  const channels = new Map<string, LockBadge | null>();
  const airings = new Map<string, LockBadge | null>();
  day.channels.forEach((channel, channelIndex) => {
    channels.set(channel[0], lockBadge(decide(profile, context, lookup.channel(channelIndex), overlay.now), options));
    decodeAirings(day, channel).forEach((airing, ordinal) => {
      const startsAt = instantOf(day, airing.startMinute);
      const endsAt = instantOf(day, airing.startMinute + airing.minutes);
      const ageRating = airing.program[3] < 0 ? null : airing.program[3];
      const airingRights = lookup.airing(channelIndex, ordinal, ageRating, startsAt, endsAt);
      const decision = decide(profile, context, airingRights, airingDecisionInstant(overlay.now, startsAt));
      airings.set(`${channel[0]}:${airing.startMinute}`, lockBadge(decision, options));
    });
  });
  return {
    channel: (slug) => channels.get(slug) ?? null,
    airing: (slug, startMinute) => airings.get(`${slug}:${startMinute}`) ?? null,
  };
}
