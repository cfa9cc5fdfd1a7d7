// One process of the lean per-user service: opens what the answers need, listens, and stops
// cleanly. Run alone, or as one of node:cluster's workers (cluster-primary.ts), which share
// the primary's listening socket.
import { geoDatabases } from '@/lib/geo/lookup';
import { joinClusterMetrics } from '@/lib/observability/cluster-metrics';
import { log } from '@/lib/observability/log';
import { flushPlaybackDecisions } from '@/lib/playback/authorise';
import { redisReady } from '@/lib/redis/client';
import { createPerUserServer } from './app';

export async function serve({ port, host, clusterWorker }: { port: number; host: string; clusterWorker: boolean }): Promise<void> {
  // As instrumentation.ts does for Next: open the GeoIP files (one warning if missing) and
  // connect to Redis before the first request (no offline queue: commands sent while
  // connecting would fail).
  geoDatabases();
  await redisReady();

  // A worker's GET /metrics answers for the whole cluster, whichever worker takes the scrape.
  const server = createPerUserServer({ renderMetrics: clusterWorker ? joinClusterMetrics() : undefined });
  server.listen(port, host, () => log.info({ url: `http://${host}:${port}` }, 'per-user service listening'));

  // Decision rows are written behind the answers (lib/playback/decision-log.ts): the last
  // ones are stored before the process goes.
  const shutdown = () => {
    server.close(() => void flushPlaybackDecisions().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
