// Revalidation from a route handler that is visible on every instance when the handler
// answers. Next applies a route handler's revalidateTag() only after the response has been
// sent (its pending revalidations run as the request's waitUntil), so a caller that loads
// a page the moment /api/internal/revalidate answers 200 could still get the old render.
// Writing the same tag records to the shared cache Redis ourselves, before answering,
// closes that window; Next's own write a moment later only moves the expiry forward.
import { revalidateTag } from 'next/cache';
import { sharedStore } from './handlers/redis-store.mjs';

/** Expires `tags` now, in this process and (with the shared Redis cache) for every instance, before returning. */
export async function revalidateTagsNow(tags: readonly string[]): Promise<void> {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  // NEXT_CACHE_HANDLER=memory (one `next dev` alone) keeps tags in this process only.
  if (process.env.NEXT_CACHE_HANDLER !== 'memory') await sharedStore().updateTags(tags, { expire: 0 });
}
