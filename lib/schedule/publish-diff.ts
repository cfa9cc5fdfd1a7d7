// What a publish changes, and the cache tags that makes stale: exactly those, computed
// from the airings before and after (docs/decisions/0002: guide data is tagged by the UTC
// dates it covers, so no list of zones is needed).
import { TAGS } from '@/lib/cache/tags';
import { utcDatesCovering } from '@/lib/time/zoned';
import type { AiringFlags, Timed } from './types';

export interface PublishableAiring extends Timed, AiringFlags {
  programId: string;
}

export interface DayDiff<A extends PublishableAiring> {
  added: A[];
  removed: A[];
  changed: { before: A; after: A }[];
}

function sameAiring(a: PublishableAiring, b: PublishableAiring): boolean {
  return (
    Date.parse(a.startsAt) === Date.parse(b.startsAt) &&
    Date.parse(a.endsAt) === Date.parse(b.endsAt) &&
    a.programId === b.programId &&
    a.isNew === b.isNew &&
    a.isLive === b.isLive &&
    a.isPremiere === b.isPremiere &&
    a.isRepeat === b.isRepeat
  );
}

/** Airings matched by id: in `after` only (added), in `before` only (removed), in both but different (changed). */
export function diffDay<A extends PublishableAiring>(before: readonly A[], after: readonly A[]): DayDiff<A> {
  const beforeById = new Map(before.map((airing) => [airing.id, airing]));
  const afterIds = new Set(after.map((airing) => airing.id));
  const diff: DayDiff<A> = { added: [], removed: before.filter((airing) => !afterIds.has(airing.id)), changed: [] };
  for (const airing of after) {
    const previous = beforeById.get(airing.id);
    if (!previous) diff.added.push(airing);
    else if (!sameAiring(previous, airing)) diff.changed.push({ before: previous, after: airing });
  }
  return diff;
}

export function isEmptyDiff(diff: DayDiff<PublishableAiring>): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/**
 * The tags a publish must revalidate: the guide's UTC dates that every changed airing
 * touches at its old and its new times, the channel (its week page), and the programs
 * of changed airings (their "next airings"), old and new program alike. Nothing when
 * nothing changed. Never `search`: search results do not depend on airings
 * (lib/search/query-search.ts), and the schedule cannot change a program's visibility.
 */
export function publishTags(channelId: string, diff: DayDiff<PublishableAiring>): string[] {
  const touched = [...diff.added, ...diff.removed, ...diff.changed.flatMap(({ before, after }) => [before, after])];
  if (touched.length === 0) return [];
  const tags = new Set<string>([TAGS.channel(channelId)]);
  for (const airing of touched) {
    for (const date of utcDatesCovering(new Date(airing.startsAt), new Date(airing.endsAt))) tags.add(TAGS.guideUtcDate(date));
    tags.add(TAGS.program(airing.programId));
  }
  return [...tags].sort();
}
