// Topic -> handler. The worker runs a job only after its payload parses with the topic's
// zod schema (lib/jobs/topics.ts); an unknown topic or a bad payload is a bug that no
// retry can fix, so it fails at once (UnrecoverableError) instead of six times.
import { UnrecoverableError } from 'bullmq';
import { runMediaVariantsJob } from '@/lib/media/variants-job';
import { runXmltvImportJob } from '@/lib/xmltv/import-job';
import type { JobContext, JobHandler } from './context';
import { runCounterUpkeepJob } from './counter-upkeep';
import { runOutboxUpkeepJob } from './outbox-upkeep';
import { runPartitionUpkeepJob } from './partition-upkeep';
import { runRevalidateJob } from './revalidate-job';
import { jobPayloadSchemas, type JobTopic } from './topics';

export type JobHandlers = { [T in JobTopic]?: JobHandler<T> };

export const jobHandlers: JobHandlers = {
  'xmltv.import': runXmltvImportJob,
  'media.variants': runMediaVariantsJob,
  revalidate: runRevalidateJob,
  'upkeep.partitions': runPartitionUpkeepJob,
  'upkeep.counters': runCounterUpkeepJob,
  'upkeep.outbox': runOutboxUpkeepJob,
};

function isTopic(name: string): name is JobTopic {
  return Object.hasOwn(jobPayloadSchemas, name);
}

/** Validates a job and runs its handler. */
export async function dispatchJob(name: string, data: unknown, ctx: JobContext, handlers: JobHandlers = jobHandlers): Promise<void> {
  if (!isTopic(name)) throw new UnrecoverableError(`unknown job topic "${name}"`);
  // Indexing by a union loses the topic-to-payload link; the schema parse below restores it.
  const handler = handlers[name] as JobHandler<JobTopic> | undefined;
  if (!handler) throw new UnrecoverableError(`no handler registered for job topic "${name}"`);
  const parsed = jobPayloadSchemas[name].safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
    throw new UnrecoverableError(`invalid payload for ${name}: ${problems}`);
  }
  await handler(parsed.data, ctx);
}
