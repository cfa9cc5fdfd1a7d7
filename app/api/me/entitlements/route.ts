// GET /api/me/entitlements: the viewer's profile summary for the per-user overlay
// (react-query fetches it once, staleTime ~5 min). Per-user and dynamic: never cached.
// Hot path: one JWE decryption and one HGETALL. It reads the session cookie directly
// rather than through getSessionUserId(), whose account-state read would be a second Redis
// call: the profile itself is null for disabled or deleted accounts (and is invalidated
// when an account is disabled), so a stale token still gets the anonymous summary.
import { NextResponse, type NextRequest } from 'next/server';
import { userIdFromSessionCookies } from '@/lib/auth/session';
import { summarise } from '@/lib/entitlements/summary';
import { errorResponse } from '@/lib/errors';
import { requestContextFrom } from '@/lib/geo/request-context';
import { getProfile } from '@/lib/profile';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

export async function GET(request: NextRequest) {
  try {
    const userId = await userIdFromSessionCookies((name) => request.cookies.get(name)?.value);
    const profile = userId ? await getProfile(userId) : null;
    return NextResponse.json(summarise(profile, requestContextFrom(request.headers), Date.now()), { headers: NO_STORE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
}
