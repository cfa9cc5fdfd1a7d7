// The availability line a title shows ("Leaves on 31 Dec", "Coming 5 Dec") from its rights
// rule's window. Pure: the caller passes "now" and the zone dates are shown in.
import type { AvailabilityWindow } from './types';

export type AvailabilityNotice =
  | { kind: 'coming'; at: string; text: string }
  | { kind: 'leaving'; at: string; text: string }
  | { kind: 'expired'; at: string; text: string };

function shortDate(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(new Date(iso));
}

export function availabilityNotice(window: AvailabilityWindow, now: Date, zone: string): AvailabilityNotice | null {
  const { availableFrom, availableUntil } = window;
  if (availableFrom && new Date(availableFrom) > now) {
    return { kind: 'coming', at: availableFrom, text: `Coming ${shortDate(availableFrom, zone)}` };
  }
  if (availableUntil && new Date(availableUntil) <= now) {
    return { kind: 'expired', at: availableUntil, text: 'No longer available' };
  }
  if (availableUntil) {
    return { kind: 'leaving', at: availableUntil, text: `Leaves on ${shortDate(availableUntil, zone)}` };
  }
  return null;
}
