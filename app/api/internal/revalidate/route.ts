import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { authorizeInternalCaller } from '@/lib/cache/internal-auth';
import { revalidateTagsNow } from '@/lib/cache/revalidate-now';
import { isKnownTag } from '@/lib/cache/tags';
import { waitForReplicasToCatchUp } from '@/lib/db/read-replica';
import { AppError, errorResponse } from '@/lib/errors';
import { withRouteMetrics } from '@/lib/observability/route';

const bodySchema = z.object({
  tags: z
    .array(z.string().max(256).refine(isKnownTag, { message: 'is not a tag this app assigns' }))
    .min(1)
    .max(500),
});

/**
 * Revalidates cache tags for callers outside a Next request (the worker, deploy hooks):
 * `updateTag` only works inside server actions, and a job runs in another process.
 * The data is expired at once, on every instance before the answer, so the next request
 * for an affected page renders fresh.
 */
export const POST = withRouteMetrics('/api/internal/revalidate', async (request: NextRequest) => {
  try {
    authorizeInternalCaller(request.headers.get('authorization'));
    const json: unknown = await request.json().catch(() => {
      throw new AppError('bad_request', 'The body must be JSON: {"tags": ["guide:utc:2026-12-31", …]}.');
    });
    const { tags } = bodySchema.parse(json);
    // The job's write has committed; the regeneration reads a replica (ADR 0013).
    await waitForReplicasToCatchUp();
    await revalidateTagsNow(tags);
    return NextResponse.json({ revalidated: tags });
  } catch (error) {
    return errorResponse(error);
  }
});
