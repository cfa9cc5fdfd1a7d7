// The signed-in viewer's watchlist: GET lists it, POST adds { kind, id }, DELETE removes it.
// Per-user and dynamic (never cached). The user comes from the session only, so nobody can
// name another user's list. Writes require a JSON body: a cross-site form cannot send one
// without a CORS preflight, which this route does not answer.
import { connection } from 'next/server';
import { NextResponse, type NextRequest } from 'next/server';
import { requireUser } from '@/lib/auth/guards';
import { AppError, errorResponse } from '@/lib/errors';
import { watchlistItemRefSchema } from '@/lib/watchlist/schema';
import { addToWatchlist, listWatchlist, removeFromWatchlist } from '@/lib/watchlist/watchlist';
import { withRouteMetrics } from '@/lib/observability/route';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function privateError(error: unknown): NextResponse {
  const response = errorResponse(error);
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

async function itemFrom(request: NextRequest) {
  if (!request.headers.get('content-type')?.startsWith('application/json')) {
    throw new AppError('bad_request', 'Send the item as JSON: { "kind": "title" | "program", "id": "<uuid>" }.');
  }
  const body: unknown = await request.json().catch(() => {
    throw new AppError('bad_request', 'The body is not valid JSON.');
  });
  return watchlistItemRefSchema.parse(body);
}

export const GET = withRouteMetrics('/api/me/watchlist', async () => {
  // Outside the try: the prerender bail-out must not be caught as an error.
  await connection();
  try {
    const user = await requireUser();
    return NextResponse.json({ items: await listWatchlist(user.id) }, { headers: NO_STORE });
  } catch (error) {
    return privateError(error);
  }
});

export const POST = withRouteMetrics('/api/me/watchlist', async (request: NextRequest) => {
  try {
    const user = await requireUser();
    const item = await itemFrom(request);
    const { added } = await addToWatchlist(user.id, item);
    return NextResponse.json({ item, added }, { status: added ? 201 : 200, headers: NO_STORE });
  } catch (error) {
    return privateError(error);
  }
});

export const DELETE = withRouteMetrics('/api/me/watchlist', async (request: NextRequest) => {
  try {
    const user = await requireUser();
    const item = await itemFrom(request);
    const { removed } = await removeFromWatchlist(user.id, item);
    return NextResponse.json({ item, removed }, { headers: NO_STORE });
  } catch (error) {
    return privateError(error);
  }
});
