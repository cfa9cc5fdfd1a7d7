// Which guide day the guide scenarios ask for: today in the deployment's default zone,
// as the app computes it (lib/env.ts defaults DEFAULT_TIME_ZONE to Europe/London).
import type { IsoDate } from '@/lib/cache/tags';
import { dateInZone } from '@/lib/time/zoned';

export const GUIDE_ZONE = process.env.DEFAULT_TIME_ZONE ?? 'Europe/London';

export function guideToday(): IsoDate {
  return dateInZone(new Date(), GUIDE_ZONE);
}
