import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { queryTitleListRights } from '@/lib/entitlements/list-rights';
import { CATALOG_CACHE_LIFE } from './cache-life';
import { queryCategoryPage } from './query-category-page';
import type { CategoryPage } from './types';

export { CATEGORY_PAGE_SIZE } from './query-category-page';

/**
 * `queryCategoryPage`, cached per (slug, cursor) and tagged by the category and the
 * catalogue, with its titles' compact rights for the lock badges (so tagged `rights` too).
 */
export async function getCategoryPage(slug: string, after: string | null): Promise<CategoryPage | null> {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  cacheTag(TAGS.catalog);
  const page = await queryCategoryPage(slug, after);
  if (!page) return null;
  cacheTag(TAGS.category(page.category.id), TAGS.rights);
  return { ...page, rights: await queryTitleListRights(page.titles.map((title) => title.id)) };
}
