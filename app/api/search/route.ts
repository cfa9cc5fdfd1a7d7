import { connection, NextResponse, type NextRequest } from 'next/server';
import { edgeCacheControl } from '@/lib/catalog/edge-cache';
import { SEARCH_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { errorResponse } from '@/lib/errors';
import { searchCatalog } from '@/lib/search/search';
import { withRouteMetrics } from '@/lib/observability/route';

/**
 * GET /api/search?q=…&page=… : ranked hits across titles, programmes and channels.
 * Any `q` is accepted (normalised and capped server-side; nothing searchable gives no hits).
 * Results are the same for every viewer, so the edge may keep them (s-maxage).
 */
export const GET = withRouteMetrics('/api/search', async (request: NextRequest) => {
  // Request-time by nature (the query string); said up front so the prerender skips it.
  await connection();
  try {
    const params = request.nextUrl.searchParams;
    const results = await searchCatalog(params.get('q') ?? '', params.get('page') ?? '1');
    return NextResponse.json(results, { headers: { 'Cache-Control': edgeCacheControl(SEARCH_CACHE_LIFE) } });
  } catch (error) {
    return errorResponse(error);
  }
});
