// The badges after a guide cell's title: on now / next (from the browser's clock) and the
// airing's flags. One render point per slot, so per-viewer badges (a lock, from the
// entitlements overlay) attach here without touching the grid's layout or keyboard code.
import { Fragment } from 'react';
import { AiringLockBadge } from '@/app/_components/entitlements/guide-badges';
import { AIRING_FLAGS, type DecodedAiring } from '@/lib/guide/compact';
import styles from './guide-grid.module.css';

const FLAG_BADGES: [number, string][] = [
  [AIRING_FLAGS.live, 'Live'],
  [AIRING_FLAGS.new, 'New'],
  [AIRING_FLAGS.premiere, 'Premiere'],
  [AIRING_FLAGS.repeat, 'Repeat'],
];

export type SlotState = 'Now' | 'Next' | null;

export interface SlotBadgesProps {
  channelSlug: string;
  airing: DecodedAiring;
  state: SlotState;
}

export function SlotBadges({ channelSlug, airing, state }: SlotBadgesProps) {
  return (
    <>
      {/* Spaces between the parts keep the cell's accessible name readable. */}
      {state && <> <span className={styles.badge}>{state}</span></>}
      {FLAG_BADGES.map(([flag, label]) =>
        airing.flags & flag ? (
          <Fragment key={label}>
            {' '}
            <span className={styles.badge}>{label}</span>
          </Fragment>
        ) : null,
      )}
      <AiringLockBadge slug={channelSlug} startMinute={airing.startMinute} />
    </>
  );
}
