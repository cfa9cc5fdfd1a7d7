// P2: GET /api/me/entitlements, signed in, over up to 1,000 distinct viewers (a cookie per
// request, rotated by the wrk reporter), at the run's connections (64) and at 256, against
// the bare Node + Redis anchor (docs/decisions/0006-per-user-endpoint-performance.md):
//   me-entitlements       the lean per-user service (services/per-user), what the edge routes to
//   me-entitlements-edge  the same service behind the nginx edge (edge/), the production path
// The Next route handler (same lib function) is measured by me-next.
import path from 'node:path';
import { prepareEdge } from '../../edge/start-edge';
import { waitForHttp } from '../lib/http';
import { NGINX_BIN } from '../lib/tools';
import type { Scenario } from '../lib/types';
import { perUserRows, perUserService, perUserServers, trimForSmoke, viewerCookies, viewerCount, warm } from './me-support';

export const ME_PATH = '/api/me/entitlements';

export const meEntitlements: Scenario = {
  name: 'me-entitlements',
  describe: 'P2: GET /api/me/entitlements from the lean per-user service, 1,000 viewers rotated, vs bare Node + Redis',
  anchor: 'node-redis',
  designTarget: 'P2',
  // Its ratio sits near the target on a machine whose speed drifts between runs.
  interleaved: true,
  targets: perUserRows(ME_PATH),
  setup: async (ctx) => {
    trimForSmoke(ctx, meEntitlements.targets);
    const cookies = await viewerCookies(ctx, viewerCount(ctx));
    const { baseUrl, servers } = await perUserServers(ctx, meEntitlements.targets);
    // The profiles are in Redis after one pass; the per-core service's workers warm on their first requests.
    await warm(ctx, `${baseUrl}${ME_PATH}`, cookies);
    return { baseUrl, servers, rotate: { header: 'Cookie', values: cookies } };
  },
};

export const meEntitlementsEdge: Scenario = {
  name: 'me-entitlements-edge',
  describe: 'P2 in production shape: nginx edge -> lean per-user service, 1,000 viewers rotated',
  anchor: 'node-redis',
  designTarget: 'P2',
  targets: [{ label: 'edge -> service @256', path: ME_PATH, connections: 256 }],
  setup: async (ctx) => {
    trimForSmoke(ctx, meEntitlementsEdge.targets);
    const cookies = await viewerCookies(ctx, viewerCount(ctx));
    const service = new URL(await perUserService(ctx));
    const port = await ctx.freePort();
    const prefix = path.join(ctx.runDir, 'edge-me');
    const edge = prepareEdge({
      prefix,
      listen: `127.0.0.1:${port}`,
      // Only the per-user API is requested here; the app upstream is never used.
      appServers: [service.host],
      perUserServers: [service.host],
      mediaRoot: path.join(prefix, 'media'),
      playbackSecret: 'bench-only-playback-secret-0123456789',
    });
    const proc = ctx.spawn('edge-me', NGINX_BIN, edge.args);
    await waitForHttp(edge.healthUrl, proc, 10_000);
    await warm(ctx, `${edge.baseUrl}${ME_PATH}`, cookies.slice(0, 50));
    return { baseUrl: edge.baseUrl, rotate: { header: 'Cookie', values: cookies } };
  },
};
