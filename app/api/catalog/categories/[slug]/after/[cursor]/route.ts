import type { NextRequest } from 'next/server';
import { categoryPageResponse } from '@/lib/catalog/category-json';

/** GET /api/catalog/categories/<slug>/after/<cursor>: the page after a cursor as JSON (shared, edge-cacheable). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string; cursor: string }> }) {
  const { slug, cursor } = await params;
  return categoryPageResponse(slug, cursor);
}
