// Observability through `next start`: route handlers answer with a Server-Timing header and
// count into the latency histogram, and GET /api/internal/metrics is for Prometheus only
// (bearer METRICS_TOKEN; 401 for everyone else, signed-in admins included).
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { env } from '@/lib/env';
import { query } from './support/database';
import { anonymousClient, signedInClient } from './support/sessions';

const METRICS = '/api/internal/metrics';
const token = { authorization: `Bearer ${env.METRICS_TOKEN}` };

/** A sample's value in the Prometheus text; 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test.describe('observability', () => {
  test('the metrics endpoint refuses anyone without the token', async ({ baseURL }) => {
    const anonymous = await anonymousClient(baseURL!);
    const admin = await signedInClient(baseURL!, 'admin');
    try {
      for (const [client, headers] of [
        [anonymous, {}],
        [anonymous, { authorization: 'Bearer not-the-token' }],
        [anonymous, { authorization: env.METRICS_TOKEN! }],
        [admin, {}],
      ] as const) {
        const response = await client.get(METRICS, { headers });
        expect(response.status()).toBe(401);
        expect(response.headers()['cache-control']).toBe('private, no-store');
        expect(await response.text()).not.toContain('http_request_duration_seconds');
      }
    } finally {
      await anonymous.dispose();
      await admin.dispose();
    }
  });

  test('route handlers answer with Server-Timing and are counted by their route pattern', async ({ request, baseURL }) => {
    const before = await request.get(METRICS, { headers: token });
    expect(before.status()).toBe(200);
    expect(before.headers()['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const searches = 'http_request_duration_seconds_count{route="/api/search",method="GET",status="200"}';
    const plays = 'http_request_duration_seconds_count{route="/api/playback/[kind]/[id]",method="POST",status="403"}';
    const beforeText = await before.text();

    const search = await request.get(`/api/search?q=${encodeURIComponent(`observability ${randomUUID().slice(0, 8)}`)}`);
    expect(search.status()).toBe(200);
    expect(search.headers()['server-timing']).toMatch(/^total;dur=\d+\.\d{2}/);

    // A signed-in viewer without the package: the session's account state and the profile
    // come from Redis while the request runs. PostgreSQL shows when this process has not read
    // the channel's rights this second; the decision row is written after the answer
    // (lib/playback/decision-log.ts). (Reads inside "use cache" scopes, such as the search's,
    // belong to the cache fill, not to the request, and do not show here.)
    const [channel] = await query<{ id: string }>(
      "SELECT c.id FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id WHERE r.name = 'Basic line-up' AND c.archived_at IS NULL ORDER BY c.number LIMIT 1",
    );
    const viewer = await signedInClient(baseURL!, 'viewer');
    try {
      const play = await viewer.post(`/api/playback/channel/${channel!.id}`);
      expect(play.status()).toBe(403);
      const timing = play.headers()['server-timing'];
      expect(timing).toMatch(/^total;dur=\d+\.\d{2}/);
      if (timing?.includes('db;')) expect(timing).toMatch(/db;dur=\d+\.\d{2};desc="\d+ quer(y|ies)"/);
      expect(timing).toMatch(/redis;dur=\d+\.\d{2};desc="\d+ commands?"/);
    } finally {
      await viewer.dispose();
    }

    const after = await request.get(METRICS, { headers: token });
    const text = await after.text();
    expect(sample(text, searches)).toBe(sample(beforeText, searches) + 1);
    expect(sample(text, plays)).toBe(sample(beforeText, plays) + 1);
    expect(sample(text, 'primetime_playback_denials_total{reason="package_required"}')).toBeGreaterThan(sample(beforeText, 'primetime_playback_denials_total{reason="package_required"}'));
    // The label is the pattern, never the URL the client sent.
    expect(text).not.toContain('observability ');
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    // The shared cache handlers (lib/cache/handlers/) count their lookups: the search above went through "use cache".
    expect(text).toMatch(/^primetime_cache_requests_total\{layer="use-cache",result="(hit|miss)"\} [1-9]/m);
  });
});
