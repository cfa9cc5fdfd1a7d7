// Local wall-clock times in a zone, as editors type them. Around a clock change a local
// time can be missing (spring forward: 01:30 in London on the last Sunday of March) or
// happen twice (fall back: 01:30 on the last Sunday of October). Those are reported to
// the editor, never silently moved to a neighbouring instant.
import type { IsoDate } from '@/lib/cache/tags';
import { dateInZone, parseIsoDate, zoneOffsetMs } from '@/lib/time/zoned';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type LocalTimeResolution =
  | { kind: 'exact'; instant: Date }
  | { kind: 'gap' }
  | { kind: 'ambiguous'; earlier: Date; later: Date };

export function isLocalTime(value: string): boolean {
  return HH_MM.test(value);
}

/** The instants at which a local date and time ("HH:MM") happen in a zone. */
export function resolveLocalTime(date: IsoDate, time: string, zone: string): LocalTimeResolution {
  const day = parseIsoDate(date);
  const clock = HH_MM.exec(time);
  if (!day || !clock) throw new RangeError(`not a local date and time: ${date} ${time}`);
  const wall = Date.UTC(day.year, day.month - 1, day.day, Number(clock[1]), Number(clock[2]));
  // The offsets in force half a day either side cover any one clock change.
  const offsets = new Set([zoneOffsetMs(new Date(wall - 14 * 3_600_000), zone), zoneOffsetMs(new Date(wall + 14 * 3_600_000), zone)]);
  const instants = [...offsets]
    .map((offset) => wall - offset)
    .filter((candidate) => candidate + zoneOffsetMs(new Date(candidate), zone) === wall)
    .sort((a, b) => a - b);
  const [first, second] = instants;
  if (first === undefined) return { kind: 'gap' };
  if (second === undefined || second === first) return { kind: 'exact', instant: new Date(first) };
  return { kind: 'ambiguous', earlier: new Date(first), later: new Date(second) };
}

/** "HH:MM" of an instant in a zone. */
export function localTimeOf(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, zone));
  return shifted.toISOString().slice(11, 16);
}

/**
 * For an instant whose local time happens twice that day: which of the two it is.
 * Null for an ordinary instant.
 */
export function repeatedLocalTime(instant: Date, zone: string): 'first' | 'second' | null {
  const resolution = resolveLocalTime(dateInZone(instant, zone), localTimeOf(instant, zone), zone);
  if (resolution.kind !== 'ambiguous') return null;
  return resolution.earlier.getTime() === Math.floor(instant.getTime() / 60_000) * 60_000 ? 'first' : 'second';
}

/** A sentence for a local time that does not exist or exists twice, else null. */
export function localTimeProblem(date: IsoDate, time: string, zone: string): string | null {
  const resolution = resolveLocalTime(date, time, zone);
  if (resolution.kind === 'gap') return `${time} does not exist on ${date} in ${zone}: the clocks go forward.`;
  if (resolution.kind === 'ambiguous') return `${time} happens twice on ${date} in ${zone}: the clocks go back. Choose which.`;
  return null;
}
