// The guide page served by `next start` alone, no edge in front: what one Next process
// does with the page before any cache layer helps. P1 (through the edge) comes later;
// this row is the baseline it will be compared with.
import type { Scenario } from '../lib/types';

export const guideDirect: Scenario = {
  name: 'guide-direct',
  describe: "today's /guide from one `next start` process, no edge, vs nginx serving the same bytes",
  anchor: 'nginx-static',
  targets: [{ label: 'next start /guide', path: '/guide' }],
  setup: async (ctx) => {
    const server = await ctx.startNext('next-guide');
    return { baseUrl: server.baseUrl };
  },
};
