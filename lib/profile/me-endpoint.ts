// GET /api/me/entitlements, independent of the server that carries it: the Next route
// handler (app/api/me/entitlements/route.ts) and the lean per-user service
// (services/per-user/) both answer with this one function, so they cannot drift apart.
// Hot path: one JWE decryption (lib/auth/session-token.ts) and one HGETALL. It reads the
// session cookie directly rather than through sessionUserFrom(), whose account-state read
// would be a second Redis call: the profile itself is null for disabled or deleted accounts
// (and is invalidated when an account is disabled), so a stale token gets the anonymous summary.
// An editor's "view as" cookie (lib/view-as/) swaps in the simulated profile, place and clock.
import 'server-only';
import { userIdFromSessionCookies, type CookieReader } from '@/lib/auth/session';
import { summarise } from '@/lib/entitlements/summary';
import { errorPayload } from '@/lib/errors';
import { env } from '@/lib/env';
import type { HeaderReader } from '@/lib/geo/client-address';
import { requestContextFrom } from '@/lib/geo/request-context';
import { honouredViewAs, viewAsSummary } from '@/lib/view-as/honour';
import { viewAsCookieName } from '@/lib/view-as/cookie';
import { getProfile } from './index';

/** A JSON answer before it becomes a response: status and body. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

export interface PerUserRequest {
  readCookie: CookieReader;
  /** Needs the peer header (lib/geo/client-address.ts) and X-Forwarded-For. */
  headers: HeaderReader;
  now: number;
}

/** Per-user and dynamic: never cached anywhere. */
export const PER_USER_CACHE_CONTROL = 'private, no-store';

export async function answerMyEntitlements({ readCookie, headers, now }: PerUserRequest): Promise<JsonAnswer> {
  try {
    const userId = await userIdFromSessionCookies(readCookie);
    // Editors only, and only with the cookie: everyone else pays one cookie lookup, no read.
    const viewAsCookie = userId ? readCookie(viewAsCookieName()) : undefined;
    if (userId && viewAsCookie) {
      const choice = await honouredViewAs(viewAsCookie, userId, now, env.AUTH_SECRET);
      if (choice) return { status: 200, body: viewAsSummary(choice, userId, now) };
    }
    const profile = userId ? await getProfile(userId) : null;
    return { status: 200, body: summarise(profile, requestContextFrom(headers), now) };
  } catch (error) {
    return errorPayload(error);
  }
}
