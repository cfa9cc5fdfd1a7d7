import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CategoryTitles } from '@/app/_components/catalog/category-titles';
import styles from '@/app/_components/catalog/catalog.module.css';
import { EntitlementsOverlay } from '@/app/_components/entitlements/overlay';
import { CATALOG_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { getCategories } from '@/lib/catalog/get-categories';
import { getCategoryPage } from '@/lib/catalog/get-category-page';
import { categoryPagePath } from '@/lib/catalog/query-keys';

/**
 * The whole route is static output: an unlisted slug waits for its render (no fallback
 * shell streamed with a 200), so a missing one is a real 404, a bad cursor a real
 * redirect, and even the first response carries an edge-cacheable Cache-Control.
 */
export const ensureStatic = 'navigation';

interface Props {
  params: Promise<{ slug: string }>;
}

/** Every category is prerendered at build; new ones render on first visit and are kept. */
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  const categories = await getCategories();
  // Cache Components needs at least one; an unknown slug renders the 404 page.
  return categories.length ? categories.map(({ slug }) => ({ slug })) : [{ slug: 'none' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await getCategoryPage(slug, null);
  return { title: page ? page.category.name : 'Category not found' };
}

/**
 * A category's first page, newest first. Later pages: "Show more" (react-query over the
 * cached JSON route, cursor in the path) or the plain "Next page" link (a cacheable URL
 * with the cursor as a path segment; works without JavaScript).
 */
export default async function CategoryPage({ params }: Props) {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  const { slug } = await params;
  const page = await getCategoryPage(slug, null);
  if (!page) notFound();

  return (
    <main>
      <p>
        <Link href="/vod">On demand</Link>
      </p>
      <h1>{page.category.name}</h1>
      <p className="muted">
        {page.category.titleCount} {page.category.titleCount === 1 ? 'title' : 'titles'}
      </p>
      {/* The first page is handed to react-query in the browser: no refetch on load. Lock
          badges: each page's compact rights, decided against the viewer's overlay. */}
      <EntitlementsOverlay>
        <CategoryTitles slug={slug} firstPage={page} />
      </EntitlementsOverlay>
      {page.nextCursor ? (
        <nav aria-label="Pages" className={styles.pager}>
          <Link href={categoryPagePath(slug, page.nextCursor)} prefetch={false}>
            Next page
          </Link>
        </nav>
      ) : null}
    </main>
  );
}
