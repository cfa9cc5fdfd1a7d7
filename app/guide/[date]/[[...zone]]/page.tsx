import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { GuideDayView } from '@/app/_components/guide/guide-day-view';
import type { IsoDate } from '@/lib/cache/tags';
import { env } from '@/lib/env';
import { guideToday } from '@/lib/guide/guide-today';
import { checkGuideDate, guidePath, zoneFromSegments } from '@/lib/guide/guide-url';
import { guideNow } from '@/lib/time/clock';
import { dateInZone } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'TV guide' };

// The whole route is static output: an unlisted (date, zone) waits for its render instead
// of streaming the fallback shell with a 200, so a malformed date or zone is a real 404, an
// out-of-range date or non-canonical zone a real 307, and the page is kept like a listed one.
export const ensureStatic = 'navigation';

/** Today in the default zone is prerendered at build; other (date, zone) pages on first visit. */
export function generateStaticParams() {
  const zone = env.DEFAULT_TIME_ZONE;
  return [{ date: dateInZone(guideNow(), zone), zone: zone.split('/') }];
}

/**
 * One day of the guide in one zone, e.g. /guide/2026-11-21/Europe/Berlin. The zone and
 * date are path segments, so each (zone, day) page is cached and kept at the edge on its
 * own. A malformed date or an unknown zone is the 404 page; a date outside the guide's
 * reach, a missing or non-canonical zone redirect to the nearest valid page.
 */
export default async function GuideDayPage({ params }: { params: Promise<{ date: string; zone?: string[] }> }) {
  const { date, zone: segments } = await params;
  const zone = zoneFromSegments(segments, env.DEFAULT_TIME_ZONE);
  if (!zone) notFound();
  const today = await guideToday(zone);
  const check = checkGuideDate(date, today);
  if (check.kind === 'malformed') notFound();
  const canonical = guidePath(check.kind === 'ok' ? check.date : check.nearest, zone);
  if (check.kind === 'out-of-range' || canonical !== guidePath(date, (segments ?? []).join('/'))) redirect(canonical);
  return <CachedGuideDay date={date} zone={zone} today={today} />;
}

async function CachedGuideDay({ date, zone, today }: { date: IsoDate; zone: string; today: IsoDate }) {
  'use cache';
  cacheLife('guide');
  return <GuideDayView date={date} zone={zone} today={today} isDefault={false} />;
}
