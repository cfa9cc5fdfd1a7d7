'use client';
// The lock badge of one item whose rights the page shipped in compact form (a title on its
// page or in a category list): decided in the browser with the same decide() playback uses.
import { useMemo } from 'react';
import { decide, expandRights, lockBadge, type CompactItemRights } from '@/lib/entitlements/browser';
import styles from './entitlements.module.css';
import { LockBadge } from './lock-badge';
import { explainZone, useOverlay } from './overlay';

export function RightsBadge({ rights, reserveLine = false }: { rights: CompactItemRights; reserveLine?: boolean }) {
  const overlay = useOverlay();
  const badge = useMemo(() => {
    if (!overlay) return null;
    const decision = decide(overlay.summary.profile, overlay.summary.context, expandRights(rights.table, rights.rule, rights.ageRating), overlay.now);
    return lockBadge(decision, { timeZone: explainZone(overlay), now: overlay.now });
  }, [overlay, rights]);
  const content = badge ? <LockBadge badge={badge} /> : null;
  // data-overlay: "ready" once decided against the viewer's summary (an empty slot then means
  // "allowed", not "not decided yet"), for tests and for styling alike.
  return reserveLine ? (
    <span className={styles.slot} data-overlay={overlay ? 'ready' : undefined}>
      {content}
    </span>
  ) : (
    content
  );
}
