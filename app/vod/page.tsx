import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import Link from 'next/link';
import styles from '@/app/_components/catalog/catalog.module.css';
import { CATALOG_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { getCategories } from '@/lib/catalog/get-categories';
import { categoryPagePath } from '@/lib/catalog/query-keys';

/**
 * The whole route is static output: an unlisted slug waits for its render (no fallback
 * shell streamed with a 200), so a missing one is a real 404, a bad cursor a real
 * redirect, and even the first response carries an edge-cacheable Cache-Control.
 */
export const ensureStatic = 'navigation';

export const metadata: Metadata = { title: 'On demand' };

/** The catalogue's front page: every category with its (trigger-kept) title count. Shared and cached. */
export default async function VodPage() {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  const categories = await getCategories();
  return (
    <main>
      <h1>On demand</h1>
      <p className="muted">Films and series to watch any time.</p>
      <h2>Categories</h2>
      <ul className={styles.categories}>
        {categories.map((category) => (
          <li key={category.id}>
            <Link href={categoryPagePath(category.slug)}>
              <span>{category.name}</span>
              <span className={styles.count}>
                {category.titleCount} {category.titleCount === 1 ? 'title' : 'titles'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
