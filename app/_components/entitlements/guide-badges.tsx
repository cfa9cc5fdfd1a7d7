'use client';
// Lock badges in the guide grid. The provider decides every channel and airing of the day
// once per overlay change (use-guide-badges.ts); the badges read it from context, so the
// grid's memoised rows need no new props and re-render only the badges.
import { createContext, useContext, type ReactNode } from 'react';
import type { CompactGuideDay } from '@/lib/guide/compact';
import { LockBadge } from './lock-badge';
import { useGuideBadges, type GuideBadges } from './use-guide-badges';

const GuideBadgesContext = createContext<GuideBadges | null>(null);

export function GuideBadgesProvider({ day, children }: { day: CompactGuideDay; children: ReactNode }) {
  const badges = useGuideBadges(day);
  return (
    <GuideBadgesContext.Provider value={badges}>
      {children}
      {/* Channel explanations live outside the rows: Chromium would otherwise count a hidden
          node that something describes by into the row header's accessible name. */}
      {badges && (
        <div hidden>
          {day.channels.map(([slug]) => {
            const badge = badges.channel(slug);
            return badge ? (
              <span key={slug} id={channelLockDescriptionId(slug)}>
                Locked: {badge.description}
              </span>
            ) : null;
          })}
        </div>
      )}
    </GuideBadgesContext.Provider>
  );
}

/** The id of a channel's lock explanation: the row header's link is described by it. */
export function channelLockDescriptionId(slug: string): string {
  return `channel-lock-${slug}`;
}

/** In the row header, whose accessible name stays the channel's: the sentence is the link's description. */
export function ChannelLockBadge({ slug }: { slug: string }) {
  const badge = useContext(GuideBadgesContext)?.channel(slug);
  return badge ? <LockBadge badge={badge} describedElsewhere /> : null;
}

export function AiringLockBadge({ slug, startMinute }: { slug: string; startMinute: number }) {
  const badge = useContext(GuideBadgesContext)?.airing(slug, startMinute);
  return badge ? (
    <>
      {' '}
      <LockBadge badge={badge} />
    </>
  ) : null;
}
