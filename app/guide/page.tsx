import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import { GuideDayView } from '@/app/_components/guide/guide-day-view';
import { env } from '@/lib/env';
import { guideNow } from '@/lib/time/clock';
import { dateInZone } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'TV guide' };

/**
 * Today's guide in the deployment's default zone. Shared by every viewer: it reads no
 * cookies or headers, so the whole page is cached (and kept at the edge) and regenerated
 * at most once a minute, which is also how fast "today" rolls over at midnight. Other
 * zones and days live at /guide/<date>/<zone>.
 */
export default async function GuidePage() {
  'use cache';
  cacheLife('guide');
  const zone = env.DEFAULT_TIME_ZONE;
  const today = dateInZone(guideNow(), zone);
  return <GuideDayView date={today} zone={zone} today={today} isDefault />;
}
