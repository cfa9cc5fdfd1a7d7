// The rules a day's draft must meet before it is saved or published, as sentences that
// name the airings (title and local times), for the editor and for the 409/400 answers.
import { findOverlaps } from './conflicts';
import { MAX_DURATION_MS } from './edit';
import { localTimeOf } from './local-time';
import type { ScheduleAiring } from './types';

export interface DayFrame {
  dayStart: string;
  dayEnd: string;
  timeZone: string;
}

export interface DraftProblem {
  airingId: string;
  /** The other airing of an overlap. */
  otherId?: string;
  kind: 'outside-day' | 'bad-duration' | 'overlap' | 'duplicate-id';
  message: string;
}

/** "“News” 18:00–19:00" in the channel's zone. */
export function describeAiring(airing: Pick<ScheduleAiring, 'programTitle' | 'startsAt' | 'endsAt'>, zone: string): string {
  return `“${airing.programTitle}” ${localTimeOf(new Date(airing.startsAt), zone)}–${localTimeOf(new Date(airing.endsAt), zone)}`;
}

export function validateDraft(airings: readonly ScheduleAiring[], frame: DayFrame, neighbours: readonly ScheduleAiring[] = []): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const seen = new Set<string>();
  const dayStart = Date.parse(frame.dayStart);
  const dayEnd = Date.parse(frame.dayEnd);
  for (const airing of airings) {
    const start = Date.parse(airing.startsAt);
    const end = Date.parse(airing.endsAt);
    const described = describeAiring(airing, frame.timeZone);
    if (seen.has(airing.id)) problems.push({ airingId: airing.id, kind: 'duplicate-id', message: `${described} appears twice.` });
    seen.add(airing.id);
    if (start < dayStart || start >= dayEnd) {
      problems.push({ airingId: airing.id, kind: 'outside-day', message: `${described} does not start on this day.` });
    }
    if (!(end > start) || end - start > MAX_DURATION_MS) {
      problems.push({ airingId: airing.id, kind: 'bad-duration', message: `${described} must end after it starts and last at most 24 hours.` });
    }
  }
  for (const { airing, other } of findOverlaps(airings, neighbours)) {
    problems.push({
      airingId: airing.id,
      otherId: other.id,
      kind: 'overlap',
      message: `${describeAiring(airing, frame.timeZone)} overlaps ${describeAiring(other, frame.timeZone)}.`,
    });
  }
  return problems;
}
