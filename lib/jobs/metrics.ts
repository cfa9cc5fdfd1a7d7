// The worker's metrics: queue depth by state (BullMQ's job counts), outbox rows not yet
// handed to the queue, both read at scrape time, and every job's outcome and duration by topic.
import { Counter, Histogram } from 'prom-client';
import type { PrismaClient } from '@/lib/db/client';
import { processMetrics, registerScrapedMetric } from '@/lib/observability/metrics';
import { withTimeout, type createJobQueue } from './queue';
import { JOB_TOPICS } from './topics';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;

/** Reads the queue's depth and the outbox backlog on every scrape (each bounded to 1 s). */
export function registerQueueMetrics(queueName: string, queue: ReturnType<typeof createJobQueue>, db: PrismaClient): void {
  registerScrapedMetric('primetime_queue_jobs', 'Jobs in the BullMQ queue by state, read at scrape time (absent while the queue Redis does not answer).', 'gauge', async () => {
    const counts = await withTimeout(queue.getJobCounts(...QUEUE_STATES), 1_000, 'reading the queue counts').catch(() => undefined);
    return counts ? QUEUE_STATES.map((state) => [{ queue: queueName, state }, counts[state] ?? 0]) : [];
  });
  registerScrapedMetric('primetime_outbox_pending', 'Outbox rows committed but not yet handed to the queue (a dead queue Redis makes this grow).', 'gauge', async () => {
    const pending = await withTimeout(db.outboxEvent.count({ where: { processedAt: null } }), 1_000, 'counting the outbox').catch(() => undefined);
    return pending === undefined ? [] : [[{}, pending]];
  });
}

interface JobMetrics {
  runs: Counter<'topic' | 'outcome'>;
  duration: Histogram<'topic'>;
}

const KNOWN_TOPICS = new Set<string>(Object.values(JOB_TOPICS));

function jobMetrics(): JobMetrics {
  const { registry } = processMetrics();
  const existing = registry.getSingleMetric('primetime_jobs_total');
  if (existing) return { runs: existing as Counter<'topic' | 'outcome'>, duration: registry.getSingleMetric('primetime_job_duration_seconds') as Histogram<'topic'> };
  return {
    runs: new Counter({ name: 'primetime_jobs_total', help: 'Job runs by topic and outcome (done, failed: will retry or gave up).', labelNames: ['topic', 'outcome'], registers: [registry] }),
    duration: new Histogram({
      name: 'primetime_job_duration_seconds',
      help: 'Job run time by topic.',
      labelNames: ['topic'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
  };
}

/** Counts one finished run; unknown topics (a bad job name) share one label value. */
export function observeJob(topic: string, outcome: 'done' | 'failed', seconds: number): void {
  const label = KNOWN_TOPICS.has(topic) ? topic : 'unknown';
  const { runs, duration } = jobMetrics();
  runs.inc({ topic: label, outcome });
  duration.observe({ topic: label }, seconds);
}
