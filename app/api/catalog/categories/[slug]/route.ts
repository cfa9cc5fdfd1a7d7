import type { NextRequest } from 'next/server';
import { categoryPageResponse } from '@/lib/catalog/category-json';
import { withRouteMetrics } from '@/lib/observability/route';

/** GET /api/catalog/categories/<slug>: a category's first page as JSON (shared, edge-cacheable). */
export const GET = withRouteMetrics('/api/catalog/categories/[slug]', async (_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  return categoryPageResponse(slug, null);
});
