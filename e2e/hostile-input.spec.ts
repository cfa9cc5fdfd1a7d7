// Hostile input against the running production build: fast-check throws malformed,
// oversized and adversarial values into every URL parameter, query string and JSON body of
// the public pages and route handlers (the build's own route list, so a new route is
// probed without anyone remembering to). Whatever comes in: never a 5xx, never a stack
// trace or internal path in the answer. Back-office routes are probed for their refusals by
// back-office-access.spec.ts.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { builtRoutes } from './support/build-manifest';
import { expectSafe, hostileSegment as segment } from './support/hostile';

/** Public routes of the build (pages and handlers), without the back office and Auth.js's own. */
function publicRoutes(): string[] {
  return builtRoutes()
    .map(({ route }) => route)
    .filter((route) => !/^\/(api\/)?admin(\/|$)/.test(route) && !route.startsWith('/api/auth'));
}

/** A concrete URL for a route pattern, each parameter replaced by a (URL-encoded) hostile value. */
function fill(route: string, values: string[]): string {
  let index = 0;
  return route.replace(/\[\[?(?:\.\.\.)?\w+\]?\]/g, () => encodeURIComponent(values[index++ % values.length] ?? '') || '%20');
}

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test('the build has public routes with parameters to probe', () => {
  const routes = publicRoutes();
  expect(routes).toEqual(expect.arrayContaining(['/guide/[date]/[[...zone]]', '/api/search', '/api/playback/[kind]/[id]', '/vod/titles/[slug]']));
});

test('every public page and handler survives hostile path parameters and query strings', async ({ request }) => {
  const routes = publicRoutes();
  for (const route of routes) {
    const isApi = route.startsWith('/api/');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 3 }), segment, async (values, query) => {
        const url = `${fill(route, values)}?q=${encodeURIComponent(query)}&cursor=${encodeURIComponent(values[0] ?? '')}&page=${encodeURIComponent(query)}`;
        await expectSafe(request, 'GET', url);
        if (isApi) await expectSafe(request, 'POST', url);
      }),
      // Pages render for real (a new guide day is a database read): fewer runs than APIs.
      { numRuns: isApi ? 12 : 6, seed: 20261121 },
    );
  }
});

test('JSON bodies of any shape get a 4xx, never a 5xx', async ({ request }) => {
  const json = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.constantFrom('', '{', '[]', 'null', '{"kind":"title","id":"not-a-uuid"}', '{"kind":"program","id":"00000000-0000-0000-0000-000000000000","userId":"x"}', `{"tags":[${'"a",'.repeat(2_000)}"a"]}`),
  );
  await fc.assert(
    fc.asyncProperty(json, async (body) => {
      for (const [method, url] of [
        ['POST', '/api/me/watchlist'],
        ['DELETE', '/api/me/watchlist'],
        ['POST', '/api/internal/revalidate'],
        ['POST', '/api/playback/channel/00000000-0000-0000-0000-000000000000'],
      ] as const) {
        await expectSafe(request, method, url, body);
      }
    }),
    { numRuns: 40, seed: 20261121 },
  );
});
