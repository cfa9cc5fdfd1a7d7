// GET /api/me/entitlements: the viewer's profile summary for the per-user overlay
// (react-query fetches it once, staleTime ~5 min). The behaviour lives in
// lib/profile/me-endpoint.ts, shared with the lean per-user service that the edge routes
// this path to under load (docs/decisions/0006-per-user-endpoint-performance.md).
import { NextResponse, type NextRequest } from 'next/server';
import { answerMyEntitlements, PER_USER_CACHE_CONTROL } from '@/lib/profile/me-endpoint';
import { withRouteMetrics } from '@/lib/observability/route';

export const GET = withRouteMetrics('/api/me/entitlements', async (request: NextRequest) => {
  const { status, body } = await answerMyEntitlements({
    readCookie: (name) => request.cookies.get(name)?.value,
    headers: request.headers,
    now: Date.now(),
  });
  return NextResponse.json(body, { status, headers: { 'Cache-Control': PER_USER_CACHE_CONTROL } });
});
