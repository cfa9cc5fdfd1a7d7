// What the surge breaks a third into its peak (`--fault=`), issue 6's "bad input": each mode
// gives the apps what it needs before they start (a Redis of their own, a TCP proxy in front
// of PostgreSQL, a job worker), arms the fault once they run, and after the peak heals it and
// says how the system came back. The run's shared Redis and PostgreSQL are never touched:
//   redis         the app's own redis-server, stopped
//   app           one of the two Next instances, stopped
//   replica       reads routed to a "replica" that goes silent (every packet dropped). The
//                 replica is the primary seen through a proxy: what is under test is the
//                 app's routing and fall-back (lib/db/read-replica.ts); streaming replication
//                 itself is proven by tests/integration/read-replicas.test.ts
//   slow-primary  every packet to and from PostgreSQL delayed (Next and the per-user service)
//   worker        the job worker SIGKILLed, then an editor's publish (a revalidate job in the
//                 outbox) while none runs; after the peak a new worker must run it
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { Redis } from 'ioredis';
import { startDelayProxy, type DelayProxy } from '../../scripts/lib/delay-proxy.mjs';
import type { BenchContext } from './context';
import { waitForHttp } from './http';
import type { NextServer } from './next-app';
import type { SurgeFault } from './options';
import type { ManagedProcess } from './processes';
import { serverNode } from './runtime';

/** Added to every packet each way by --fault=slow-primary: a statement costs at least twice this. */
export const SLOW_PRIMARY_DELAY_MS = 250;
/** How long a recovery may take before the report calls it failed. */
const RECOVERY_TIMEOUT_MS = 90_000;

export interface ArmedFault {
  kind: SurgeFault;
  /** What happens at injection, for the report ("the app's Redis stopped"). */
  what: string;
  inject(): Promise<void>;
  /** After the peak: heals what can be healed and says how the system came back. */
  recover?(): Promise<string>;
}

export interface SurgeFaultSetup {
  /** The Redis the apps use: the run's, or the fault's own. */
  redisUrl: string;
  /** Extra environment for both Next instances and the surge's per-user service. */
  appEnv: Record<string, string>;
  /** The per-user service must be the surge's own: its environment differs from the run's shared one. */
  ownService: boolean;
  /** Called once the Next instances and the edge answer. */
  arm(parts: { next: NextServer[]; edge: { purgeUrl: string; purgeSecret: string } }): Promise<ArmedFault | undefined>;
}

export async function prepareSurgeFault(ctx: BenchContext, kind: SurgeFault): Promise<SurgeFaultSetup> {
  switch (kind) {
    case 'none':
      return { redisUrl: ctx.redisUrl, appEnv: {}, ownService: false, arm: async () => undefined };
    case 'redis': {
      const { url, proc } = await ownRedis(ctx, 'redis-fault', []);
      return {
        redisUrl: url,
        appEnv: {},
        ownService: true,
        arm: async () => ({ kind, what: "the app's Redis stopped", inject: () => proc.stop() }),
      };
    }
    case 'app':
      return {
        redisUrl: ctx.redisUrl,
        appEnv: {},
        ownService: false,
        arm: async ({ next }) => {
          const victim = next[1]!;
          return { kind, what: `one of the two Next instances (${victim.baseUrl}) stopped`, inject: () => victim.stop() };
        },
      };
    case 'replica': {
      const proxy = await proxyInFront(ctx);
      return {
        redisUrl: ctx.redisUrl,
        appEnv: { DATABASE_REPLICA_URLS: throughProxy(ctx.databaseUrl, proxy) },
        ownService: false,
        arm: async () => ({
          kind,
          what: 'the read replica went silent (the proxy in front of it drops every packet)',
          inject: async () => proxy.setMode({ kind: 'blackhole' }),
          recover: async () => {
            proxy.setMode({ kind: 'pass' });
            return 'the replica answers again; the apps try it again after their back-off';
          },
        }),
      };
    }
    case 'slow-primary': {
      const proxy = await proxyInFront(ctx);
      return {
        redisUrl: ctx.redisUrl,
        appEnv: { DATABASE_URL: throughProxy(ctx.databaseUrl, proxy) },
        ownService: true,
        arm: async () => ({
          kind,
          what: `PostgreSQL slowed down (every packet to and from it delayed ${SLOW_PRIMARY_DELAY_MS} ms)`,
          inject: async () => proxy.setMode({ kind: 'delay', ms: SLOW_PRIMARY_DELAY_MS }),
          recover: async () => {
            proxy.setMode({ kind: 'pass' });
            return 'PostgreSQL at full speed again';
          },
        }),
      };
    }
    case 'worker':
      return { redisUrl: ctx.redisUrl, appEnv: {}, ownService: false, arm: (parts) => armWorkerFault(ctx, parts) };
  }
}

