// Entry point of the lean per-user service (services/per-user/app.ts):
//   PORT=3001 node --conditions=react-server --import tsx services/per-user/server.ts
// `--conditions=react-server` makes `import 'server-only'` in the shared lib modules a no-op,
// as inside Next. Configuration is lib/env.ts's (DATABASE_URL, REDIS_URL, AUTH_SECRET,
// TRUSTED_PROXIES, PLAYBACK_SIGNING_SECRET...): the same values as the Next instances.
import { geoDatabases } from '@/lib/geo/lookup';
import { flushPlaybackDecisions } from '@/lib/playback/authorise';
import { log, setLogService } from '@/lib/observability/log';
import { redisReady } from '@/lib/redis/client';
import { createPerUserServer } from './app';

setLogService('per-user');
const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  log.error({ port: process.env.PORT }, 'per-user service: PORT must be a TCP port');
  process.exit(64);
}

// As instrumentation.ts does for Next: open the GeoIP files (one warning if missing) and
// connect to Redis before the first request (no offline queue: commands sent while
// connecting would fail).
geoDatabases();
await redisReady();

const server = createPerUserServer();
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
