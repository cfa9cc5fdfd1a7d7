// Entry point of the lean per-user service (services/per-user/app.ts):
//   PORT=3001 [PER_USER_WORKERS=2] node --conditions=react-server --import tsx services/per-user/server.ts
// `--conditions=react-server` makes `import 'server-only'` in the shared lib modules a no-op,
// as inside Next. Configuration is lib/env.ts's (DATABASE_URL, REDIS_URL, AUTH_SECRET,
// TRUSTED_PROXIES, PLAYBACK_SIGNING_SECRET...): the same values as the Next instances.
// PER_USER_WORKERS > 1 (one per core in production, docs/decisions/0018): this process becomes
// node:cluster's primary and forks that many workers on the same port; each runs serve.ts.
import cluster from 'node:cluster';
import { env } from '@/lib/env';
import { log, setLogService } from '@/lib/observability/log';

setLogService('per-user');
const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  log.error({ port: process.env.PORT }, 'per-user service: PORT must be a TCP port');
  process.exit(64);
}

if (cluster.isPrimary && env.PER_USER_WORKERS > 1) {
  const { runPrimary } = await import('./cluster-primary');
  runPrimary(env.PER_USER_WORKERS);
} else {
  const { serve } = await import('./serve');
  await serve({ port, host, clusterWorker: cluster.isWorker });
}
