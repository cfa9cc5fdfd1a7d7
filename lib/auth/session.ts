// Who is signed in, for per-user route handlers and pages. Reads the Auth.js session
// cookie directly (one JWE decryption, no Auth.js round trip), then checks the account's
// current state (lib/auth/user-state.ts): a disabled or deleted account has no session,
// whatever its token says.
import 'server-only';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { env } from '@/lib/env';
import { decodeSessionToken } from './session-token';
import { loadUserState, type UserState } from './user-state';

/** Auth.js cookie names: `__Secure-` when the site is served over HTTPS. */
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type CookieReader = (name: string) => string | undefined;

/** The session token, reassembled when Auth.js had to split it into `.0`, `.1`, ... chunks. */
function sessionToken(read: CookieReader): { name: string; token: string } | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = read(name);
    if (whole) return { name, token: whole };
    const chunks: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const chunk = read(`${name}.${index}`);
      if (!chunk) break;
      chunks.push(chunk);
    }
    if (chunks.length > 0) return { name, token: chunks.join('') };
  }
  return null;
}

/** The user id a session cookie vouches for (unexpired, made with our secret), or null. */
export async function userIdFromSessionCookies(read: CookieReader): Promise<string | null> {
  const found = sessionToken(read);
  if (!found) return null;
  // The salt is the cookie name: that is how Auth.js derives the encryption key.
  // decodeSessionToken: null when tampered, expired or made with another secret.
  const payload = await decodeSessionToken(found.token, env.AUTH_SECRET, found.name);
  return typeof payload?.sub === 'string' ? payload.sub : null;
}

/** The current state of the enabled user these cookies hold a session for, or null. */
export async function sessionUserFrom(read: CookieReader): Promise<UserState | null> {
  const userId = await userIdFromSessionCookies(read);
  if (!userId) return null;
  const state = await loadUserState(userId);
  return state && !state.disabled ? state : null;
}

/** The signed-in, enabled user's current state, or null for anonymous requests. */
export async function getSessionUserState(): Promise<UserState | null> {
  const jar = await cookies();
  // Per-request from here on: checking the token's expiry reads the clock, which Next
  // refuses while it prerenders a route's shell.
  await connection();
  return sessionUserFrom((name) => jar.get(name)?.value);
}

/** The signed-in user's id, or null (anonymous, expired, disabled). Never throws for anonymous. */
export async function getSessionUserId(): Promise<string | null> {
  return (await getSessionUserState())?.id ?? null;
}
