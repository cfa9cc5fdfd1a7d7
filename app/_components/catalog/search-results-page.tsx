import { cacheLife } from 'next/cache';
import { SEARCH_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { searchCatalog } from '@/lib/search/search';
import { SearchForm } from './search-form';
import { SearchResults } from './search-results';

/** The body of /search/q/<query>[/<page>]; cached per (query, page) like its data. */
export async function SearchResultsPage({ rawQuery, page }: { rawQuery: string; page: string }) {
  'use cache';
  cacheLife(SEARCH_CACHE_LIFE);
  const results = await searchCatalog(rawQuery, page);
  return (
    <main>
      <h1>Search</h1>
      <SearchForm query={results.query} />
      <SearchResults results={results} />
    </main>
  );
}
