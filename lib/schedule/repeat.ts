// Weekly repeat rules ("every weekday at 18:00 for 4 weeks") expanded into airings in the
// channel's zone. A local time that does not exist on a date is skipped and reported;
// one that happens twice is placed at its first occurrence and flagged, never moved.
import type { IsoDate } from '@/lib/cache/tags';
import { addDays, parseIsoDate } from '@/lib/time/zoned';
import { resolveLocalTime } from './local-time';
import { MINUTE_MS } from './edit';

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface RepeatRule {
  weekdays: readonly IsoWeekday[];
  /** Local start "HH:MM". */
  time: string;
  durationMinutes: number;
  /** First date considered (local, in the channel's zone). */
  fromDate: IsoDate;
  weeks: number;
}

export interface RepeatOccurrence {
  date: IsoDate;
  startsAt: string;
  endsAt: string;
  /** Set when the local time happens twice on that date (placed at the first). */
  flag: 'repeated-local-time' | null;
}

export interface RepeatSkip {
  date: IsoDate;
  time: string;
  reason: 'missing-local-time';
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not a calendar date: ${date}`);
  const day = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

export function expandRepeatRule(rule: RepeatRule, zone: string): { occurrences: RepeatOccurrence[]; skipped: RepeatSkip[] } {
  const occurrences: RepeatOccurrence[] = [];
  const skipped: RepeatSkip[] = [];
  const weekdays = new Set(rule.weekdays);
  for (let offset = 0; offset < rule.weeks * 7; offset += 1) {
    const date = addDays(rule.fromDate, offset);
    if (!weekdays.has(isoWeekday(date))) continue;
    const resolution = resolveLocalTime(date, rule.time, zone);
    if (resolution.kind === 'gap') {
      skipped.push({ date, time: rule.time, reason: 'missing-local-time' });
      continue;
    }
    const start = resolution.kind === 'exact' ? resolution.instant : resolution.earlier;
    occurrences.push({
      date,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + rule.durationMinutes * MINUTE_MS).toISOString(),
      flag: resolution.kind === 'ambiguous' ? 'repeated-local-time' : null,
    });
  }
  return { occurrences, skipped };
}
