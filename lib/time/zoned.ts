// Calendar arithmetic in IANA time zones with Intl only (no date library): the guide
// needs "which instants make up this day in that zone", which must hold across DST.
import type { IsoDate } from '@/lib/cache/tags';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, zone: string) {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of the zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const wall = wallClock(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The calendar date of an instant in a zone. */
export function dateInZone(instant: Date, zone: string): IsoDate {
  const wall = wallClock(instant, zone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/**
 * The first instant of a local date in a zone. Where midnight does not exist (a DST
 * jump at 00:00), the day starts at the first instant after the gap.
 */
export function startOfDayInZone(date: IsoDate, zone: string): Date {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not a calendar date: ${date}`);
  const localMidnightAsUtc = Date.UTC(parsed.year, parsed.month - 1, parsed.day);
  // Two passes: the offset at the first guess can differ from the offset at midnight.
  let candidate = localMidnightAsUtc - zoneOffsetMs(new Date(localMidnightAsUtc), zone);
  candidate = localMidnightAsUtc - zoneOffsetMs(new Date(candidate), zone);
  // If midnight fell into a gap, the candidate lands on the previous local day. Reading
  // midnight with the offset in force before the gap gives the instant the gap ends.
  if (dateInZone(new Date(candidate), zone) !== date) {
    candidate = localMidnightAsUtc - zoneOffsetMs(new Date(candidate - 3 * 3_600_000), zone);
  }
  return new Date(candidate);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days)).toISOString().slice(0, 10);
}

/** [start, end) of a local day in a zone; 23, 24 or 25 hours long. */
export function dayBoundsInZone(date: IsoDate, zone: string): { start: Date; end: Date } {
  return { start: startOfDayInZone(date, zone), end: startOfDayInZone(addDays(date, 1), zone) };
}

/** The UTC calendar dates that an interval [start, end) touches. */
export function utcDatesCovering(start: Date, end: Date): IsoDate[] {
  const dates: IsoDate[] = [];
  let cursor = start.toISOString().slice(0, 10);
  const last = new Date(end.getTime() - 1).toISOString().slice(0, 10);
  while (cursor <= last) {
    dates.push(cursor);
    cursor = addDays(cursor, 1);
  }
  return dates;
}
