// P3: POST /api/playback/channel/{id}: the authoritative decision (session + account state,
// profile from the cache, rights from PostgreSQL at most once a second, a playback_decisions
// row with group commit, a log line, a signed URL) for up to 1,000 viewers who hold a package
// of the channel's rule, rotated per request, at 64 and 256 connections, vs the bare Node +
// Redis anchor, from the lean per-user service. The Next route handler: scenario me-next.
import type { BenchContext } from '../lib/context';
import type { Scenario, TargetSpec } from '../lib/types';
import { keepAllowedPlays, perUserRows, perUserServers, queryOne, trimForSmoke, viewerCookies, viewerCount } from './me-support';

/** Set by setup: the channel id is the seed's, known once the database is there. */
export const PLAYBACK_PLACEHOLDER = '/api/playback/channel/(set-up)';

/**
 * A channel of the "Basic line-up" rule with no blackout near now, and cookies of viewers
 * whose active subscription to one of its packages works on any network (no ISP-bound
 * package) and who have no parental limit, so every request is an allowed decision (a 403
 * would count as an error). Points `targets` at the channel.
 */
export async function playableChannel(ctx: BenchContext, targets: TargetSpec[]): Promise<string[]> {
  const { id, rule } = await queryOne<{ id: string; rule: string }>(
    ctx,
    `SELECT c.id, c.rights_rule_id AS rule FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id
      WHERE r.name = 'Basic line-up' AND c.archived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM blackouts b WHERE b.channel_id = c.id AND b.ends_at > now() - interval '1 day')
      ORDER BY c.number LIMIT 1`,
  );
  for (const target of targets) if (target.path === PLAYBACK_PLACEHOLDER) target.path = `/api/playback/channel/${id}`;
  return viewerCookies(
    ctx,
    viewerCount(ctx),
    `EXISTS (SELECT 1 FROM subscriptions s JOIN rights_rule_packages rp ON rp.package_id = s.package_id JOIN packages p ON p.id = s.package_id
              WHERE s.user_id = u.id AND rp.rule_id = $1 AND s.status = 'ACTIVE' AND p.isp_id IS NULL
                AND s.starts_at <= now() AND (s.ends_at IS NULL OR s.ends_at > now() + interval '1 hour'))
     AND u.parental_limit IS NULL`,
    [rule],
  );
}

const targets: TargetSpec[] = perUserRows(PLAYBACK_PLACEHOLDER, 'POST');

export const playback: Scenario = {
  name: 'playback',
  describe: 'P3: POST /api/playback/channel/{id} from the lean per-user service, entitled viewers rotated, vs bare Node + Redis',
  anchor: 'node-redis',
  designTarget: 'P3',
  // Its ratio sits near the target on a machine whose speed drifts between runs.
  interleaved: true,
  targets,
  setup: async (ctx) => {
    trimForSmoke(ctx, targets);
    const cookies = await playableChannel(ctx, targets);
    const { baseUrl, servers } = await perUserServers(ctx, targets);
    const allowed = await keepAllowedPlays(ctx, `${baseUrl}${targets[0]!.path}`, cookies);
    return { baseUrl, servers, rotate: { header: 'Cookie', values: allowed } };
  },
};
