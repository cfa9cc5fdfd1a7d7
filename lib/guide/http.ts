// Cache-Control of the guide's route handlers, matching the `guide` cacheLife profile
// (next.config.ts: revalidate 60 s, expire 3600 s) that Next gives the guide pages.
export const GUIDE_CACHE_CONTROL = 'public, s-maxage=60, stale-while-revalidate=3540';
