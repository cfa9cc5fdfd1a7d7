import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { CATALOG_CACHE_LIFE } from './cache-life';
import type { CategorySummary } from './types';

/** Every category in editorial order with its denormalised title count (one query). */
export async function getCategories(): Promise<CategorySummary[]> {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  cacheTag(TAGS.catalog);
  return db.category.findMany({
    select: { id: true, slug: true, name: true, titleCount: true },
    orderBy: [{ position: 'asc' }, { slug: 'asc' }],
  });
}
