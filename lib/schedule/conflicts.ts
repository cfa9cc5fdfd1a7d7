// The overlap check the editor runs before saving, over the day's data in the browser.
// The database refuses overlaps anyway (exclusion constraint + trigger); this check lets
// the editor see them while editing, with both airings named.
import type { Timed } from './types';

export interface Overlap<A extends Timed> {
  /** An airing of the working copy. */
  airing: A;
  /** What it collides with: another airing of the working copy or a neighbouring day's. */
  other: A;
}

function overlaps(a: Timed, b: Timed): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

/**
 * Every overlapping pair: within `airings` (each pair once, earlier first) and between
 * `airings` and `neighbours` (neighbours never among themselves: they are not being edited).
 */
export function findOverlaps<A extends Timed>(airings: readonly A[], neighbours: readonly A[] = []): Overlap<A>[] {
  const sorted = [...airings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id));
  const found: Overlap<A>[] = [];
  sorted.forEach((airing, index) => {
    for (const other of sorted.slice(index + 1)) {
      if (Date.parse(other.startsAt) >= Date.parse(airing.endsAt)) break;
      if (overlaps(airing, other)) found.push({ airing, other });
    }
    for (const neighbour of neighbours) {
      if (neighbour.id !== airing.id && overlaps(airing, neighbour)) found.push({ airing, other: neighbour });
    }
  });
  return found;
}

/** The ids of airings involved in any overlap (for highlighting on the timeline). */
export function conflictingIds(overlapsFound: readonly Overlap<Timed>[]): Set<string> {
  const ids = new Set<string>();
  for (const { airing, other } of overlapsFound) {
    ids.add(airing.id);
    ids.add(other.id);
  }
  return ids;
}
