// Search from one `next start` process, no edge: the cached results page (query in the
// path) and the JSON API (dynamic handler over the cached search, s-maxage for the edge),
// one exact query and one with a typo (trigram path).
import type { Scenario } from '../lib/types';

export const search: Scenario = {
  name: 'search',
  describe: 'search results page and JSON API from one `next start` process, vs nginx serving the same bytes',
  anchor: 'nginx-static',
  targets: [
    { label: 'next start /search/q/hollow hours', path: '/search/q/hollow%20hours' },
    { label: 'next start /api/search?q=hollow hours', path: '/api/search?q=hollow%20hours' },
    { label: 'next start /api/search?q=hollw hours (typo)', path: '/api/search?q=hollw%20hours' },
  ],
  setup: async (ctx) => {
    const server = await ctx.startNext('next-search');
    return { baseUrl: server.baseUrl };
  },
};
