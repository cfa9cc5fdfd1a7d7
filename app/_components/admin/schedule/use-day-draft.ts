'use client';
// The editor's working copy of a day in the browser, with the same overlap check the
// server runs (validateDraft), so conflicts show while editing, before any save.
import { useMemo, useState } from 'react';
import type { ScheduleAiring, ScheduleDayView } from '@/lib/schedule/types';
import { validateDraft } from '@/lib/schedule/validate-draft';

export function useDayDraft(view: ScheduleDayView) {
  const [airings, setAirings] = useState<ScheduleAiring[]>(view.airings);
  const [dirty, setDirty] = useState(false);
  // A save, publish or discard refreshes the page with a new version: start again from it
  // (React's "adjust state when a prop changes" pattern, so the editor's messages survive).
  const [loadedVersion, setLoadedVersion] = useState(view.version);
  if (loadedVersion !== view.version) {
    setLoadedVersion(view.version);
    setAirings(view.airings);
    setDirty(false);
  }
  const problems = useMemo(
    () => validateDraft(airings, { dayStart: view.dayStart, dayEnd: view.dayEnd, timeZone: view.channel.timeZone }, view.neighbours),
    [airings, view],
  );
  const conflicts = useMemo(() => new Set(problems.flatMap((problem) => [problem.airingId, ...(problem.otherId ? [problem.otherId] : [])])), [problems]);
  const update = (next: (current: ScheduleAiring[]) => ScheduleAiring[]) => {
    setAirings((current) => next(current).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)));
    setDirty(true);
  };
  return { airings, dirty, problems, conflicts, update };
}
