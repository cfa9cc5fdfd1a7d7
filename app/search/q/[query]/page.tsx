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
  params: Promise<{ query: string }>;
}

/** Cache Components needs one sample query for the build; others render on first visit and are kept. */
export function generateStaticParams(): { query: string }[] {
  return [{ query: 'news' }];
}

export const metadata: Metadata = { title: 'Search results' };

export default async function SearchQueryPage({ params }: Props) {
  const { query } = await params;
  return <SearchResultsPage rawQuery={queryFromPathSegment(query)} page="1" />;
}
