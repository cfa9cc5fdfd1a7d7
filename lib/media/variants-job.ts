// The worker's handler for the `media.variants` topic (registered by the worker in lib/jobs/).
// The work is lib/media/variants.ts; this binds it to the configured store and MEDIA_BASE_URL.
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { JobContext } from '@/lib/jobs/context';
import type { JobPayload } from '@/lib/jobs/topics';
import { mediaStore } from './store';
import { makeVariants } from './variants';

export async function runMediaVariantsJob(payload: JobPayload<'media.variants'>, ctx: JobContext): Promise<void> {
  await makeVariants(payload.assetId, { db, store: mediaStore(), baseUrl: env.MEDIA_BASE_URL, log: ctx.log });
}
