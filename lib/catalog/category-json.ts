import 'server-only';
import { NextResponse } from 'next/server';
import { AppError, errorResponse } from '@/lib/errors';
import { CATALOG_CACHE_LIFE } from './cache-life';
import { decodeCursor } from './cursor';
import { edgeCacheControl } from './edge-cache';
import { getCategoryPage } from './get-category-page';

/**
 * The JSON answer of /api/catalog/categories/<slug>[/after/<cursor>]: 400 for a cursor
 * this app did not produce, 404 for an unknown category, else the cached page with
 * edge-cacheable headers.
 */
export async function categoryPageResponse(slug: string, cursor: string | null): Promise<NextResponse> {
  try {
    if (cursor !== null && !decodeCursor(cursor)) throw new AppError('bad_request', 'The cursor is not valid; start again from the first page.');
    const page = await getCategoryPage(slug, cursor);
    if (!page) throw new AppError('not_found', 'No such category.');
    return NextResponse.json(page, { headers: { 'Cache-Control': edgeCacheControl(CATALOG_CACHE_LIFE) } });
  } catch (error) {
    return errorResponse(error);
  }
}
