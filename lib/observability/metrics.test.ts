import { describe, expect, it } from 'vitest';
import { registerCacheStats } from './cache-stats';
import { countEdgeLine, type EdgeLogCounts } from './edge-log';
import { metricsCallerAllowed } from './metrics-auth';
import { observeRequest, registerScrapedMetric, renderMetrics, RequestHistogram } from './metrics';
import { statusOfThrown } from './route';
import { serverTimingHeader } from './timing';

describe('RequestHistogram', () => {
  it('exposes cumulative buckets, sum and count per route, method and status', () => {
    const histogram = new RequestHistogram();
    histogram.observe('/api/me/entitlements', 'GET', 200, 0.0004);
    histogram.observe('/api/me/entitlements', 'GET', 200, 0.003);
    histogram.observe('/api/me/entitlements', 'GET', 200, 20);
    histogram.observe('/api/me/entitlements', 'BREW', 405, 0.001);
    const values = histogram.get().values;
    const ok = values.filter((v) => v.labels.status === '200');
    const bucket = (le: string) => ok.find((v) => v.metricName === 'http_request_duration_seconds_bucket' && v.labels.le === le)?.value;
    expect(bucket('0.0005')).toBe(1);
    expect(bucket('0.0025')).toBe(1);
    expect(bucket('0.005')).toBe(2);
    expect(bucket('10')).toBe(2);
    expect(bucket('+Inf')).toBe(3);
    expect(ok.find((v) => v.metricName === 'http_request_duration_seconds_count')?.value).toBe(3);
    expect(ok.find((v) => v.metricName === 'http_request_duration_seconds_sum')?.value).toBeCloseTo(20.0034, 6);
    // An unknown method is one label value, whatever clients send.
    expect(values.some((v) => v.labels.method === 'OTHER' && v.labels.status === '405')).toBe(true);
  });
});

describe('the process registry', () => {
  it('renders our metrics and Node defaults in the text format', async () => {
    observeRequest('/api/search', 'GET', 200, 0.02);
    registerCacheStats('unit-test', () => ({ hits: 7, misses: 3 }));
    registerScrapedMetric('primetime_unit_test_total', 'A test counter.', 'counter', () => [[{ kind: 'a' }, 1]]);
    registerScrapedMetric('primetime_unit_test_total', 'A test counter.', 'counter', () => [[{ kind: 'a' }, 2]]); // replaces the reader
    const text = await renderMetrics();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{route="\/api\/search",method="GET",status="200",le="0\.025"\} 1$/m);
    expect(text).toMatch(/^primetime_cache_requests_total\{layer="unit-test",result="hit"\} 7$/m);
    expect(text).toMatch(/^primetime_cache_requests_total\{layer="unit-test",result="miss"\} 3$/m);
    expect(text).toMatch(/^primetime_unit_test_total\{kind="a"\} 2$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('refuses cache layer names that would make odd labels', () => {
    expect(() => registerCacheStats('Edge Cache!', () => ({ hits: 0, misses: 0 }))).toThrow(/lower-case/);
  });
});

describe('metricsCallerAllowed', () => {
  const token = 'a-metrics-token-of-at-least-32-characters';
  it('admits exactly the bearer token', () => {
    expect(metricsCallerAllowed(`Bearer ${token}`, token)).toBe(true);
    expect(metricsCallerAllowed(`Bearer ${token}x`, token)).toBe(false);
    expect(metricsCallerAllowed(token, token)).toBe(false);
    expect(metricsCallerAllowed(null, token)).toBe(false);
  });
  it('admits nobody when no token is configured', () => {
    expect(metricsCallerAllowed('Bearer ', undefined)).toBe(false);
    expect(metricsCallerAllowed('Bearer undefined', undefined)).toBe(false);
  });
});

describe('Server-Timing and thrown statuses', () => {
  it('names total, and db and redis only when used', () => {
    expect(serverTimingHeader(12.345)).toBe('total;dur=12.35');
    expect(serverTimingHeader(5, { db: 3.5, dbQueries: 2, redis: 0, redisCommands: 0 })).toBe('total;dur=5.00, db;dur=3.50;desc="2 queries"');
  });
  it("maps Next's control-flow errors to the status it answers", () => {
    expect(statusOfThrown(Object.assign(new Error('x'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;401' }))).toBe(401);
    expect(statusOfThrown(Object.assign(new Error('x'), { digest: 'NEXT_REDIRECT;replace;/sign-in;307;' }))).toBe(307);
    expect(statusOfThrown(Object.assign(new Error('x'), { digest: 'DYNAMIC_SERVER_USAGE' }))).toBeNull();
    expect(statusOfThrown(new Error('boom'))).toBe(500);
  });
});

describe('countEdgeLine', () => {
  it('counts cache results from the cache= token and ignores uncached locations', () => {
    const counts: EdgeLogCounts = { byStatus: {}, hits: 0, misses: 0 };
    for (const line of [
      '127.0.0.1 [2026-11-21T15:00:00+00:00] "GET /guide HTTP/1.1" 200 5120 cache=HIT rt=0.000',
      '127.0.0.1 [2026-11-21T15:00:00+00:00] "GET /guide HTTP/1.1" 200 5120 cache=STALE rt=0.000',
      '127.0.0.1 [2026-11-21T15:00:00+00:00] "GET /guide HTTP/1.1" 200 5120 cache=MISS rt=0.020',
      '127.0.0.1 [2026-11-21T15:00:00+00:00] "GET /_next/static/a.js HTTP/1.1" 200 10 cache=- rt=0.000',
      '127.0.0.1 [2026-11-21T15:00:00+00:00] "GET /?cache=HIT HTTP/1.1" 200 10 cache= rt=0.000',
      'garbage',
    ]) countEdgeLine(line, counts);
    expect(counts).toEqual({ byStatus: { HIT: 1, STALE: 1, MISS: 1 }, hits: 2, misses: 1 });
  });
});
