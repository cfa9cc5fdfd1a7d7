import { MAX_QUERY_LENGTH } from '@/lib/search/normalize-query';

/**
 * A plain GET form (works without JavaScript): /search/go turns `?q=` into the cacheable
 * results URL /search/q/<query>.
 */
export function SearchForm({ query = '' }: { query?: string }) {
  return (
    <form action="/search/go" method="get" role="search" aria-label="Catalogue">
      <label htmlFor="search-query">Search titles, programmes and channels</label>{' '}
      <input id="search-query" name="q" type="search" defaultValue={query} maxLength={MAX_QUERY_LENGTH} autoComplete="off" />{' '}
      <button type="submit">Search</button>
    </form>
  );
}
