// The Prometheus registry of a process: Node's default metrics (CPU, memory, event-loop lag,
// GC) and ours. Kept on globalThis: Next may bundle this module into several route chunks,
// and every copy must count into, and the metrics endpoint must read, the same registry.
//
// Hot paths pay O(1) and allocate nothing per request:
// - request latency goes into RequestHistogram (below), whose series are found with three
//   Map lookups on constant strings, where prom-client's Histogram builds and hashes a
//   label object on every observe();
// - everything else (cache hits, decisions, queue depth) is a plain counter kept by its
//   owner and read at scrape time through registerScrapedMetric().
import { collectDefaultMetrics, Registry } from 'prom-client';
import { cacheStatsSources } from './cache-stats';

/** Prometheus text exposition format 0.0.4. */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** Seconds. The per-user service answers in about a millisecond; admin pages take longer. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

type Labels = Record<string, string>;
interface Sample {
  labels: Labels;
  value: number;
  metricName?: string;
}
/** What prom-client's Registry reads from a metric (the shape of its own metrics' get()). */
interface MetricData {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  values: Sample[];
  aggregator: 'sum';
}

interface Series {
  labels: Labels;
  /** Per bucket, not cumulative: the cumulative counts are summed at scrape. */
  counts: Float64Array;
  sum: number;
  count: number;
}

// The methods a route can answer; anything else is one series, so a client cannot mint labels.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** `http_request_duration_seconds{route, method, status}`: route is a pattern, never a raw URL. */
export class RequestHistogram {
  readonly name = 'http_request_duration_seconds';
  readonly help = 'Time from a request reaching the handler to its response headers, by route pattern, method and status.';
  readonly type = 'histogram';
  private readonly routes = new Map<string, Map<string, Map<number, Series>>>();

  observe(route: string, method: string, status: number, seconds: number): void {
    const series = this.series(route, METHODS.has(method) ? method : 'OTHER', status);
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++;
    series.counts[bucket]! += 1; // the last slot is +Inf
    series.sum += seconds;
    series.count += 1;
  }

  private series(route: string, method: string, status: number): Series {
    let methods = this.routes.get(route);
    if (!methods) this.routes.set(route, (methods = new Map()));
    let statuses = methods.get(method);
    if (!statuses) methods.set(method, (statuses = new Map()));
    let series = statuses.get(status);
    if (!series) {
      series = { labels: { route, method, status: String(status) }, counts: new Float64Array(LATENCY_BUCKETS.length + 1), sum: 0, count: 0 };
      statuses.set(status, series);
    }
    return series;
  }

  get(): MetricData {
    const values: Sample[] = [];
    for (const methods of this.routes.values()) {
      for (const statuses of methods.values()) {
        for (const series of statuses.values()) {
          let cumulative = 0;
          LATENCY_BUCKETS.forEach((bound, i) => {
            cumulative += series.counts[i]!;
            values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le: String(bound) }, value: cumulative });
          });
          values.push({ metricName: `${this.name}_bucket`, labels: { ...series.labels, le: '+Inf' }, value: series.count });
          values.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.sum });
          values.push({ metricName: `${this.name}_count`, labels: series.labels, value: series.count });
        }
      }
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: 'sum' };
  }
}

export type ScrapedSamples = Array<[Labels, number]>;

/** A metric whose values its owner reads at scrape time (counters it keeps, a queue's depth). */
class ScrapedMetric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge',
    public read: () => ScrapedSamples | Promise<ScrapedSamples>,
  ) {}

  async get(): Promise<MetricData> {
    const samples = await this.read();
    return { name: this.name, help: this.help, type: this.type, values: samples.map(([labels, value]) => ({ labels, value })), aggregator: 'sum' };
  }
}

interface ProcessMetrics {
  registry: Registry;
  requests: RequestHistogram;
}

const globalForMetrics = globalThis as unknown as { primetimeMetrics?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  if (!globalForMetrics.primetimeMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new RequestHistogram();
    registry.registerMetric(requests as never);
    registry.registerMetric(
      new ScrapedMetric('primetime_cache_requests_total', 'Cache lookups by layer (profile, isr, use-cache, edge) and result (hit, miss).', 'counter', () => {
        const samples: ScrapedSamples = [];
        for (const [layer, read] of cacheStatsSources()) {
          const { hits, misses } = read();
          samples.push([{ layer, result: 'hit' }, hits], [{ layer, result: 'miss' }, misses]);
        }
        return samples;
      }) as never,
    );
    globalForMetrics.primetimeMetrics = { registry, requests };
  }
  return globalForMetrics.primetimeMetrics;
}

/** Records one answered request (route: the pattern, e.g. `/api/playback/[kind]/[id]`). */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  processMetrics().requests.observe(route, method, status, seconds);
}

/**
 * Registers a metric read at scrape time; registering a name again replaces its reader
 * (a module evaluated twice, a worker restarted in tests). `read` may be async (queue depth)
 * and should answer within a second.
 */
export function registerScrapedMetric(
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  read: () => ScrapedSamples | Promise<ScrapedSamples>,
): void {
  const { registry } = processMetrics();
  // Duck-typed, not instanceof: another bundled copy of this module may have registered it.
  const existing = registry.getSingleMetric(name) as unknown as Partial<ScrapedMetric> | undefined;
  if (existing && 'read' in existing) existing.read = read;
  else registry.registerMetric(new ScrapedMetric(name, help, type, read) as never);
}

/** The registry as Prometheus text. */
export function renderMetrics(): Promise<string> {
  return processMetrics().registry.metrics();
}
