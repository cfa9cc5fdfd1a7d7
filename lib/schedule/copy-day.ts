// Copying a day's airings to another day keeps each airing's local start time (what the
// editor sees on the timeline) and its length, in the channel's zone. Clock changes on
// the target day are reported like repeat rules: a missing local time is skipped, a
// repeated one placed at its first occurrence and flagged.
import type { IsoDate } from '@/lib/cache/tags';
import { localTimeOf, resolveLocalTime } from './local-time';
import type { Timed } from './types';

export interface CopiedAiring<A> {
  source: A;
  startsAt: string;
  endsAt: string;
  flag: 'repeated-local-time' | null;
}

export interface CopySkip<A> {
  source: A;
  time: string;
  reason: 'missing-local-time';
}

export function copyAiringsToDate<A extends Timed>(
  airings: readonly A[],
  toDate: IsoDate,
  zone: string,
): { copies: CopiedAiring<A>[]; skipped: CopySkip<A>[] } {
  const copies: CopiedAiring<A>[] = [];
  const skipped: CopySkip<A>[] = [];
  for (const source of airings) {
    const start = new Date(source.startsAt);
    const time = localTimeOf(start, zone);
    const duration = Date.parse(source.endsAt) - start.getTime();
    const resolution = resolveLocalTime(toDate, time, zone);
    if (resolution.kind === 'gap') {
      skipped.push({ source, time, reason: 'missing-local-time' });
      continue;
    }
    const target = resolution.kind === 'exact' ? resolution.instant : resolution.earlier;
    copies.push({
      source,
      startsAt: target.toISOString(),
      endsAt: new Date(target.getTime() + duration).toISOString(),
      flag: resolution.kind === 'ambiguous' ? 'repeated-local-time' : null,
    });
  }
  return { copies, skipped };
}
