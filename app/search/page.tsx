import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import { SearchForm } from '@/app/_components/catalog/search-form';
import { SEARCH_CACHE_LIFE } from '@/lib/catalog/cache-life';

/**
 * The whole route is static output: an unlisted slug waits for its render (no fallback
 * shell streamed with a 200), so a missing one is a real 404, a bad cursor a real
 * redirect, and even the first response carries an edge-cacheable Cache-Control.
 */
export const ensureStatic = 'navigation';

export const metadata: Metadata = { title: 'Search' };

/** The search landing page: static, shared, cached. */
export default async function SearchPage() {
  'use cache';
  cacheLife(SEARCH_CACHE_LIFE);
  return (
    <main>
      <h1>Search</h1>
      <SearchForm />
    </main>
  );
}
