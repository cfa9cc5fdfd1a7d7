import type { NextRequest } from 'next/server';
import { categoryPageResponse } from '@/lib/catalog/category-json';
import { withRouteMetrics } from '@/lib/observability/route';

/** GET /api/catalog/categories/<slug>/after/<cursor>: the page after a cursor as JSON (shared, edge-cacheable). */
export const GET = withRouteMetrics('/api/catalog/categories/[slug]/after/[cursor]', async (_request: NextRequest, { params }: { params: Promise<{ slug: string; cursor: string }> }) => {
  const { slug, cursor } = await params;
  return categoryPageResponse(slug, cursor);
});
