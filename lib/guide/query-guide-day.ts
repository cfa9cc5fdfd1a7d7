import 'server-only';
import type { IsoDate } from '@/lib/cache/tags';
import { readFromReplica } from '@/lib/db/read-replica';
import { runGuideDayQueries } from './guide-day-query';
import type { GuideDay } from './types';

/**
 * Every live channel with the published airings that OVERLAP one local day in one zone,
 * read from a replica (the primary when none answers). Uncached: `getGuideDay` caches it.
 * The queries live in guide-day-query.ts, which the bench also runs under EXPLAIN.
 */
export function queryGuideDay(date: IsoDate, zone: string): Promise<GuideDay> {
  return readFromReplica((replica) => runGuideDayQueries(replica, date, zone));
}
