import { NextResponse } from 'next/server';
import { AppError, errorResponse } from '@/lib/errors';
import { getProgramByAiring } from '@/lib/guide/get-program';
import { parseAiringStart, parseChannelSlug } from '@/lib/guide/ids';
import { GUIDE_CACHE_CONTROL } from '@/lib/guide/http';
import { withRouteMetrics } from '@/lib/observability/route';

/**
 * GET /api/guide/airings/<channel slug>/<start, epoch ms>: the programme of one airing,
 * as the guide's details dialog asks for it (the compact day carries no programme ids).
 */
export const GET = withRouteMetrics('/api/guide/airings/[channel]/[start]', async (_request: Request, context: { params: Promise<{ channel: string; start: string }> }) => {
  try {
    const params = await context.params;
    const slug = parseChannelSlug(params.channel);
    const startsAt = parseAiringStart(params.start);
    if (!slug || !startsAt) throw new AppError('bad_request', 'Expected /api/guide/airings/<channel slug>/<start in epoch milliseconds>.');
    const program = await getProgramByAiring(slug, startsAt);
    if (!program) throw new AppError('not_found', 'No published airing starts then on that channel.');
    return NextResponse.json(program, { headers: { 'cache-control': GUIDE_CACHE_CONTROL } });
  } catch (error) {
    return errorResponse(error);
  }
});
