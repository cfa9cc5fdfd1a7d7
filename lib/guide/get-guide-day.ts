import 'server-only';
import { createHash } from 'node:crypto';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS, type IsoDate } from '@/lib/cache/tags';
import { dayBoundsInZone, utcDatesCovering } from '@/lib/time/zoned';
import { queryGuideRights } from '@/lib/entitlements/guide-rights-query';
import { encodeGuideDay, type CompactGuideDay } from './compact';
import { queryGuideDay } from './query-guide-day';

/** The tags of one (date, zone) guide day: the channel list and every UTC date the day covers. */
export function guideDayTags(date: IsoDate, zone: string): string[] {
  const { start, end } = dayBoundsInZone(date, zone);
  return [TAGS.channels, ...utcDatesCovering(start, end).map(TAGS.guideUtcDate)];
}

/**
 * The guide for one local day in one zone, in its compact wire form. Cached per
 * (date, zone) and tagged by the UTC dates it covers, so a publish that touches those
 * dates refreshes it in every zone at once (docs/decisions/0002).
 */
export async function getGuideDay(date: IsoDate, zone: string): Promise<CompactGuideDay> {
  'use cache';
  cacheLife('guide');
  // Rights travel with the day (lock badges), so a rights edit refreshes it too.
  cacheTag(...guideDayTags(date, zone), TAGS.rights);
  const day = await queryGuideDay(date, zone);
  return { ...encodeGuideDay(day), rights: await queryGuideRights(day) };
}

export interface SerialisedGuideDay {
  body: string;
  etag: string;
}

/**
 * The guide day as the JSON API's body, serialised ONCE per regeneration (DESIGN P6):
 * the cache holds the string and its ETag, so a request only copies bytes.
 */
export async function getGuideDayJson(date: IsoDate, zone: string): Promise<SerialisedGuideDay> {
  'use cache';
  cacheLife('guide');
  cacheTag(...guideDayTags(date, zone), TAGS.rights);
  const body = JSON.stringify(await getGuideDay(date, zone));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}
