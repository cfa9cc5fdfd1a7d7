// Every background job the worker knows, with the zod schema of its payload. One module so
// the code that enqueues (inside a write's transaction) and the worker that runs it agree on
// names and shapes; a payload that does not parse is a bug and fails the job without retries.
import { z } from 'zod';

export const JOB_TOPICS = {
  /** Run an uploaded XMLTV file into the schedule; progress and report on `import_runs`. */
  xmltvImport: 'xmltv.import',
  /** Make the content-hashed AVIF/WebP variants of an uploaded image and record their URLs. */
  mediaVariants: 'media.variants',
  /** Revalidate cache tags (Next data cache) and purge them at the edge. */
  revalidate: 'revalidate',
  /** Create the next months' airing partitions, detach old ones. */
  partitionUpkeep: 'upkeep.partitions',
  /** Recompute denormalised counters (category title counts). */
  counterUpkeep: 'upkeep.counters',
  /** Delete outbox rows handed to the queue long ago. */
  outboxUpkeep: 'upkeep.outbox',
} as const;

export type JobTopic = (typeof JOB_TOPICS)[keyof typeof JOB_TOPICS];

export const jobPayloadSchemas = {
  'xmltv.import': z.object({ importRunId: z.uuid() }),
  'media.variants': z.object({ assetId: z.uuid() }),
  revalidate: z.object({ tags: z.array(z.string().min(1)).min(1).max(500) }),
  'upkeep.partitions': z.object({}),
  'upkeep.counters': z.object({}),
  'upkeep.outbox': z.object({}),
} satisfies Record<JobTopic, z.ZodType>;

export type JobPayload<T extends JobTopic> = z.output<(typeof jobPayloadSchemas)[T]>;
