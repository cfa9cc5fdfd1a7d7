// Session cookies against the running build, read straight from Set-Cookie (Node's fetch,
// so no browser jar hides an attribute):
// - served over HTTPS (the edge terminating TLS says so with X-Forwarded-Proto: https, which
//   the edge itself overwrites, so a client cannot choose it), Auth.js names its cookies
//   `__Host-` / `__Secure-` and marks them Secure; over plain HTTP it uses the plain names;
//   every one is HttpOnly and SameSite=Lax, and our own session reader accepts both names;
// - signing in never keeps a cookie that was there before (session fixation): the new token
//   is freshly made for the account that signed in, nothing carried over;
// - disabling an account ends its existing sessions everywhere on the next request.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';
import { env } from '@/lib/env';
import { query } from './support/database';
import { withRedis } from './support/redis';

/** Seeded viewers no other spec signs in with (sign-ins are rate limited per address). */
const HTTPS_VIEWER = { email: 'viewer6@primetime.test', password: 'primetime-viewer' };
const ROTATION_VIEWER = { email: 'viewer7@primetime.test', password: 'primetime-viewer' };
/** Copied (password hash included) into a throwaway account for the disabling test. */
const SEEDED_VIEWER = { email: 'viewer8@primetime.test', password: 'primetime-viewer' };

interface SetCookie {
  name: string;
  value: string;
  attributes: string[];
}

function parseSetCookies(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes: attributes.map((attribute) => attribute.toLowerCase()) };
  });
}

/** A tiny cookie jar over fetch, so each request shows exactly what it sent and got. */
class Client {
  readonly jar = new Map<string, string>();
  readonly received: SetCookie[] = [];

