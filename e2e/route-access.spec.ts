// The access probe over EVERY route of the production build (its own app-paths-manifest, so
// a route added later is probed without anyone remembering to): each page and route handler
// called as anonymous, viewer, editor and admin, plainly, with forged bypass headers
// (x-middleware-subrequest, X-Forwarded-For, the app's peer stamp) and as if for another
// site (Host, X-Forwarded-Host, Origin), checked against the one route matrix
// (e2e/support/route-matrix.ts). A route without a line there fails the first test.
// The back office's roles are probed in depth by back-office-access.spec.ts (pages, handlers
// and server actions); here every other kind is, and then the object-level rule: a viewer
// never reads or changes another viewer's data by naming it.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { builtRoutes, concrete } from './support/build-manifest';
import { query } from './support/database';
import { expectNoLeak } from './support/hostile';
import { CALLERS, FOREIGN_SITE_HEADERS, FORGED_HEADERS, mayUse, ROUTE_ACCESS, type Caller } from './support/route-matrix';
import { anonymousClient, OTHER_VIEWER, SEED_LOGINS, signedInClient } from './support/sessions';

const HEADER_SETS = { plain: {}, forged: FORGED_HEADERS, 'foreign site': FOREIGN_SITE_HEADERS } as const;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
const BACK_OFFICE = new Set(['editor', 'admin']);

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.describe('access probe over every route of the build', () => {
  const clients = {} as Record<Caller, APIRequestContext>;
  const routes = builtRoutes();

  test.beforeAll(async ({ baseURL }) => {
    clients.anonymous = await anonymousClient(baseURL!);
    for (const who of ['viewer', 'editor', 'admin'] as const) clients[who] = await signedInClient(baseURL!, who);
  });

  test.afterAll(async () => {
    await Promise.all(Object.values(clients).map((client) => client.dispose()));
  });

  test('every route of the build has a line in the route matrix, and every line a route', () => {
    expect(routes.length).toBeGreaterThan(40);
    const unlisted = routes.map(({ route }) => route).filter((route) => !(route in ROUTE_ACCESS));
    expect(unlisted, 'routes without a line in e2e/support/route-matrix.ts: decide who may use them').toEqual([]);
    const gone = Object.keys(ROUTE_ACCESS).filter((route) => !routes.some((built) => built.route === route));
    expect(gone, 'route-matrix lines for routes the build no longer has').toEqual([]);
  });

  test('pages: public ones answer everyone alike, signed-in ones send anonymous visitors to sign-in', async () => {
    for (const { route } of routes.filter(({ kind, route }) => kind === 'page' && !BACK_OFFICE.has(ROUTE_ACCESS[route] ?? ''))) {
      const access = ROUTE_ACCESS[route]!;
      const url = concrete(route);
      for (const [setName, headers] of Object.entries(HEADER_SETS)) {
        const statuses = new Set<number>();
        for (const caller of CALLERS) {
          const response = await clients[caller].get(url, { headers });
          const what = `${caller} GET ${url} (${setName} headers)`;
          const body = await response.text();
          expectNoLeak(what, response.status(), body);
          expectNoForeignRedirect(what, response);
          if (access === 'signed-in' && !mayUse(caller, access)) {
            expect(redirectedToSignIn(response) || /\/sign-in\?callbackUrl=/.test(body), `${what} must be sent to sign-in, answered ${response.status()}`).toBe(true);
            expect(body, `${what} must show no account`).not.toMatch(/@primetime\.test/);
          } else {
            expect(redirectedToSignIn(response), `${what} was sent to sign-in`).toBe(false);
            expect(response.status(), what).not.toBe(401);
            if (access === 'signed-in') expect(response.status(), what).not.toBe(403);
            statuses.add(response.status());
          }
        }
        if (access === 'public') expect(statuses.size, `GET ${url} (${setName}) must answer every caller alike: ${[...statuses]}`).toBe(1);
      }
    }
  });

  test('route handlers: per the matrix for every method, caller and forged header', async ({ baseURL }) => {
    for (const { route } of routes.filter(({ kind, route }) => kind === 'route' && !BACK_OFFICE.has(ROUTE_ACCESS[route] ?? ''))) {
      const access = ROUTE_ACCESS[route]!;
      const url = concrete(route);
      // Public handlers are read-only: GET and POST show their answer to every caller.
      for (const method of access === 'public' ? METHODS.slice(0, 2) : METHODS) {
        for (const [setName, forged] of Object.entries(HEADER_SETS)) {
          const statuses = new Set<number>();
          for (const caller of CALLERS) {
            const response = await clients[caller].fetch(url, {
              method,
              headers: { origin: baseURL!, 'content-type': 'application/json', ...forged },
              data: method === 'GET' ? undefined : '{}',
            });
            const what = `${caller} ${method} ${url} (${setName} headers)`;
            expectNoLeak(what, response.status(), await response.text());
            expectNoForeignRedirect(what, response);
            const status = response.status();
            if (status === 405) continue; // the handler does not export this method
            if (access === 'bearer' || (access === 'signed-in' && !mayUse(caller, access))) {
              expect(status, `${what} must be refused with 401`).toBe(401);
            } else if (access === 'signed-in') {
              expect([401, 403], what).not.toContain(status);
            } else if (access === 'public') {
              // Alike for every caller (checked below); /access-denied is a 403 for everyone.
              expect(status, what).not.toBe(401);
            }
            statuses.add(status);
          }
          if (access === 'public' && method === 'GET') expect(statuses.size, `GET ${url} (${setName}) must answer every caller alike`).toBe(1);
        }
      }
    }
  });

  test('machine routes refuse a wrong bearer token and a browser session alike', async () => {
    for (const [route] of Object.entries(ROUTE_ACCESS).filter(([, access]) => access === 'bearer')) {
      for (const authorization of ['Bearer wrong', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(10_000)}`]) {
        for (const caller of CALLERS) {
          const response = await clients[caller].fetch(concrete(route), { method: route.includes('revalidate') ? 'POST' : 'GET', headers: { authorization, ...FORGED_HEADERS }, data: '{"tags":["channels"]}' });
          expect(response.status(), `${caller} ${route} with ${authorization.slice(0, 20)}`).toBe(401);
        }
      }
    }
  });
});

test.describe('object-level access: a viewer never reaches another viewer’s data', () => {
  let mine: APIRequestContext;
  let theirs: APIRequestContext;
  let me: { id: string; email: string };
  let them: { id: string; email: string };
  let titleId: string;

  test.beforeAll(async ({ baseURL }) => {
    mine = await signedInClient(baseURL!, 'viewer');
    theirs = await signedInClient(baseURL!, OTHER_VIEWER);
    const users = await query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1)', [[SEED_LOGINS.viewer.email, OTHER_VIEWER.email]]);
    me = users.find((user) => user.email === SEED_LOGINS.viewer.email)!;
    them = users.find((user) => user.email === OTHER_VIEWER.email)!;
    // A title neither has yet, so every row this test sees is its own doing.
    const [title] = await query<{ id: string }>(
      `SELECT id FROM vod_titles t WHERE NOT EXISTS (SELECT 1 FROM watchlist_items w WHERE w.item_id = t.id AND w.user_id = ANY($1)) ORDER BY id LIMIT 1`,
      [[me.id, them.id]],
    );
    titleId = title!.id;
  });

  test.afterAll(async () => {
    await query('DELETE FROM watchlist_items WHERE item_id = $1 AND user_id = ANY($2)', [titleId, [me.id, them.id]]);
    await Promise.all([mine?.dispose(), theirs?.dispose()]);
  });

  const rowsOf = async (userId: string) =>
    (await query<{ item_id: string }>('SELECT item_id FROM watchlist_items WHERE user_id = $1 AND item_id = $2', [userId, titleId])).length;

  test('watchlist: naming another viewer in the query, the body or a header reads and changes only one’s own list', async () => {
    const item = { kind: 'title', id: titleId };
    expect((await theirs.post('/api/me/watchlist', { data: item })).status()).toBe(201);

    for (const url of ['/api/me/watchlist', `/api/me/watchlist?userId=${them.id}`, `/api/me/watchlist?user=${them.id}&user_id=${them.id}`]) {
      const response = await mine.get(url, { headers: { 'x-user-id': them.id } });
      expect(response.status(), url).toBe(200);
      expect(JSON.stringify(await response.json()), `${url} must not list the other viewer's item`).not.toContain(titleId);
    }
    const removed = await mine.delete(`/api/me/watchlist?userId=${them.id}`, { data: item });
    expect(await removed.json()).toMatchObject({ removed: false });
    for (const body of [{ ...item, userId: them.id }, { ...item, user: { id: them.id } }, [item, { userId: them.id }]]) {
      expect((await mine.delete('/api/me/watchlist', { data: body })).status(), JSON.stringify(body)).toBe(400);
      expect((await mine.post('/api/me/watchlist', { data: body })).status(), JSON.stringify(body)).toBe(400);
    }
    expect(await rowsOf(them.id), 'the other viewer keeps their item').toBe(1);
    expect(await rowsOf(me.id), 'nothing was added to mine by naming theirs').toBe(0);
  });

  test('account, profile and session answers are the caller’s own, whatever id the request names', async () => {
    const account = await (await mine.get(`/account?userId=${them.id}&id=${them.id}`)).text();
    expect(account).not.toContain(them.email);
    const session = (await (await mine.get(`/api/auth/session?userId=${them.id}`)).json()) as { user?: { email?: string; id?: string } };
    expect(session.user).toMatchObject({ email: me.email, id: me.id });
    const summary = async (url: string, headers?: Record<string, string>) => {
      const { serverTime: _clock, ...rest } = (await (await mine.get(url, { headers })).json()) as Record<string, unknown>;
      return rest;
    };
    const own = await summary('/api/me/entitlements');
    expect(own).toMatchObject({ signedIn: true });
    expect(JSON.stringify(own)).toContain(me.id);
    expect(JSON.stringify(own)).not.toContain(them.id);
    const named = await summary(`/api/me/entitlements?userId=${them.id}`, { 'x-user-id': them.id });
    expect(named, 'the profile summary ignores ids in the request').toEqual(own);
  });

  test('a session token for another viewer made without the server’s secret is nobody’s session', async ({ baseURL }) => {
    const forged = await encode({ token: { sub: them.id, email: them.email, role: 'VIEWER' }, secret: 'a-guessed-secret-that-is-long-enough-0123456789', salt: 'authjs.session-token' });
    const stranger = await anonymousClient(baseURL!);
    try {
      for (const name of ['authjs.session-token', '__Secure-authjs.session-token', 'authjs.session-token.0']) {
        const headers = { cookie: `${name}=${forged}` };
        expect((await stranger.get('/api/me/watchlist', { headers })).status(), name).toBe(401);
        const session = await (await stranger.get('/api/auth/session', { headers })).json();
        expect(JSON.stringify(session), name).not.toContain(them.id);
      }
    } finally {
      await stranger.dispose();
    }
  });

  test('playback decisions are taken and logged for the session’s viewer, never for a named one', async () => {
    const [channel] = await query<{ id: string }>('SELECT id FROM channels WHERE archived_at IS NULL ORDER BY number LIMIT 1');
    const started = new Date();
    const response = await mine.post(`/api/playback/channel/${channel!.id}?userId=${them.id}`, { data: { userId: them.id }, headers: { 'x-user-id': them.id } });
    expect([200, 403]).toContain(response.status());
    // The row is written just behind the answer (lib/playback/decision-log.ts).
    const loggedUsers = async () =>
      (await query<{ user_id: string | null }>('SELECT user_id FROM playback_decisions WHERE target_id = $1 AND created_at >= $2', [channel!.id, started])).map((row) => row.user_id);
    await expect.poll(loggedUsers).toContain(me.id);
    expect(await loggedUsers()).not.toContain(them.id);
  });
});

/** A redirect to the sign-in page (streamed pages may instead carry a client-side one in the body). */
function redirectedToSignIn(response: APIResponse): boolean {
  return [302, 303, 307, 308].includes(response.status()) && (response.headers().location ?? '').includes('/sign-in');
}

/** A Location must never send the browser to the host a request named (Host header injection). */
function expectNoForeignRedirect(what: string, response: APIResponse): void {
  expect(response.headers().location ?? '', `${what} redirects to a foreign host`).not.toContain('evil.example');
}
