import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { surrogateKey, SURROGATE_KEY_HEADER } from '@/lib/cache/surrogate-key';
import { TAGS } from '@/lib/cache/tags';
import { AppError, errorResponse } from '@/lib/errors';
import { getGuideDayJson, guideDayTags } from '@/lib/guide/get-guide-day';
import { guideToday } from '@/lib/guide/guide-today';
import { checkGuideDate, zoneFromSegments } from '@/lib/guide/guide-url';
import { GUIDE_CACHE_CONTROL } from '@/lib/guide/http';
import { withRouteMetrics } from '@/lib/observability/route';

/**
 * GET /api/guide/<date>/<zone>: one guide day as compact JSON (lib/guide/compact.ts) for
 * apps and set-top boxes. The body is the cached string, serialised once per
 * regeneration; a request only checks its ETag and copies the bytes. Its cache tags go out
 * as `Surrogate-Key` for the edge (lib/cache/surrogate-key.ts).
 */
export const GET = withRouteMetrics('/api/guide/[date]/[[...zone]]', async (request: NextRequest, context: { params: Promise<{ date: string; zone?: string[] }> }) => {
  try {
    const { date, zone: segments } = await context.params;
    const zone = zoneFromSegments(segments, env.DEFAULT_TIME_ZONE);
    if (!zone) throw new AppError('bad_request', 'The time zone is not an IANA zone such as Europe/London.');
    const check = checkGuideDate(date, await guideToday(zone));
    if (check.kind === 'malformed') throw new AppError('bad_request', 'The date must be a calendar date as YYYY-MM-DD.');
    if (check.kind === 'out-of-range') {
      throw new AppError('not_found', `The guide covers 7 days back and 14 ahead; the nearest day it has is ${check.nearest}.`);
    }

    const { body, etag } = await getGuideDayJson(check.date, zone);
    // The same tags as the cached data, so a purge by tag at the edge drops this copy too.
    const headers = { 'cache-control': GUIDE_CACHE_CONTROL, etag, [SURROGATE_KEY_HEADER]: surrogateKey([...guideDayTags(check.date, zone), TAGS.rights]) };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(body, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  } catch (error) {
    return errorResponse(error);
  }
});
