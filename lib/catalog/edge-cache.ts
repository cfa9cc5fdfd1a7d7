// Cache-Control for JSON route handlers whose data is shared by every viewer. Pages get
// theirs from Next (from their cacheLife); handlers that read the request URL are dynamic,
// so they say it themselves, with the same figures as the data's cacheLife.
export function edgeCacheControl(life: { revalidate: number; expire: number }): string {
  return `public, max-age=0, s-maxage=${life.revalidate}, stale-while-revalidate=${life.expire - life.revalidate}`;
}
