// The VOD catalogue from one `next start` process, no edge: the category list, a category's
// first page, its next page as JSON (the "Show more" route), and a title page. Paths exist
// in every seed size: category names are fixed and title 0 is a pure function of its index.
import type { Scenario } from '../lib/types';

export const catalog: Scenario = {
  name: 'catalog',
  describe: 'VOD catalogue pages and the category JSON route from one `next start` process, vs nginx serving the same bytes',
  anchor: 'nginx-static',
  targets: [
    { label: 'next start /vod', path: '/vod' },
    { label: 'next start /vod/categories/drama', path: '/vod/categories/drama' },
    { label: 'next start /api/catalog/categories/drama', path: '/api/catalog/categories/drama' },
    { label: 'next start /vod/titles/<title 0>', path: '/vod/titles/the-hollow-hours-2002-0' },
  ],
  setup: async (ctx) => {
    const server = await ctx.startNext('next-catalog');
    return { baseUrl: server.baseUrl };
  },
};
