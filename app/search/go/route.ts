import { connection, NextResponse, type NextRequest } from 'next/server';
import { searchResultsPath } from '@/lib/search/links';
import { isSearchable, normalizeQuery } from '@/lib/search/normalize-query';

/**
 * The search form's target: `?q=` (any length, any content) becomes the cacheable results
 * URL /search/q/<normalised query>, or the landing page when there is nothing to search.
 * Tiny and database-free; the results page behind it is what the edge caches.
 */
export async function GET(request: NextRequest) {
  await connection();
  const query = normalizeQuery(request.nextUrl.searchParams.get('q') ?? '');
  const target = isSearchable(query) ? searchResultsPath(query) : '/search';
  // A relative Location: correct behind any edge, whatever Host the origin saw.
  return new NextResponse(null, {
    status: 303,
    headers: { Location: target, 'Cache-Control': 'public, max-age=300, s-maxage=86400' },
  });
}
