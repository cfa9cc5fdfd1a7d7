import 'server-only';
import { cacheLife } from 'next/cache';
import type { IsoDate } from '@/lib/cache/tags';
import { guideNow } from '@/lib/time/clock';
import { dateInZone } from '@/lib/time/zoned';

/**
 * Today's date in a zone, read inside a cache scope: shared pages may not read the clock
 * per request, and with the `guide` profile "today" rolls over within a minute of midnight.
 */
export async function guideToday(zone: string): Promise<IsoDate> {
  'use cache';
  cacheLife('guide');
  return dateInZone(guideNow(), zone);
}
