// Who may read a process's metrics: whoever sends `Authorization: Bearer <METRICS_TOKEN>`.
// Metrics name routes, error rates and queue sizes; they are for our Prometheus, not the
// public. With no token configured (production without METRICS_TOKEN) nobody may.
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { METRICS_CONTENT_TYPE, renderMetrics } from './metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares fixed-length digests, so the time taken says nothing about the token. */
export function metricsCallerAllowed(authorization: string | null | undefined, token: string | undefined = env.METRICS_TOKEN): boolean {
  if (!token || !authorization) return false;
  return timingSafeEqual(digest(authorization), digest(`Bearer ${token}`));
}

export interface MetricsAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const REFUSED_BODY = JSON.stringify({
  error: { code: 'unauthorized', message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>.' },
});

/**
 * The answer of every metrics endpoint (Next route, worker, per-user service) to a GET.
 * `render`: this process's registry, or a cluster's (lib/observability/cluster-metrics.ts).
 */
export async function answerMetrics(authorization: string | null | undefined, render: () => Promise<string> = renderMetrics): Promise<MetricsAnswer> {
  if (!metricsCallerAllowed(authorization)) {
    return {
      status: 401,
      headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store', 'www-authenticate': 'Bearer realm="metrics"' },
      body: REFUSED_BODY,
    };
  }
  return { status: 200, headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'private, no-store' }, body: await render() };
}
