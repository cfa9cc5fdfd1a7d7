import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { SEARCH_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { normalizeQuery } from './normalize-query';
import { clampPage, querySearch } from './query-search';
import type { SearchResults } from './types';

/**
 * Search results, cached per (normalised query, page): they are the same for every viewer.
 * Normalising before the cache boundary makes "  Foo " and "Foo" one cache entry.
 */
export async function searchCatalog(rawQuery: string, page: unknown = 1): Promise<SearchResults> {
  return cachedSearch(normalizeQuery(rawQuery), clampPage(page));
}

async function cachedSearch(query: string, page: number): Promise<SearchResults> {
  'use cache';
  cacheLife(SEARCH_CACHE_LIFE);
  cacheTag(TAGS.search);
  return querySearch(query, page);
}
