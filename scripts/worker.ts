// `npm run worker`: one background-job worker process (lib/jobs/worker.ts). Run as
//   node --conditions=react-server --import tsx scripts/worker.ts
// (`react-server` makes `import 'server-only'` a no-op, as inside Next). Configuration is
// lib/env.ts's: DATABASE_URL, QUEUE_REDIS_URL, QUEUE_PREFIX, WORKER_PORT, REVALIDATE_URL,
// METRICS_TOKEN, EDGE_ACCESS_LOG...
// Start as many as needed; SIGTERM or SIGINT stops one gracefully.
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { logLine } from '@/lib/jobs/context';
import { startJobWorker } from '@/lib/jobs/worker';
import { watchEdgeLog } from '@/lib/observability/edge-log';
import { setLogService } from '@/lib/observability/log';

setLogService('worker');
const worker = await startJobWorker();
// Edge cache hits and misses, counted from the edge's access log on this host (one worker per edge host).
const edgeLog = env.EDGE_ACCESS_LOG ? await watchEdgeLog(env.EDGE_ACCESS_LOG) : undefined;
logLine('info', 'worker started', { pid: process.pid, edgeAccessLog: env.EDGE_ACCESS_LOG ?? null });

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    process.exit(130); // a second signal: stop now; running jobs run again elsewhere
  }
  stopping = true;
  logLine('info', 'worker stopping', { signal });
  try {
    edgeLog?.stop();
    await worker.close();
    await db.$disconnect();
  } finally {
    logLine('info', 'worker stopped');
    process.exit(0);
  }
}
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
