// node:cluster's primary for the per-user service (PER_USER_WORKERS > 1): forks the workers,
// which share one listening socket and accept from it themselves (see SCHED_NONE below),
// replaces a worker that dies, stops them all on SIGTERM / SIGINT, and answers the workers'
// requests for the whole cluster's metrics. It runs none of the request code itself.
// Why processes and not a bigger single one: docs/decisions/0018-per-user-service-per-core.md.
import cluster from 'node:cluster';
import { serveClusterMetrics } from '@/lib/observability/cluster-metrics';
import { log } from '@/lib/observability/log';

/** A worker that died after it was listening is replaced after this pause (bounds a crash loop's pace). */
const REPLACE_AFTER_MS = 1_000;
/** Workers get this long to finish their answers and store their decision rows. */
const STOP_GRACE_MS = 5_000;

export function runPrimary(workers: number): void {
  // The workers accept connections themselves instead of the primary accepting each one and
  // handing it over by IPC (Node's round-robin default on Linux). Measured with wrk, 256 new
  // connections, two processes (per-user service and bench anchor alike): the same req/s,
  // p99 40-90 ms instead of 170-530 ms, the hand-over queueing behind the primary on a busy
  // machine. Both workers stayed equally busy (CPU within 10 %). Also, a connection can no
  // longer be handed to a worker that just died. NODE_CLUSTER_SCHED_POLICY=rr still selects
  // round-robin. docs/decisions/0018-per-user-service-per-core.md.
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  serveClusterMetrics();
  const startedAt = new Map<number, number>();
  const listening = new Set<number>();
  let stopping = false;

  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  cluster.on('listening', (worker) => listening.add(worker.id));
  const running = () => Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const worker of running()) worker?.process.kill('SIGTERM');
    if (running().length === 0) process.exit(code);
    setTimeout(() => {
      for (const worker of running()) worker?.process.kill('SIGKILL');
      process.exit(code);
    }, STOP_GRACE_MS).unref();
    cluster.on('exit', () => {
      if (running().length === 0) process.exit(code);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    const wasListening = listening.delete(worker.id);
    startedAt.delete(worker.id);
    if (stopping) return;
    // One that never listened cannot start at all (bad configuration, port taken, Redis
    // unreachable): forking it again would loop, so the service stops and says why.
    if (!wasListening) {
      log.error({ workerPid: worker.process.pid, code, signal }, 'per-user worker exited before listening; stopping the service (its lines above say why)');
      stop(1);
      return;
    }
    log.error({ workerPid: worker.process.pid, code, signal, livedMs: lived }, 'per-user worker died; starting another');
    setTimeout(() => stopping || fork(), REPLACE_AFTER_MS);
  });

  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let index = 0; index < workers; index += 1) fork();
  log.info({ workers }, 'per-user service: primary started its workers');
}
