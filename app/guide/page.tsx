import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import { GuideTable } from '@/app/_components/guide/guide-table';
import { env } from '@/lib/env';
import { getGuideDay } from '@/lib/guide/get-guide-day';
import { dateInZone } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'TV guide' };

/**
 * Today's guide in the deployment's default zone. Shared by every viewer: it reads no
 * cookies or headers, so the whole page is cached (and kept at the edge) and regenerated
 * at most once a minute, which is also how fast "today" rolls over at midnight.
 */
export default async function GuidePage() {
  'use cache';
  cacheLife('guide');
  const zone = env.DEFAULT_TIME_ZONE;
  const guide = await getGuideDay(dateInZone(new Date(), zone), zone);
  const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full' });

  return (
    <main>
      <h1>TV guide</h1>
      <p className="muted">
        {longDate.format(new Date(guide.startsAt))} · times in {zone}
      </p>
      <GuideTable guide={guide} />
    </main>
  );
}
