// POST /api/playback/{airing|channel|episode|title}/{id}: may the viewer play it now?
// The behaviour lives in lib/playback/endpoint.ts, shared with the lean per-user service
// (docs/decisions/0006-per-user-endpoint-performance.md).
import { NextResponse, type NextRequest } from 'next/server';
import { answerPlayback } from '@/lib/playback/endpoint';
import { PER_USER_CACHE_CONTROL } from '@/lib/profile/me-endpoint';
import { withRouteMetrics } from '@/lib/observability/route';

export const POST = withRouteMetrics('/api/playback/[kind]/[id]', async (request: NextRequest, { params }: { params: Promise<{ kind: string; id: string }> }) => {
  const { kind, id } = await params;
  const { status, body } = await answerPlayback({
    rawKind: kind,
    rawId: id,
    readCookie: (name) => request.cookies.get(name)?.value,
    headers: request.headers,
    now: Date.now(),
  });
  return NextResponse.json(body, { status, headers: { 'Cache-Control': PER_USER_CACHE_CONTROL } });
});
