// react-query keys and URLs of the catalogue's client-side data, shared by the server
// component that prefetches (and dehydrates) and the client component that continues.
export const categoryTitlesKey = (slug: string) => ['catalog', 'category', slug] as const;

/** The cached JSON route for a category page; the cursor is a path segment, so edges can key on it. */
export function categoryPageApiPath(slug: string, cursor: string | null): string {
  const base = `/api/catalog/categories/${encodeURIComponent(slug)}`;
  return cursor ? `${base}/after/${encodeURIComponent(cursor)}` : base;
}

export function categoryPagePath(slug: string, cursor: string | null = null): string {
  const base = `/vod/categories/${encodeURIComponent(slug)}`;
  return cursor ? `${base}/after/${encodeURIComponent(cursor)}` : base;
}
