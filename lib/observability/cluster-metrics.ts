// Metrics of a service that runs as one process per core (node:cluster, services/per-user).
// Prometheus scrapes one address, and whichever worker takes the scrape would otherwise
// answer for itself alone (a third of the requests on three cores). So that worker asks the
// primary, which gathers every worker's registry with prom-client's AggregatorRegistry
// (counters and histograms summed, Node's default metrics by their own aggregators) and
// sends the text back. Plain single-process servers keep calling renderMetrics().
import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { processMetrics } from './metrics';

const REQUEST = 'primetime:cluster-metrics-request';
const RESPONSE = 'primetime:cluster-metrics-response';
/** A scrape waits at most this long for the primary (prom-client's own limit per worker is 5 s). */
const ANSWER_TIMEOUT_MS = 6_000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}
interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  body?: string;
  error?: string;
}

const isRequest = (message: unknown): message is MetricsRequest =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REQUEST;
const isResponse = (message: unknown): message is MetricsResponse =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === RESPONSE;

/** In the primary: answers every worker's request for the whole cluster's metrics. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRequest(message)) return;
    aggregator.clusterMetrics().then(
      (body) => worker.send({ type: RESPONSE, id: message.id, body } satisfies MetricsResponse),
      (error: unknown) => worker.send({ type: RESPONSE, id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies MetricsResponse),
    );
  });
}

/**
 * In a worker: lets the primary read this process's registry, and returns the function that
 * renders the cluster's metrics (for GET /metrics).
 */
export function joinClusterMetrics(): () => Promise<string> {
  if (!cluster.isWorker || !process.send) throw new Error('joinClusterMetrics() is for node:cluster workers');
  AggregatorRegistry.setRegistries([processMetrics().registry]);
  // prom-client installs a worker's answering listener when an AggregatorRegistry is made.
  new AggregatorRegistry();
  const waiting = new Map<number, { resolve: (body: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let nextId = 0;
  process.on('message', (message: unknown) => {
    if (!isResponse(message)) return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    clearTimeout(pending.timer);
    if (message.body !== undefined) pending.resolve(message.body);
    else pending.reject(new Error(`cluster metrics: ${message.error ?? 'no answer'}`));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`cluster metrics: the primary did not answer within ${ANSWER_TIMEOUT_MS} ms`));
      }, ANSWER_TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      process.send!({ type: REQUEST, id } satisfies MetricsRequest);
    });
}
