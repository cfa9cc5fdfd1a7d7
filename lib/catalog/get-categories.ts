import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { readFromReplica } from '@/lib/db/read-replica';
import { CATALOG_CACHE_LIFE } from './cache-life';
import type { CategorySummary } from './types';

/** Every category in editorial order with its denormalised title count (one query). */
export async function getCategories(): Promise<CategorySummary[]> {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  cacheTag(TAGS.catalog);
  return readFromReplica((replica) =>
    replica.category.findMany({
      select: { id: true, slug: true, name: true, titleCount: true },
      orderBy: [{ position: 'asc' }, { slug: 'asc' }],
    }),
  );
}
