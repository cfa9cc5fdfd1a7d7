'use client';
// A category's titles with "Show more". The first page arrives in the HTML from the cached
// server render and seeds react-query (initialData: no refetch on load); later pages come
// from the cached JSON route keyed by cursor, so each is an edge hit after its first visit.
// react-query reads the clock while rendering, which a prerender must not do, so the hook
// only runs once the page is hydrated; until then the same list is rendered from props.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { categoryPageApiPath, categoryTitlesKey } from '@/lib/catalog/query-keys';
import type { CategoryPage } from '@/lib/catalog/types';
import { listItemRights } from '@/lib/entitlements/browser';
import styles from './catalog.module.css';
import { TitleCard } from './title-card';

async function fetchCategoryPage(slug: string, cursor: string | null): Promise<CategoryPage> {
  const response = await fetch(categoryPageApiPath(slug, cursor));
  if (!response.ok) throw new Error(`Could not load more titles (${response.status}).`);
  return (await response.json()) as CategoryPage;
}

const subscribeNothing = () => () => undefined;

/** False while prerendering and hydrating, true once running in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}

/** Every title of the pages so far, each with its rights from its own page's table (for the lock badge). */
function TitleList({ pages }: { pages: CategoryPage[] }) {
  const cards = pages.flatMap((page) => page.titles.map((title) => ({ title, rights: page.rights ? listItemRights(page.rights, title.id) : null })));
  return (
    <ul className={styles.grid} aria-label="Titles">
      {cards.map(({ title, rights }, index) => (
        <TitleCard key={title.id} title={title} rights={rights} priority={index < 6} />
      ))}
    </ul>
  );
}

function LiveCategoryTitles({ slug, firstPage }: { slug: string; firstPage: CategoryPage }) {
  const query = useInfiniteQuery({
    queryKey: categoryTitlesKey(slug),
    queryFn: ({ pageParam }) => fetchCategoryPage(slug, pageParam),
    initialPageParam: null as string | null,
    initialData: { pages: [firstPage], pageParams: [null] },
    getNextPageParam: (last) => last.nextCursor,
  });
  const titles = query.data.pages.flatMap((page) => page.titles);
  return (
    <>
      <TitleList pages={query.data.pages} />
      <div className={styles.pager}>
        {query.hasNextPage ? (
          <button type="button" className={styles.button} onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading…' : 'Show more titles'}
          </button>
        ) : null}
        {query.isError ? <p role="alert">{query.error.message}</p> : null}
        <p className="muted" aria-live="polite">
          Showing {titles.length} {titles.length === 1 ? 'title' : 'titles'}
        </p>
      </div>
    </>
  );
}

export function CategoryTitles({ slug, firstPage }: { slug: string; firstPage: CategoryPage }) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <>
        <TitleList pages={[firstPage]} />
        <div className={styles.pager}>
          <p className="muted">
            Showing {firstPage.titles.length} {firstPage.titles.length === 1 ? 'title' : 'titles'}
          </p>
        </div>
      </>
    );
  }
  return <LiveCategoryTitles slug={slug} firstPage={firstPage} />;
}
