// The per-user endpoints from the Next route handlers (`next start`), which call the same lib
// functions as the lean per-user service: the comparison behind
// docs/decisions/0006-per-user-endpoint-performance.md. Same viewers, rotation and anchor as
// me-entitlements (P2) and playback (P3); no verdict here, the ratio column tells the story.
import type { Scenario, TargetSpec } from '../lib/types';
import { ME_PATH } from './me-entitlements';
import { keepAllowedPlays, PER_USER_ENV, trimForSmoke, warm } from './me-support';
import { PLAYBACK_PLACEHOLDER, playableChannel } from './playback';

// Smoke runs keep the first two rows: one per endpoint.
const targets: TargetSpec[] = [
  { label: 'next GET /api/me/entitlements', path: ME_PATH },
  { label: 'next POST /api/playback', path: PLAYBACK_PLACEHOLDER, method: 'POST' },
  { label: 'next GET /api/me/entitlements @256', path: ME_PATH, connections: 256 },
  { label: 'next POST /api/playback @256', path: PLAYBACK_PLACEHOLDER, method: 'POST', connections: 256 },
];

export const meNext: Scenario = {
  name: 'me-next',
  describe: 'P2/P3 comparison: both per-user endpoints from the Next route handlers (same lib functions), entitled viewers rotated',
  anchor: 'node-redis',
  targets,
  setup: async (ctx) => {
    trimForSmoke(ctx, targets, 2);
    const cookies = await playableChannel(ctx, targets);
    const server = await ctx.startNext('next-per-user', PER_USER_ENV);
    await warm(ctx, `${server.baseUrl}${ME_PATH}`, cookies.slice(0, 50));
    const playbackPath = targets.find((target) => target.method === 'POST')?.path;
    const allowed = playbackPath ? await keepAllowedPlays(ctx, `${server.baseUrl}${playbackPath}`, cookies) : cookies;
    return { baseUrl: server.baseUrl, rotate: { header: 'Cookie', values: allowed } };
  },
};
