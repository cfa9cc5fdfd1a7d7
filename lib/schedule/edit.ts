// Pure edits of a working copy: moving, resizing and bulk shifting keep durations within
// the rules the database enforces (longer than zero, at most 24 hours).
import type { Timed } from './types';

export const MINUTE_MS = 60_000;
/** Keyboard and drag steps snap to this. */
export const STEP_MINUTES = 5;
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MS = 24 * 3_600_000;

function shifted(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE_MS).toISOString();
}

/** The airing `minutes` later (negative: earlier), same duration. */
export function moveBy<A extends Timed>(airing: A, minutes: number): A {
  return { ...airing, startsAt: shifted(airing.startsAt, minutes), endsAt: shifted(airing.endsAt, minutes) };
}

/** The airing ending `minutes` later (negative: sooner), clamped to [5 min, 24 h]. */
export function resizeBy<A extends Timed>(airing: A, minutes: number): A {
  const start = Date.parse(airing.startsAt);
  const end = Date.parse(airing.endsAt) + minutes * MINUTE_MS;
  const clamped = Math.min(Math.max(end, start + MIN_DURATION_MINUTES * MINUTE_MS), start + MAX_DURATION_MS);
  return { ...airing, endsAt: new Date(clamped).toISOString() };
}

/** Rounds an instant to the nearest step (drag-and-drop snaps to it). */
export function snapToStep(instantMs: number, stepMinutes: number = STEP_MINUTES): number {
  const step = stepMinutes * MINUTE_MS;
  return Math.round(instantMs / step) * step;
}

/**
 * Bulk shift: every airing starting at or after `from` moves by `minutes`; the others
 * stay. (Shifting later can push the last airings past the day's end: the draft check
 * reports that rather than dropping them.)
 */
export function shiftFrom<A extends Timed>(airings: readonly A[], from: Date, minutes: number): A[] {
  return airings.map((airing) => (Date.parse(airing.startsAt) >= from.getTime() ? moveBy(airing, minutes) : airing));
}
