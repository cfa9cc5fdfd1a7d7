// The worker against real PostgreSQL and Redis: retries with backoff, payloads that fail
// their schema fail at once, and a worker killed mid-job (SIGKILL, the real worker script)
// leaves a job that runs again on another worker and completes once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { env } from '../../lib/env';
import type { JobContext } from '../../lib/jobs/context';
import { enqueueJob } from '../../lib/jobs/outbox';
import { startJobWorker, type JobWorker } from '../../lib/jobs/worker';
import { deleteQueueKeys, jobsDatabase, openQueue, testQueuePrefix, unusedPort, type JobsDatabase } from '../setup/jobs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const prefix = testQueuePrefix('worker');
const cleanups: Array<() => Promise<unknown> | unknown> = [];
let database: JobsDatabase;

beforeAll(async () => {
  database = await jobsDatabase('jobs_worker');
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await deleteQueueKeys(prefix);
  await database?.cleanup();
});

function producerQueue(queuePrefix = prefix) {
  const { queue, close } = openQueue(inject('queueRedisUrl'), queuePrefix);
  cleanups.push(close);
  return queue;
}

async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const finished = (job: Job | undefined) => (job?.finishedOn ? job : undefined);

describe('the job worker', () => {
  let worker: JobWorker;
  const runs: { attempt: number; at: number; jobId: string }[] = [];

  beforeAll(async () => {
    worker = await startJobWorker({
      prefix,
      redisUrl: inject('queueRedisUrl'),
      port: null,
      schedulers: false,
      relay: false,
      db: database.db,
      handlers: {
        // Fails twice, then succeeds: stands in for Next restarting during a deploy.
        revalidate: async (_payload, ctx: JobContext) => {
          runs.push({ attempt: ctx.attempt, at: Date.now(), jobId: ctx.jobId });
          if (ctx.attempt < 3) throw new Error(`Next is restarting (attempt ${ctx.attempt})`);
        },
      },
    });
    cleanups.push(() => worker.close(5_000));
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const queue = producerQueue();
    await queue.add('revalidate', { tags: ['catalog'] }, { jobId: 'retry-me', backoff: { type: 'exponential', delay: 300 } });
    const job = await until('the job to finish', async () => finished(await queue.getJob('retry-me')));
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(3);
    const mine = runs.filter((run) => run.jobId === 'retry-me');
    expect(mine.map((run) => run.attempt)).toEqual([1, 2, 3]);
    // Exponential: ~300 ms, then ~600 ms.
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(280);
    expect(mine[2]!.at - mine[1]!.at).toBeGreaterThanOrEqual(580);
  });

  it('fails a job whose payload does not match its topic at once, without retries', async () => {
    const queue = producerQueue();
    await queue.add('revalidate', { tags: [] }, { jobId: 'bad-payload' });
    await queue.add('no.such.topic' as 'revalidate', {}, { jobId: 'bad-topic' });
    for (const id of ['bad-payload', 'bad-topic']) {
      const job = await until(`${id} to finish`, async () => finished(await queue.getJob(id)));
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(1); // of 6
    }
    expect((await queue.getJob('bad-payload'))?.failedReason).toMatch(/invalid payload for revalidate: tags/);
    expect((await queue.getJob('bad-topic'))?.failedReason).toMatch(/unknown job topic/);
    expect(runs.some((run) => run.jobId.startsWith('bad-'))).toBe(false);
  });
});

describe('a worker killed mid-job', () => {
  it('runs the job again on another worker, and it completes once', { timeout: 180_000 }, async () => {
    const killPrefix = `${prefix}-kill`;
    cleanups.push(() => deleteQueueKeys(killPrefix));
    // Plays Next's /api/internal/revalidate: holds the first request open (the worker is
    // mid-job when it is killed), answers the next ones. Expiring a tag is idempotent, so
    // the effect is the set of expired tags, whatever the number of deliveries.
    const requests: { body: string; authorization: string | undefined }[] = [];
    const expired = new Set<string>();
    let firstArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    const server: Server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests.push({ body, authorization: request.headers.authorization });
        if (requests.length === 1) return firstArrived(); // never answered
        for (const tag of (JSON.parse(body) as { tags: string[] }).tags) expired.add(tag);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    const serverPort = (server.address() as { port: number }).port;

    const children: ChildProcess[] = [];
    const output: string[] = [];
    const startWorkerProcess = async () => {
      const port = await unusedPort();
      const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          QUEUE_REDIS_URL: inject('queueRedisUrl'),
          QUEUE_PREFIX: killPrefix,
          WORKER_PORT: String(port),
          WORKER_LOCK_MS: '2000',
          REVALIDATE_URL: `http://127.0.0.1:${serverPort}/api/internal/revalidate`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      children.push(child);
      cleanups.push(() => child.kill('SIGKILL'));
      // The health endpoint answers once the worker runs.
      const health = await until(
        () => `the worker health endpoint; its output:\n${output.join('')}`,
        async () => {
          if (child.exitCode !== null) throw new Error(`the worker exited: ${output.join('')}`);
          const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
          return response?.ok ? ((await response.json()) as { ok: boolean; queue: Record<string, number> }) : undefined;
        },
        60_000, // tsx compiles the worker's imports at start: slow on a busy 2-core machine
      );
      expect(health.ok).toBe(true);
      expect(health.queue).toHaveProperty('waiting');
      return child;
    };

    const first = await startWorkerProcess();
    // The cause, committed with its job; the worker's relay picks it up.
    const [outboxId] = await database.db.$transaction(async (tx) => {
      await enqueueJob(tx, { topic: 'revalidate', payload: { tags: ['catalog'] } });
      return (await tx.outboxEvent.findMany({ where: { topic: 'revalidate' }, select: { id: true } })).map((row) => row.id);
    });
    await arrived;
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const second = await startWorkerProcess();
    const queue = producerQueue(killPrefix);
    const job = await until('the job to complete on the second worker', async () => finished(await queue.getJob(outboxId!)), 45_000);
    expect(await job.getState()).toBe('completed');

    // Delivered twice (the killed attempt and the re-run), with the secret, same body ...
    expect(requests).toHaveLength(2);
    expect(requests.map((request) => request.body)).toEqual([JSON.stringify({ tags: ['catalog'] }), JSON.stringify({ tags: ['catalog'] })]);
    expect(requests.every((request) => request.authorization === `Bearer ${env.REVALIDATE_SECRET}`)).toBe(true);
    // ... one job, one outbox hand-over, one effect.
    expect([...expired]).toEqual(['catalog']);
    const row = await database.db.outboxEvent.findUniqueOrThrow({ where: { id: outboxId! } });
    expect(row.processedAt).not.toBeNull();
    expect(row.attempts).toBe(0);
    const completedRevalidations = (await queue.getJobs(['completed'])).filter((candidate) => candidate.name === 'revalidate');
    expect(completedRevalidations.map((candidate) => candidate.id)).toEqual([outboxId]);

    // SIGTERM stops a worker gracefully: it finishes (here: has no) running jobs and exits 0.
    const exited = new Promise<number | null>((resolve) => second.once('exit', (code) => resolve(code)));
    second.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('"msg":"worker stopped"');
  });
});
