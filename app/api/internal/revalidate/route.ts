import { revalidateTag } from 'next/cache';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { authorizeInternalCaller } from '@/lib/cache/internal-auth';
import { isKnownTag } from '@/lib/cache/tags';
import { AppError, errorResponse } from '@/lib/errors';

const bodySchema = z.object({
  tags: z
    .array(z.string().max(256).refine(isKnownTag, { message: 'is not a tag this app assigns' }))
    .min(1)
    .max(500),
});

/**
 * Revalidates cache tags for callers outside a Next request (the worker, deploy hooks):
 * `updateTag` only works inside server actions, and a job runs in another process.
 * The data is expired at once, so the next request for an affected page renders fresh.
 */
export async function POST(request: NextRequest) {
  try {
    authorizeInternalCaller(request.headers.get('authorization'));
    const json: unknown = await request.json().catch(() => {
      throw new AppError('bad_request', 'The body must be JSON: {"tags": ["guide:utc:2026-12-31", …]}.');
    });
    const { tags } = bodySchema.parse(json);
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return NextResponse.json({ revalidated: tags });
  } catch (error) {
    return errorResponse(error);
  }
}
