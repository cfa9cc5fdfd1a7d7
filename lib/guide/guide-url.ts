// The guide's URLs: `/guide/<date>/<zone>` (e.g. /guide/2026-11-21/Europe/Berlin). The
// zone and date are path segments, never query parameters, so every (zone, day) page is
// its own cacheable URL and the server reads nothing else from the request. Pure: shared
// by the pages, the JSON API and the browser.
import type { IsoDate } from '@/lib/cache/tags';
import { addDays, parseIsoDate } from '@/lib/time/zoned';

/** How far the guide reaches from today, in days. */
export const GUIDE_DAYS_BACK = 7;
export const GUIDE_DAYS_AHEAD = 14;

/** `/guide/2026-11-21/America/Argentina/Buenos_Aires`. */
export function guidePath(date: IsoDate, zone: string): string {
  return `/guide/${date}/${zone.split('/').map(encodeURIComponent).join('/')}`;
}

/** The guide-day JSON API's URL for a (date, zone). */
export function guideApiPath(date: IsoDate, zone: string): string {
  return `/api${guidePath(date, zone)}`;
}

/**
 * The canonical IANA name of a zone ("europe/london" -> "Europe/London"), or null when
 * it is not a zone this runtime knows. Links are built from canonical names only, so
 * one (zone, day) has one URL and one cache entry.
 */
export function canonicalZone(zone: string): string | null {
  if (zone.length === 0 || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone named by the URL's trailing segments; no segments means the default zone. */
export function zoneFromSegments(segments: readonly string[] | undefined, defaultZone: string): string | null {
  if (!segments || segments.length === 0) return defaultZone;
  let joined: string;
  try {
    joined = segments.map((segment) => decodeURIComponent(segment)).join('/');
  } catch {
    return null;
  }
  return canonicalZone(joined);
}

export type GuideDateCheck =
  | { kind: 'ok'; date: IsoDate }
  | { kind: 'out-of-range'; nearest: IsoDate }
  | { kind: 'malformed' };

/** Whether `date` is a calendar date within the guide's reach from `today`. */
export function checkGuideDate(date: string, today: IsoDate): GuideDateCheck {
  if (!parseIsoDate(date)) return { kind: 'malformed' };
  const first = addDays(today, -GUIDE_DAYS_BACK);
  const last = addDays(today, GUIDE_DAYS_AHEAD);
  if (date < first) return { kind: 'out-of-range', nearest: first };
  if (date > last) return { kind: 'out-of-range', nearest: last };
  return { kind: 'ok', date };
}

/** Every date the guide offers around `today`, oldest first. */
export function guideDates(today: IsoDate): IsoDate[] {
  return Array.from({ length: GUIDE_DAYS_BACK + GUIDE_DAYS_AHEAD + 1 }, (_, index) => addDays(today, index - GUIDE_DAYS_BACK));
}

/**
 * Zones offered by the picker besides the channels' own: the audiences this service
 * broadcasts to. Any other IANA zone still works when typed into the URL.
 */
export const SUGGESTED_ZONES = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/Helsinki',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
] as const;