  constructor(
    private readonly baseURL: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async fetch(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.extraHeaders, ...init.headers, cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') };
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(new URL(path, this.baseURL), { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const cookie of parseSetCookies(response)) {
      this.received.push(cookie);
      const expired = cookie.value === '' || cookie.attributes.some((attribute) => attribute === 'max-age=0' || attribute.startsWith('expires=thu, 01 jan 1970'));
      if (expired) this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    return response;
  }

  async signIn(credentials: { email: string; password: string }): Promise<void> {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    await this.fetch('/api/auth/callback/credentials', { method: 'POST', form: { ...credentials, csrfToken, callbackUrl: '/account' } });
  }

  sessionCookie(): [string, string] | undefined {
    return [...this.jar].find(([name]) => /^(__Secure-)?authjs\.session-token$/.test(name));
  }
}

function expectFlags(cookie: SetCookie, secure: boolean): void {
  const what = `Set-Cookie ${cookie.name}`;
  expect(cookie.attributes, what).toContain('httponly');
  expect(cookie.attributes, what).toContain('samesite=lax');
  expect(cookie.attributes, what).toContain('path=/');
  expect(cookie.attributes.some((attribute) => attribute.startsWith('domain=')), `${what} must not widen to a domain`).toBe(false);
  if (secure) expect(cookie.attributes, what).toContain('secure');
  else expect(cookie.attributes, what).not.toContain('secure');
}

test.describe.configure({ mode: 'serial' });

test('served over HTTPS: __Host- / __Secure- cookies, Secure, HttpOnly, SameSite=Lax, and the session works under its secure name', async ({ baseURL }) => {
  const client = new Client(baseURL!, { 'x-forwarded-proto': 'https' });
  await client.signIn(HTTPS_VIEWER);
  const names = client.received.map((cookie) => cookie.name);
  expect(names).toEqual(expect.arrayContaining(['__Host-authjs.csrf-token', '__Secure-authjs.callback-url', '__Secure-authjs.session-token']));
  expect(names.filter((name) => !/^__(Host|Secure)-/.test(name)), 'every cookie carries a secure prefix over HTTPS').toEqual([]);
  for (const cookie of client.received) expectFlags(cookie, true);
  // __Host-: the browser also insists on Path=/ and no Domain, checked above.
  expect(client.sessionCookie()?.[0]).toBe('__Secure-authjs.session-token');
  expect((await client.fetch('/api/me/watchlist')).status, 'our own reader accepts the __Secure- session').toBe(200);
  expect(((await (await client.fetch('/api/auth/session')).json()) as { user: { email: string } }).user.email).toBe(HTTPS_VIEWER.email);
});

test('served over plain HTTP (local runs): the plain names, HttpOnly and SameSite=Lax, without Secure', async ({ baseURL }) => {
  const client = new Client(baseURL!);
  await client.signIn(HTTPS_VIEWER);
  expect(client.received.map((cookie) => cookie.name)).toEqual(expect.arrayContaining(['authjs.csrf-token', 'authjs.callback-url', 'authjs.session-token']));
  for (const cookie of client.received) expectFlags(cookie, false);
});

test('signing in replaces whatever session cookie was there before: nothing carries over (no session fixation)', async ({ baseURL }) => {
  const [planted] = await query<{ id: string }>("SELECT id FROM users WHERE email = 'viewer3@primetime.test'");
  const [signingIn] = await query<{ id: string }>('SELECT id FROM users WHERE email = $1', [ROTATION_VIEWER.email]);
  // A valid session someone else made (as if planted in the victim's browser), with extra claims.
  const plantedToken = await encode({
    token: { sub: planted!.id, email: 'viewer3@primetime.test', role: 'ADMIN', plantedClaim: 'carried-over' },
    secret: env.AUTH_SECRET,
    salt: 'authjs.session-token',
  });
  const client = new Client(baseURL!);
  client.jar.set('authjs.session-token', plantedToken);
  expect(((await (await client.fetch('/api/auth/session')).json()) as { user: { id: string } }).user.id).toBe(planted!.id);

  await client.signIn(ROTATION_VIEWER);
  const [, token] = client.sessionCookie() ?? [];
  expect(token, 'a new session cookie was set').toBeTruthy();
  expect(token).not.toBe(plantedToken);
  const claims = await decode({ token: token!, secret: env.AUTH_SECRET, salt: 'authjs.session-token' });
  expect(claims).toMatchObject({ sub: signingIn!.id, email: ROTATION_VIEWER.email, role: 'VIEWER' });
  expect(claims).not.toHaveProperty('plantedClaim');
  expect(((await (await client.fetch('/api/auth/session')).json()) as { user: { id: string } }).user.id).toBe(signingIn!.id);
});

test('disabling an account ends its sessions: per-user APIs, Auth.js and pages treat it as signed out', async ({ baseURL }) => {
  // An account of this test's own (a copy of a seeded viewer, password included): disabling
  // a shared seeded one would sign out any other test using it meanwhile (--repeat-each runs
  // copies of this test in parallel).
  const viewer = { email: `disabled-${randomUUID()}@e2e.test`, password: SEEDED_VIEWER.password };
  const [user] = await query<{ id: string }>(
    `INSERT INTO users (id, email, name, password_hash, role, home_country, time_zone, updated_at)
     SELECT gen_random_uuid(), $1, 'E2E disabled viewer', password_hash, role, home_country, time_zone, now() FROM users WHERE email = $2
     RETURNING id`,
    [viewer.email, SEEDED_VIEWER.email],
  );
  if (!user) throw new Error(`no ${SEEDED_VIEWER.email}: is the database seeded (--size=test)?`);
  const client = new Client(baseURL!);
  await client.signIn(viewer);
  expect((await client.fetch('/api/me/watchlist')).status).toBe(200);
  const session = client.sessionCookie()!;
  try {
    // As the admin action does: disable, then expire the cached account state.
    await query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    await withRedis((redis) => redis.del(`user-state:${user.id}`, `profile:${user.id}`));

    expect((await client.fetch('/api/me/watchlist')).status, 'per-user API').toBe(401);
    const summary = (await (await client.fetch('/api/me/entitlements')).json()) as { signedIn: boolean };
    expect(summary.signedIn, 'profile summary').toBe(false);
    const play = await client.fetch(`/api/playback/channel/00000000-0000-4000-8000-000000000000`, { method: 'POST' });
    expect(play.status).toBeLessThan(500);
    const account = await client.fetch('/account');
    expect(await account.text(), '/account shows no account').not.toContain(viewer.email);
    const authSession = await client.fetch('/api/auth/session');
    expect(await authSession.json(), 'Auth.js has no session').toBeNull();
    expect(client.sessionCookie(), 'Auth.js cleared the cookie').toBeUndefined();
    // The token itself is still well-formed: holding on to a copy does not help either.
    const replay = await fetch(new URL('/api/me/watchlist', baseURL), { headers: { cookie: `${session[0]}=${session[1]}` } });
    expect(replay.status, 'a kept copy of the token').toBe(401);
  } finally {
    await query('DELETE FROM users WHERE id = $1', [user.id]);
    await withRedis((redis) => redis.del(`user-state:${user.id}`, `profile:${user.id}`));
  }
});
