// Every back-office page, route handler and server action in the production build, called
// as anonymous, viewer, editor and admin: the build's own manifests list them, so a route
// added later is probed without anyone remembering to, and a route missing from the
// matrix (e2e/support/route-matrix.ts) fails the test until someone decides who may use it.
// Pages: anonymous -> 307 to sign-in, viewer -> 403 (proxy.ts + the pages' own gates).
// Route handlers: anonymous -> 401, viewer -> 403 (each handler checks the role itself).
// Server actions: anonymous and viewer get the typed refusal, never data, never a 5xx,
// and nothing is written (the audit log does not grow).
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { builtActions, builtRoutes, concrete } from './support/build-manifest';
import { query } from './support/database';
import { FORGED_HEADERS, ROUTE_ACCESS } from './support/route-matrix';
import { anonymousClient, signedInClient, type SeedLogin } from './support/sessions';

type Role = 'EDITOR' | 'ADMIN';

/**
 * Who may use each back-office route of the build: the back-office lines of the one route
 * matrix (e2e/support/route-matrix.ts). Adding a route under /admin means adding it there.
 */
const ADMIN_ROUTE_MATRIX: Record<string, Role> = Object.fromEntries(
  Object.entries(ROUTE_ACCESS)
    .filter(([, access]) => access === 'editor' || access === 'admin')
    .map(([route, access]) => [route, access === 'admin' ? 'ADMIN' : 'EDITOR']),
);

/** Every route of the build under /admin or /api/admin. */
function builtAdminRoutes() {
  return builtRoutes().filter(({ route }) => /^\/(api\/)?admin(\/|$)/.test(route));
}

/** Every server action defined under app/admin (Next lists them with their file). */
const builtAdminActions = () => builtActions('app/admin/');

const HEADER_SETS = [{}, FORGED_HEADERS] as const;

const ROLE_OF: Record<SeedLogin, 'VIEWER' | Role> = { viewer: 'VIEWER', editor: 'EDITOR', admin: 'ADMIN' };
const may = (who: SeedLogin, needed: Role) => ROLE_OF[who] === 'ADMIN' || (ROLE_OF[who] === 'EDITOR' && needed === 'EDITOR');

async function auditRows(): Promise<number> {
  const [row] = await query<{ count: string }>('SELECT count(*) FROM audit_log');
  return Number(row?.count ?? 0);
}

// Dozens of server renders per test, on a 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.describe('back-office access probe', () => {
  const clients = {} as Record<SeedLogin | 'anonymous', APIRequestContext>;
  const routes = builtAdminRoutes();
  const actions = builtAdminActions();

  test.beforeAll(async ({ baseURL }) => {
    clients.anonymous = await anonymousClient(baseURL!);
    for (const who of ['viewer', 'editor', 'admin'] as const) clients[who] = await signedInClient(baseURL!, who);
  });

  test.afterAll(async () => {
    await Promise.all(Object.values(clients).map((client) => client.dispose()));
  });

  test('the build has back-office routes and actions, and every one is in the matrix', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(actions.length).toBeGreaterThan(10);
    const unlisted = routes.map(({ route }) => route).filter((route) => !(route in ADMIN_ROUTE_MATRIX));
    expect(unlisted, 'routes without an entry in ADMIN_ROUTE_MATRIX: decide who may use them').toEqual([]);
    const gone = Object.keys(ADMIN_ROUTE_MATRIX).filter((route) => !routes.some((built) => built.route === route));
    expect(gone, 'matrix entries for routes the build no longer has').toEqual([]);
  });

  test('pages: anonymous visitors are sent to sign-in, viewers get 403, editors only their sections', async () => {
    for (const { route } of routes.filter(({ kind }) => kind === 'page')) {
      const url = concrete(route);
      for (const headers of HEADER_SETS) {
        const anonymous = await clients.anonymous.get(url, { headers });
        expect(anonymous.status(), `anonymous GET ${url} ${JSON.stringify(headers)}`).toBe(307);
        expect(anonymous.headers().location, `anonymous GET ${url}`).toContain(`/sign-in?callbackUrl=${encodeURIComponent(url)}`);
        const viewer = await clients.viewer.get(url, { headers });
        expect(viewer.status(), `viewer GET ${url} ${JSON.stringify(headers)}`).toBe(403);
      }

      for (const who of ['viewer', 'editor', 'admin'] as const) {
        const response = await clients[who].get(url);
        const allowed = may(who, ADMIN_ROUTE_MATRIX[route]!);
        if (allowed) {
          expect(response.status(), `${who} GET ${url}`).toBeLessThan(500);
          expect([307, 401, 403], `${who} GET ${url}`).not.toContain(response.status());
        } else {
          expect(response.status(), `${who} GET ${url}`).toBe(403);
          const body = await response.text();
          expect(body, `${who} GET ${url}`).toContain('403 · Not allowed');
          expect(body, `${who} GET ${url} must not show the back-office navigation`).not.toContain('aria-label="Back office"');
        }
      }
    }
  });

  test('route handlers refuse anonymous callers with 401 and viewers with 403', async () => {
    for (const { route } of routes.filter(({ kind }) => kind === 'route')) {
      const url = concrete(route);
      for (const [method, forged] of [['GET', {}], ['POST', {}], ['GET', FORGED_HEADERS], ['POST', FORGED_HEADERS]] as const) {
        const call = (client: APIRequestContext): Promise<APIResponse> =>
          client.fetch(url, { method, headers: { ...forged, origin: new URL(url, 'http://127.0.0.1').origin }, data: method === 'POST' ? '{}' : undefined });
        const anonymous = await call(clients.anonymous);
        expect([401, 405], `anonymous ${method} ${url}`).toContain(anonymous.status());
        const viewer = await call(clients.viewer);
        expect([403, 405], `viewer ${method} ${url}`).toContain(viewer.status());
      }
    }
  });

  test('server actions refuse anonymous callers and viewers, answer no data and write nothing', async ({ baseURL }) => {
    const before = await auditRows();
    for (const action of actions) {
      const needed = ADMIN_ROUTE_MATRIX[action.page] ?? 'EDITOR';
      for (const [who, forged] of (['anonymous', 'viewer', ...(needed === 'ADMIN' ? (['editor'] as const) : [])] as const).flatMap((who) => HEADER_SETS.map((headers) => [who, headers] as const))) {
        const response = await clients[who].post(concrete(action.page), {
          headers: { ...forged, 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', origin: baseURL!, accept: 'text/x-component' },
          data: '[]',
        });
        const what = `${who} calling ${action.name} (${action.file}) ${JSON.stringify(forged)}`;
        expect(response.status(), what).toBeLessThan(500);
        const body = await response.text();
        const refused = [401, 403].includes(response.status()) || /"code":"(unauthorized|forbidden)"/.test(body);
        expect(refused, `${what} answered ${response.status()}: ${body.slice(0, 300)}`).toBe(true);
      }
    }
    expect(await auditRows(), 'refused actions must not write').toBe(before);
  });
});
