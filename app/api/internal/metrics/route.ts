// GET /api/internal/metrics: this Next instance's Prometheus metrics (Node's defaults, route
// latency histograms, cache hit ratios, playback decisions...), for Prometheus only: it needs
// `Authorization: Bearer <METRICS_TOKEN>` and answers 401 otherwise, and always when no token
// is configured in production. Each instance is scraped on its own address, not through the
// edge (docs/decisions/0014-observability.md).
import { connection } from 'next/server';
import { cacheHandlerStats } from '@/lib/cache/handlers/stats';
import { registerCacheStats } from '@/lib/observability/cache-stats';
import { answerMetrics } from '@/lib/observability/metrics-auth';

// The shared cache handlers (lib/cache/handlers/*.mjs) run outside Next's bundle and count on
// a global; their totals become primetime_cache_requests_total{layer="use-cache"|"isr"}.
registerCacheStats('use-cache', () => cacheHandlerStats().useCache);
registerCacheStats('isr', () => cacheHandlerStats().incremental);

export async function GET(request: Request) {
  // Request-time by nature; said up front so the build does not try to prerender it.
  await connection();
  const { status, headers, body } = await answerMetrics(request.headers.get('authorization'));
  return new Response(body, { status, headers });
}