async function ownRedis(ctx: BenchContext, name: string, extraArgs: string[]): Promise<{ url: string; proc: ManagedProcess }> {
  const port = await ctx.freePort();
  const proc = ctx.spawn(name, 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs]);
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(url);
  return { url, proc };
}

export async function waitForRedis(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    // A fresh client per attempt, never reconnecting by itself: one answer or one error.
    const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`surge: the fault mode's redis-server did not answer at ${url}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      redis.disconnect();
    }
  }
}

async function proxyInFront(ctx: BenchContext): Promise<DelayProxy> {
  const url = new URL(ctx.databaseUrl);
  const proxy = await startDelayProxy({ host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) });
  ctx.onTeardown(() => proxy.close());
  return proxy;
}

/** The database URL with its host and port replaced by the proxy's. */
function throughProxy(databaseUrl: string, proxy: DelayProxy): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}

/**
 * The job worker as production runs it (revalidating through Next, then purging the edge),
 * killed with SIGKILL mid-peak. An editor's publish then lands in the outbox while no worker
 * runs (written here as the admin write would: a `revalidate` row); after the peak a new
 * worker must hand it to the queue and run it.
 */
async function armWorkerFault(ctx: BenchContext, { next, edge }: Parameters<SurgeFaultSetup['arm']>[0]): Promise<ArmedFault> {
  const queue = await ownRedis(ctx, 'queue-redis-surge', ['--maxmemory-policy', 'noeviction']);
  const queuePrefix = `surge-${process.pid}`;
  const startWorker = async (name: string): Promise<ManagedProcess> => {
    const port = await ctx.freePort();
    const proc = ctx.spawn(name, serverNode(), ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'worker.ts')], {
      cwd: ctx.root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PRIMETIME_LOCAL: '1',
        DATABASE_URL: ctx.databaseUrl,
        REDIS_URL: ctx.redisUrl,
        QUEUE_REDIS_URL: queue.url,
        QUEUE_PREFIX: queuePrefix,
        WORKER_PORT: String(port),
        REVALIDATE_URL: `${next[0]!.baseUrl}/api/internal/revalidate`,
        EDGE_PURGE_URL: edge.purgeUrl,
        EDGE_PURGE_SECRET: edge.purgeSecret,
      },
    });
    await waitForHttp(`http://127.0.0.1:${port}/health`, proc, 60_000);
    return proc;
  };
  const first = await startWorker('worker-surge');
  let publishId: string | undefined;
  let publishedAt = 0;
  return {
    kind: 'worker',
    what: 'the job worker killed (SIGKILL), then an editor published (a revalidate job in the outbox) while none ran',
    inject: async () => {
      process.kill(-first.pid, 'SIGKILL');
      await first.exited;
      publishId = randomUUID();
      publishedAt = Date.now();
      await withClient(ctx.databaseUrl, (client) =>
        client.query(`INSERT INTO outbox_events (id, topic, payload) VALUES ($1, 'revalidate', $2)`, [publishId, JSON.stringify({ tags: ['channels'] })]),
      );
    },
    recover: async () => {
      if (!publishId) return 'nothing was published (the fault was not injected)';
      const waitingFor = (Date.now() - publishedAt) / 1000;
      const began = Date.now();
      await startWorker('worker-surge-2');
      const bull = new Queue('primetime', { connection: { url: queue.url }, prefix: queuePrefix });
      try {
        for (;;) {
          const state = await bull.getJobState(publishId);
          if (state === 'completed') break;
          if (state === 'failed') return `the publish made while no worker ran failed in the new worker (job ${publishId})`;
          if (Date.now() - began > RECOVERY_TIMEOUT_MS) return `a new worker did not run the publish within ${RECOVERY_TIMEOUT_MS / 1000} s (job state: ${state})`;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await bull.close();
      }
      return `the publish waited ${waitingFor.toFixed(0)} s in the outbox while no worker ran; a new worker revalidated and purged it ${((Date.now() - began) / 1000).toFixed(1)} s after starting`;
    },
  };
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
