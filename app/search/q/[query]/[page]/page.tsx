import type { Metadata } from 'next';
import { SearchResultsPage } from '@/app/_components/catalog/search-results-page';
import { queryFromPathSegment } from '@/lib/search/links';

/**
 * The whole route is static output: an unlisted slug waits for its render (no fallback
 * shell streamed with a 200), so a missing one is a real 404, a bad cursor a real
 * redirect, and even the first response carries an edge-cacheable Cache-Control.
 */
export const ensureStatic = 'navigation';

interface Props {
  params: Promise<{ query: string; page: string }>;
}

/** Cache Components needs one sample for the build; other pages render on first visit and are kept. */
export function generateStaticParams(): { query: string; page: string }[] {
  return [{ query: 'news', page: '2' }];
}

export const metadata: Metadata = { title: 'Search results' };

/** A later page of results; a page number out of range or not a number shows the nearest valid page. */
export default async function SearchQueryLaterPage({ params }: Props) {
  const { query, page } = await params;
  return <SearchResultsPage rawQuery={queryFromPathSegment(query)} page={page} />;
}
