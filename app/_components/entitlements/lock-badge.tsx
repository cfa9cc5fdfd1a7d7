'use client';
// A lock badge: an icon, a short visible label and the full explanation as visually hidden
// text right after it, so it is part of the element's accessible name (a `title` tooltip
// alone reaches neither keyboard nor screen-reader users).
import type { LockBadge as LockBadgeData } from '@/lib/entitlements/browser';
import styles from './entitlements.module.css';

export function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
    </svg>
  );
}

/**
 * `describedElsewhere`: the sentence is rendered elsewhere as the aria-describedby target of
 * a nearby element, so this badge adds nothing to its parent's accessible name (a guide row
 * header must stay named by its channel).
 */
export function LockBadge({ badge, describedElsewhere = false }: { badge: LockBadgeData; describedElsewhere?: boolean }) {
  if (describedElsewhere) {
    return (
      <span className={styles.lock} data-lock-badge="" aria-hidden="true">
        <LockIcon />
        {badge.label}
      </span>
    );
  }
  return (
    <span className={styles.lock} data-lock-badge="">
      <LockIcon />
      <span aria-hidden="true">{badge.label}</span>
      <span className={styles.srOnly}>Locked: {badge.description}</span>
    </span>
  );
}
