// The shapes the schedule editor works with: ISO strings, never Prisma rows, so the same
// values travel from the server page to the client timeline and back to the actions.
import type { IsoDate } from '@/lib/cache/tags';

/** Anything with a half-open [startsAt, endsAt) interval as ISO instants. */
export interface Timed {
  id: string;
  startsAt: string;
  endsAt: string;
}

export interface AiringFlags {
  isNew: boolean;
  isLive: boolean;
  isPremiere: boolean;
  isRepeat: boolean;
}

/** One airing in an editor's working copy of a day (draft or published). */
export interface ScheduleAiring extends Timed, AiringFlags {
  programId: string;
  programTitle: string;
}

export type ScheduleChangeKind = 'DRAFT_SAVED' | 'PUBLISHED' | 'DRAFT_DISCARDED';

export interface LastChange {
  kind: ScheduleChangeKind;
  at: string;
  by: string;
}

/** Everything the editor page needs for one channel's local day. */
export interface ScheduleDayView {
  channel: { id: string; slug: string; name: string; timeZone: string };
  date: IsoDate;
  /** [dayStart, dayEnd) in the channel's zone: 23, 24 or 25 hours. */
  dayStart: string;
  dayEnd: string;
  version: number;
  hasDraft: boolean;
  lastChange: LastChange | null;
  /** The working copy: the draft if one exists, else what is published. */
  airings: ScheduleAiring[];
  /** What viewers see now for this day (airings that start within it). */
  published: ScheduleAiring[];
  /** Published airings of the neighbouring days that this day's airings can collide with. */
  neighbours: ScheduleAiring[];
}
