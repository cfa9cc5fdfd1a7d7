// The worker's GET /metrics on its health server: bearer METRICS_TOKEN, queue depth by state
// read from BullMQ at scrape time, the outbox backlog, job runs by topic and outcome; and the
// edge access log it tails into edge cache hits and misses.
import { appendFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { env } from '../../lib/env';
import { enqueueJob } from '../../lib/jobs/outbox';
import { startJobWorker, type JobWorker } from '../../lib/jobs/worker';
import { watchEdgeLog } from '../../lib/observability/edge-log';
import { renderMetrics } from '../../lib/observability/metrics';
import { deleteQueueKeys, jobsDatabase, openQueue, testQueuePrefix, unusedPort, type JobsDatabase } from '../setup/jobs';

const prefix = testQueuePrefix('metrics');
const cleanups: Array<() => Promise<unknown> | unknown> = [];
let database: JobsDatabase;
let worker: JobWorker;
let base: string;
let ran = 0;

beforeAll(async () => {
  database = await jobsDatabase('jobs_metrics');
  const port = await unusedPort();
  worker = await startJobWorker({
    prefix,
    redisUrl: inject('queueRedisUrl'),
    port,
    schedulers: false,
    relay: false,
    db: database.db,
    handlers: {
      revalidate: async () => {
        ran += 1;
      },
    },
  });
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await worker?.close(5_000);
  for (const cleanup of cleanups.reverse()) await cleanup();
  await deleteQueueKeys(prefix);
  await database?.cleanup();
});

async function scrape(authorization?: string) {
  const response = await fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the worker's metrics", () => {
  it('refuses callers without the token, and keeps /health open', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token')).status).toBe(401);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('reports queue depth and the outbox backlog at scrape time, and counts job runs', async () => {
    const token = `Bearer ${env.METRICS_TOKEN}`;
    const { queue, close } = openQueue(inject('queueRedisUrl'), prefix);
    cleanups.push(close);
    // Two jobs that wait an hour, and one committed outbox row that no relay hands over here.
    await queue.add('revalidate', { tags: ['catalog'] }, { jobId: 'later-1', delay: 3_600_000 });
    await queue.add('revalidate', { tags: ['catalog'] }, { jobId: 'later-2', delay: 3_600_000 });
    await database.db.$transaction((tx) => enqueueJob(tx, { topic: 'revalidate', payload: { tags: ['channels'] } }));

    const first = await scrape(token);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(sample(first.text, 'primetime_queue_jobs{queue="primetime",state="delayed"}')).toBe(2);
    expect(sample(first.text, 'primetime_queue_jobs{queue="primetime",state="waiting"}')).toBe(0);
    expect(sample(first.text, 'primetime_outbox_pending')).toBe(1);

    // One job runs now: the depth drops back, the run is counted by topic and outcome.
    await queue.add('revalidate', { tags: ['catalog'] }, { jobId: 'now' });
    await until('the job to run', async () => ran === 1 && (await queue.getJob('now'))?.finishedOn !== undefined);
    await queue.remove('later-1');
    const second = await scrape(token);
    expect(sample(second.text, 'primetime_queue_jobs{queue="primetime",state="delayed"}')).toBe(1);
    expect(sample(second.text, 'primetime_jobs_total{topic="revalidate",outcome="done"}')).toBe(1);
    expect(sample(second.text, 'primetime_job_duration_seconds_count{topic="revalidate"}')).toBe(1);
  });
});

describe('the edge access log', () => {
  it("counts the edge's cache results appended after the worker started, across a truncation", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'edge-log-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'access.log');
    const line = (status: string) => `127.0.0.1 [2026-11-21T15:00:00+00:00] "GET /guide HTTP/1.1" 200 5120 cache=${status} rt=0.001\n`;
    await writeFile(file, line('HIT')); // before the watcher: not counted
    const watcher = await watchEdgeLog(file, { pollMs: 60_000 });
    cleanups.push(watcher.stop);

    await appendFile(file, line('MISS') + line('HIT') + line('HIT') + line('-') + 'half a line cache=');
    await watcher.poll();
    expect(watcher.counts).toEqual({ byStatus: { MISS: 1, HIT: 2 }, hits: 2, misses: 1 });
    await appendFile(file, 'STALE rt=0.000\n'); // the half line completed
    await watcher.poll();
    expect(watcher.counts.byStatus.STALE).toBe(1);

    await truncate(file, 0); // rotated
    await appendFile(file, line('UPDATING'));
    await watcher.poll();
    expect(watcher.counts).toMatchObject({ hits: 4, misses: 1 });

    const text = await renderMetrics();
    expect(text).toMatch(/^primetime_cache_requests_total\{layer="edge",result="hit"\} 4$/m);
    expect(text).toMatch(/^primetime_edge_responses_total\{cache_status="UPDATING"\} 1$/m);
  });
});
