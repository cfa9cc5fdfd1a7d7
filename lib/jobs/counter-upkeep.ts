// `upkeep.counters`: repairs the denormalised `categories.title_count`. Triggers on
// title_categories keep it exact for every ordinary write; loads that bypass triggers
// (COPY with triggers off, a restore, a hand fix) can leave it wrong, and a wrong count is
// visible on the catalog. Recomputing is idempotent and touches only categories that drifted.
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { JobHandler } from './context';
import { enqueueJob } from './outbox';

export const runCounterUpkeepJob: JobHandler<'upkeep.counters'> = async (_payload, ctx) => {
  const fixed = await db.$transaction(async (tx) => {
    // refresh_category_counts() (init migration) with RETURNING, so the job knows what changed.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE categories c
         SET title_count = n.cnt
        FROM (SELECT c2.id, count(tc.title_id)::int AS cnt
                FROM categories c2 LEFT JOIN title_categories tc ON tc.category_id = c2.id
               GROUP BY c2.id) n
       WHERE c.id = n.id AND c.title_count IS DISTINCT FROM n.cnt
      RETURNING c.id::text AS id`;
    // The counts show on cached catalog pages. Expiring them is a job of its own, written in
    // this transaction: if this job is retried after the commit it finds nothing to fix, and
    // the revalidation must still happen.
    // TAGS.catalog covers the category list and every category page.
    if (rows.length > 0) await enqueueJob(tx, { topic: 'revalidate', payload: { tags: [TAGS.catalog] } });
    return rows.length;
  });
  ctx.log('category counts checked', { fixed });
};
