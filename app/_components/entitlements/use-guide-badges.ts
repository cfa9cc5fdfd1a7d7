'use client';
// Lock badges for a guide day (guide-badge-decisions.ts decides them). Null until the viewer's
// overlay has loaded; the deciding code is imported then, not shipped with the page (DESIGN P8).
import { useEffect, useMemo, useState } from 'react';
import type { CompactGuideDay } from '@/lib/guide/compact';
import type { decideGuideBadges, GuideBadges } from './guide-badge-decisions';
import { useOverlay } from './overlay';

export type { GuideBadges } from './guide-badge-decisions';

export function useGuideBadges(day: CompactGuideDay): GuideBadges | null {
  const overlay = useOverlay();
  const [decider, setDecider] = useState<{ decide: typeof decideGuideBadges } | null>(null);
  useEffect(() => {
    if (!overlay || decider) return;
    let cancelled = false;
    void import('./guide-badge-decisions').then((module) => {
      if (!cancelled) setDecider({ decide: module.decideGuideBadges });
    });
    return () => {
      cancelled = true;
    };
  }, [overlay, decider]);
  return useMemo(() => {
    if (!overlay || !day.rights || !decider) return null;
    return decider.decide(day, day.rights, overlay);
  }, [overlay, day, decider]);
}
