import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import styles from '@/app/_components/catalog/catalog.module.css';
import { TitleCard } from '@/app/_components/catalog/title-card';
import { EntitlementsOverlay } from '@/app/_components/entitlements/overlay';
import { CATALOG_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { decodeCursor, encodeCursor } from '@/lib/catalog/cursor';
import { getCategories } from '@/lib/catalog/get-categories';
import { getCategoryPage } from '@/lib/catalog/get-category-page';
import { categoryPagePath } from '@/lib/catalog/query-keys';
import { listItemRights } from '@/lib/entitlements/compact';

/**
 * The whole route is static output: an unlisted slug waits for its render (no fallback
 * shell streamed with a 200), so a missing one is a real 404, a bad cursor a real
 * redirect, and even the first response carries an edge-cacheable Cache-Control.
 */
export const ensureStatic = 'navigation';

interface Props {
  params: Promise<{ slug: string; cursor: string }>;
}

/** One sample for the build (Cache Components needs one): the end of the first category. */
export async function generateStaticParams(): Promise<{ slug: string; cursor: string }[]> {
  const [first] = await getCategories();
  return [{ slug: first?.slug ?? 'none', cursor: encodeCursor({ addedAtMs: 0, titleId: '00000000-0000-0000-0000-000000000000' }) }];
}

export const metadata: Metadata = { title: 'More titles' };

/**
 * A later page of a category, with the keyset cursor as a path segment so that the URL
 * is cacheable at the edge like any other page. A cursor this app did not produce sends
 * the viewer to the category's first page.
 */
export default async function CategoryLaterPage({ params }: Props) {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  const { slug, cursor } = await params;
  if (!decodeCursor(cursor)) redirect(categoryPagePath(slug));
  const page = await getCategoryPage(slug, cursor);
  if (!page) notFound();

  return (
    <main>
      <p>
        <Link href="/vod">On demand</Link> · <Link href={categoryPagePath(slug)}>{page.category.name}</Link>
      </p>
      <h1>{page.category.name}: more titles</h1>
      {page.titles.length ? (
        <EntitlementsOverlay>
          <ul className={styles.grid} aria-label="Titles">
            {page.titles.map((title) => (
              <TitleCard key={title.id} title={title} rights={page.rights ? listItemRights(page.rights, title.id) : null} />
            ))}
          </ul>
        </EntitlementsOverlay>
      ) : (
        <p>No more titles in this category.</p>
      )}
      <nav aria-label="Pages" className={styles.pager}>
        <Link href={categoryPagePath(slug)}>First page</Link>
        {page.nextCursor ? (
          <Link href={categoryPagePath(slug, page.nextCursor)} prefetch={false}>
            Next page
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
