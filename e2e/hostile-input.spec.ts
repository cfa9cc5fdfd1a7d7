// Hostile input against the running production build: fast-check throws malformed,
// oversized and adversarial values into every URL parameter, query string and JSON body of
// the public pages and route handlers (the build's own route list, so a new route is
// probed without anyone remembering to). Whatever comes in: never a 5xx, never a stack
// trace or internal path in the answer. Back-office routes are probed for their refusals by
// back-office-access.spec.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';

const distDir = process.env.NEXT_DIST_DIR ?? '.next-test';

/** Values people and scripts actually send where an id, date, zone, cursor or query belongs. */
const NASTY = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  'null',
  'undefined',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9999-99-99',
  '2026-02-30',
  '2026-11-21T25:61:00Z',
  'Europe/Atlantis',
  "'; DROP TABLE channels; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.exit(1)}',
  '\u0000\u0001\u001f',
  '\uFFFF\uD800',
  '🦄📺🔥',
  'ｆｕｌｌｗｉｄｔｈ',
  'x'.repeat(5_000),
  '00000000-0000-0000-0000-000000000000',
  'WzAsIjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJd',
  'eyJhIjoxfQ',
];

const segment = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.uuid(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.integer().map(String),
);

/** Public routes of the build (pages and handlers), without the back office and Next's own. */
function publicRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server', 'app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .map((key) => key.replace(/\/(page|route)$/, '').replace(/\/\([^)]+\)/g, '') || '/')
    .filter((route) => !/^\/(api\/)?admin(\/|$)/.test(route) && !route.startsWith('/_') && !route.startsWith('/api/auth'));
}

/** A concrete URL for a route pattern, each parameter replaced by a (URL-encoded) hostile value. */
function fill(route: string, values: string[]): string {
  let index = 0;
  return route.replace(/\[\[?(?:\.\.\.)?\w+\]?\]/g, () => encodeURIComponent(values[index++ % values.length] ?? '') || '%20');
}

const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|\/work\/|webpack-internal:|TypeError:|ReferenceError:|PrismaClient\w*Error/;

async function expectSafe(request: APIRequestContext, method: 'GET' | 'POST' | 'DELETE', url: string, data?: string): Promise<void> {
  const response = await request.fetch(url, { method, data, headers: data ? { 'content-type': 'application/json' } : undefined, maxRedirects: 0, failOnStatusCode: false });
  const status = response.status();
  const body = await response.text();
  expect(status, `${method} ${url.slice(0, 200)} answered ${status}: ${body.slice(0, 200)}`).toBeLessThan(500);
  expect(STACK_TRACE.test(body), `${method} ${url.slice(0, 200)} leaked internals: ${body.match(STACK_TRACE)?.[0]}`).toBe(false);
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
