// node-redis anchor for `npm run bench`: a bare Node `http` server, no framework, that
// answers every request with one Redis HGETALL of a 7-field profile hash, as JSON.
// It is the floor DESIGN.md's P2/P3 targets are measured against: whatever our
// profile endpoint adds on top of "one Redis read" shows up as a ratio below 1.
// Env: PORT (required), REDIS_URL (default redis://127.0.0.1:6379), BENCH_PROFILE_KEY,
// WORKERS (default 1): above 1, node:cluster forks that many processes on the one port, as
// the per-user service does with PER_USER_WORKERS, so both can be compared one per core.
import cluster from 'node:cluster';
import http from 'node:http';
import { Redis } from 'ioredis';

const workers = Number(process.env.WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
  // As the per-user service (services/per-user/cluster-primary.ts): workers accept themselves.
  if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_NONE;
  for (let index = 0; index < workers; index += 1) cluster.fork();
  // A worker that cannot start (Redis unreachable) ends the anchor with its exit code.
  cluster.on('exit', (_worker, code) => process.exit(code ?? 1));
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  await serve();
}

/** One process of the anchor: the server as it always was. */
async function serve() {
  const port = Number(process.env.PORT);
  if (!Number.isInteger(port) || port <= 0) {
    console.error('node-redis anchor: set PORT to the port to listen on');
    process.exit(64);
  }
  const key = process.env.BENCH_PROFILE_KEY ?? 'profile:bench';

  // Plain ioredis, no auto-pipelining: DESIGN.md's 23,700 req/s reference was measured so.
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(redisUrl, {
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
  });
  // Reconnect failures are reported once, below, not once per retry.
  redis.on('error', () => {});

  // The same kind of fields our real profile hash keeps (DESIGN.md "Entitlements").
  try {
    await redis.hset(key, {
      userId: 'bench',
      packages: 'basic:2099-12-31T23:59:59Z,sports:2099-12-31T23:59:59Z',
      country: 'GB',
      ispId: 'isp-bench',
      parentalLimit: '18',
      version: '1',
      checkedAt: new Date().toISOString(),
    });
  } catch (error) {
    console.error(
      `node-redis anchor: cannot write ${key} to Redis at ${redisUrl} (${error.message}). ` +
        'Start Redis (redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no) or set REDIS_URL.',
    );
    process.exit(69); // EX_UNAVAILABLE
  }

  const server = http.createServer((_request, response) => {
    redis.hgetall(key).then(
      (profile) => {
        const body = JSON.stringify(profile);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      },
      (error) => {
        response.writeHead(503, { 'content-type': 'text/plain' });
        response.end(`redis: ${error.message}`);
      },
    );
  });

  server.listen(port, '127.0.0.1', () => console.log(`node-redis anchor listening on 127.0.0.1:${port}`));

  const shutdown = () => {
    server.close();
    redis.disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
