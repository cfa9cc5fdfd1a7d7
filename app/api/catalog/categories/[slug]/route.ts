import type { NextRequest } from 'next/server';
import { categoryPageResponse } from '@/lib/catalog/category-json';

/** GET /api/catalog/categories/<slug>: a category's first page as JSON (shared, edge-cacheable). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return categoryPageResponse(slug, null);
}
