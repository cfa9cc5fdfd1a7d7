// The worker process: the BullMQ consumer, the outbox relay and the upkeep schedules, plus
// a small health endpoint. Any number of worker processes may run: the relay claims rows
// with SKIP LOCKED, BullMQ hands each job to one worker, and the upkeep schedules are
// BullMQ job schedulers (one per id in Redis), so more workers never mean duplicate upkeep.
import { createServer, type Server } from 'node:http';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { db as defaultDb, type PrismaClient } from '@/lib/db/client';
import { env } from '@/lib/env';
import { METRICS_PATH, serveMetrics } from '@/lib/observability/node-http';
import { boundLog, logLine, type JobContext } from './context';
import { observeJob, registerQueueMetrics } from './metrics';
import { QUEUE_NAME, createJobQueue, createQueueRedis, warnUnlessNoEviction, withTimeout } from './queue';
import { dispatchJob, jobHandlers, type JobHandlers } from './registry';
import { createOutboxRelay } from './relay';
import type { JobTopic } from './topics';

export interface JobWorkerOptions {
  redisUrl?: string;
  prefix?: string;
  concurrency?: number;
  /** See WORKER_LOCK_MS in lib/env.ts. */
  lockMs?: number;
  /** Health endpoint port; null for none (tests). */
  port?: number | null;
  /** Register the upkeep job schedulers (default true). */
  schedulers?: boolean;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  relayPollMs?: number;
  handlers?: JobHandlers;
  db?: PrismaClient;
}

/** Upkeep on a timer. Scheduler ids are fixed, so every worker upserts the same two. */
export const UPKEEP_SCHEDULES = [
  // Daily is plenty: 24 months are kept ahead (AIRINGS_PARTITION_MONTHS_AHEAD).
  { topic: 'upkeep.partitions', every: 24 * 3_600_000 },
  // Triggers keep the counts exact; this repairs drift from loads that bypassed them.
  { topic: 'upkeep.counters', every: 5 * 60_000 },
  // Processed outbox rows are kept a week (lib/jobs/outbox-upkeep.ts).
  { topic: 'upkeep.outbox', every: 6 * 3_600_000 },
] as const satisfies readonly { topic: JobTopic; every: number }[];

/** Resolves when the connection is ready, or after `ms` (the caller then proceeds degraded). */
function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}

export async function startJobWorker(options: JobWorkerOptions = {}) {
  const prefix = options.prefix ?? env.QUEUE_PREFIX;
  const lockMs = options.lockMs ?? env.WORKER_LOCK_MS;
  const handlers = options.handlers ?? jobHandlers;
  const db = options.db ?? defaultDb;
  const producer = createQueueRedis('producer', options.redisUrl);
  const consumer = createQueueRedis('worker', options.redisUrl);
  const queue = createJobQueue(producer, { prefix });

  if (await readyWithin(producer, 3_000)) await warnUnlessNoEviction(producer);
  else logLine('warn', 'queue Redis not reachable yet: jobs wait in the outbox until it answers', { prefix });

  const processor = async (job: Job<unknown, void, string>) => {
    const attempt = job.attemptsStarted || job.attemptsMade + 1;
    const fields = { jobId: job.id, topic: job.name, attempt };
    const ctx: JobContext = { jobId: job.id ?? '', attempt, log: boundLog(fields) };
    const started = performance.now();
    logLine('info', 'job started', fields);
    try {
      await dispatchJob(job.name, job.data, ctx, handlers);
      observeJob(job.name, 'done', (performance.now() - started) / 1000);
      logLine('info', 'job done', { ...fields, durationMs: Math.round(performance.now() - started) });
    } catch (error) {
      observeJob(job.name, 'failed', (performance.now() - started) / 1000);
      const maxAttempts = job.opts.attempts ?? 1;
      logLine('error', 'job failed', {
        ...fields,
        durationMs: Math.round(performance.now() - started),
        error: error instanceof Error ? error.message : String(error),
        willRetry: attempt < maxAttempts && !(error instanceof UnrecoverableError),
      });
      throw error;
    }
  };

  const worker = new Worker<unknown, void, string>(QUEUE_NAME, processor, {
    connection: consumer,
    prefix,
    concurrency: options.concurrency ?? env.WORKER_CONCURRENCY,
    lockDuration: lockMs,
    // A job whose worker died is found within about half the lock time and runs again.
    stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    maxStalledCount: 2,
  });
  // ioredis retries every second or so while Redis is down: one line per 30 s is enough.
  let lastConnectionWarning = 0;
  worker.on('error', (error) => {
    if (Date.now() - lastConnectionWarning < 30_000) return;
    lastConnectionWarning = Date.now();
    logLine('warn', 'worker connection problem (repeats muted for 30 s)', { error: error.message });
  });

  const relay = options.relay === false ? undefined : createOutboxRelay({ db, queue, pollMs: options.relayPollMs });
  relay?.start();

  let closed = false;
  let schedulerTimer: NodeJS.Timeout | undefined;
  const upsertSchedules = async () => {
    try {
      for (const { topic, every } of UPKEEP_SCHEDULES) {
        await withTimeout(queue.upsertJobScheduler(topic, { every }, { name: topic, data: {} }), 5_000, 'registering a job scheduler');
      }
      logLine('info', 'upkeep schedules registered', { schedules: UPKEEP_SCHEDULES.map((s) => s.topic) });
    } catch (error) {
      // Queue Redis down at start: try again later; jobs from the outbox do not wait for this.
      logLine('warn', 'could not register the upkeep schedules yet', { error: error instanceof Error ? error.message : String(error) });
      if (!closed) schedulerTimer = setTimeout(() => void upsertSchedules(), 10_000);
    }
  };
  registerQueueMetrics(QUEUE_NAME, queue, db);
  const health = options.port === null ? undefined : await startHealthServer(options.port ?? env.WORKER_PORT, queue);
  // Not awaited: with the queue Redis down the worker still starts (the health endpoint
  // says 503) and registers the schedules once Redis answers.
  if (options.schedulers !== false) void upsertSchedules();

  return {
    queue,
    worker,
    relay,
    health,
    /**
     * Stops taking jobs, lets running ones finish (up to `graceMs`; a job still running
     * then is given back: its lock lapses and another worker runs it again), then closes.
     */
    async close(graceMs = 20_000): Promise<void> {
      closed = true;
      clearTimeout(schedulerTimer);
      health?.close();
      await relay?.stop();
      const finished = worker.close().then(() => true);
      const inTime = await Promise.race([finished, new Promise<false>((resolve) => setTimeout(() => resolve(false), graceMs).unref())]);
      if (!inTime) {
        logLine('warn', 'running jobs did not finish in time; they run again elsewhere', { graceMs });
        await worker.close(true);
      }
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    },
  };
}

export type JobWorker = Awaited<ReturnType<typeof startJobWorker>>;

/**
 * GET /health: 200 {ok, queue: counts} while the queue Redis answers, 503 otherwise.
 * GET /metrics: the worker's Prometheus metrics (bearer METRICS_TOKEN, lib/observability).
 */
function startHealthServer(port: number, queue: ReturnType<typeof createJobQueue>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path === METRICS_PATH) return serveMetrics(request, response);
    if (request.method !== 'GET' || path !== '/health') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue Redis did not answer within 1 s')), 1_000).unref());
    Promise.race([queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'), timeout]).then(
      (counts) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, queue: counts })),
      (error: Error) => response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: error.message })),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      logLine('info', 'worker health endpoint listening', { url: `http://127.0.0.1:${port}/health` });
      resolve(server);
    });
  });
}
