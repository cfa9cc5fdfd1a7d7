// Cache lifetimes of the catalogue and search. Inline profiles (next.config.ts holds the
// shared ones): `expire` must stay >= 5 minutes or Next excludes the data from prerenders,
// and `revalidate` becomes the page's `s-maxage` at the edge, `expire - revalidate` its
// `stale-while-revalidate`. Publishes revalidate the tags at once anyway.
export const CATALOG_CACHE_LIFE = { stale: 300, revalidate: 300, expire: 86_400 } as const;
export const SEARCH_CACHE_LIFE = { stale: 60, revalidate: 60, expire: 3_600 } as const;
