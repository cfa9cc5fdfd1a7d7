import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { CATALOG_CACHE_LIFE } from './cache-life';
import { queryTitle } from './query-title';
import type { TitleDetail } from './types';

/**
 * `queryTitle`, cached per slug and tagged by the title. A miss is tagged with the
 * catalogue, so publishing a title under this slug shows up without waiting for expiry.
 */
export async function getTitle(slug: string): Promise<TitleDetail | null> {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  const title = await queryTitle(slug);
  cacheTag(title ? TAGS.title(title.id) : TAGS.catalog);
  return title;
}

/** A few title slugs to prerender at build time (newest first). */
export async function getFeaturedTitleSlugs(limit: number): Promise<string[]> {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  cacheTag(TAGS.catalog);
  const rows = await db.vodTitle.findMany({
    where: { publishedAt: { not: null }, archivedAt: null },
    select: { slug: true },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map((row) => row.slug);
}
