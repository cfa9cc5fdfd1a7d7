// The edge's page cache (edge/nginx.conf.template, real Debian nginx with njs) in front of a
// small origin that counts the requests reaching it and answers each path with the headers
// a test gives it. Proves: what is kept (by Cache-Control only) and what never is; one
// regeneration of a stale page under 1,000 concurrent requests (DESIGN P5) and one fetch of
// an uncached page (the lock); purge by surrogate key and by path, refused without the
// secret or from elsewhere; gzip or brotli for clients that ask, from one cached copy.
// e2e/edge-page-cache.spec.ts does the same through a real `next start` and the revalidate job.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedEdgeModules, startEdge, type RunningEdge } from '@/edge/start-edge';
import { edgePurgePaths, purgeEdge } from '@/lib/cache/edge-purge';
import { freePort } from '../support/free-port';
import { rawRequest, type RawRequestOptions } from '../support/raw-request';

const PLAYBACK_SECRET = 'edge-cache-test-secret-0123456789-abcdefgh';
const PURGE_SECRET = 'edge-purge-test-secret-0123456789-abcdefgh';
const SHARED = 'public, max-age=0, s-maxage=60, stale-while-revalidate=3540';
/** nginx counts lifetimes in whole seconds and an entry is stale once `now > stored + s-maxage`: s-maxage=1 is stale after 2 s at most. */
const STALE_AFTER_MS = 2_100;
/** How long the origin takes to regenerate the P5 page: longer than any of the 1,000 may wait. */
const REGENERATION_MS = 5_000;

interface Answer {
  headers?: Record<string, string>;
  status?: number;
  delayMs?: number;
}

/** Per path: what the origin answers, and how many requests reached it. */
const answers = new Map<string, Answer>();
const hits = new Map<string, number>();

/** The origin: body `<method> <path> v<n>` (n counts this path's hits), headers as told. */
function countingOrigin(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://origin').pathname;
    const hit = (hits.get(pathname) ?? 0) + 1;
    hits.set(pathname, hit);
    const answer = answers.get(pathname) ?? {};
    const body = `${request.method} ${pathname} v${hit} ${request.headers.rsc === '1' ? 'rsc' : 'html'} ${'padding '.repeat(100)}`;
    setTimeout(() => {
      response.writeHead(answer.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...(answer.headers ?? { 'cache-control': SHARED }) });
      response.end(body);
    }, answer.delayMs ?? 0);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let origin: http.Server;
let edge: RunningEdge;
let edgeWithoutSecret: RunningEdge;
let scratch: string;
let accessLog: string;

const url = (pathname: string, on: RunningEdge = edge) => `${on.baseUrl}${pathname}`;
const get = (pathname: string, options: RawRequestOptions = {}) => rawRequest(url(pathname), options);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const version = (body: string) => /v(\d+)/.exec(body)?.[1];

/** Access-log lines for a path that reached the origin (a regeneration or a pass-through). */
function originLines(pathname: string): string[] {
  return readFileSync(accessLog, 'utf8')
    .split('\n')
    .filter((line) => line.includes(` ${pathname} HTTP/`) && !/ upstream=- /.test(line));
}

function purge(body: unknown, options: RawRequestOptions = {}, on: RunningEdge = edge) {
  return rawRequest(on.purgeUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${PURGE_SECRET}`, 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
    localAddress: options.localAddress,
  });
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'primetime-edge-cache-'));
  origin = await countingOrigin();
  const modules = installedEdgeModules();
  expect(modules, 'libnginx-mod-http-js and -brotli-filter are installed (scripts/lib/deps.mjs)').toHaveLength(2);
  const common = {
    appServers: [`127.0.0.1:${(origin.address() as AddressInfo).port}`],
    mediaRoot: path.join(scratch, 'streams'),
    playbackSecret: PLAYBACK_SECRET,
    modules,
  };
  accessLog = path.join(scratch, 'access.log');
  edge = await startEdge({ ...common, prefix: path.join(scratch, 'edge'), listen: `127.0.0.1:${await freePort()}`, accessLog, purgeSecret: PURGE_SECRET });
  edgeWithoutSecret = await startEdge({ ...common, prefix: path.join(scratch, 'plain'), listen: `127.0.0.1:${await freePort()}` });
});

afterAll(async () => {
  await Promise.all([edge?.stop(), edgeWithoutSecret?.stop()]);
  origin?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('what the edge keeps', () => {
  it("keeps a shared page for its s-maxage (browsers' max-age=0 aside), and its RSC payload apart from its HTML", async () => {
    const first = await get('/guide/kept');
    const second = await get('/guide/kept');
    expect([first.headers['x-cache-status'], second.headers['x-cache-status']]).toEqual(['MISS', 'HIT']);
    expect(second.body).toBe(first.body);
    expect(second.headers['cache-control']).toBe(SHARED);

    const rsc = await get('/guide/kept', { headers: { rsc: '1' } });
    expect(rsc.headers['x-cache-status']).toBe('MISS');
    expect(rsc.body).toContain('v2 rsc');
    expect((await get('/guide/kept', { headers: { rsc: '1' } })).body).toContain('v2 rsc');
    expect((await get('/guide/kept')).body).toContain('v1 html');
    // A different query string is a different page.
    expect((await get('/guide/kept?page=2')).headers['x-cache-status']).toBe('MISS');
    expect(hits.get('/guide/kept')).toBe(3);
  });

  it('never keeps what says private, no-store or no-cache, sets a cookie, or names no lifetime', async () => {
    const cases: Record<string, Record<string, string>> = {
      '/vod/private': { 'cache-control': 'private, max-age=600' },
      '/vod/no-store': { 'cache-control': 'no-store' },
      '/vod/next-dynamic': { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' },
      '/vod/no-cache': { 'cache-control': 'no-cache, s-maxage=60' },
      '/vod/cookie': { 'cache-control': SHARED, 'set-cookie': 'authjs.session-token=abc; Path=/; HttpOnly' },
      '/vod/unlabelled': {},
    };
    for (const [pathname, headers] of Object.entries(cases)) {
      answers.set(pathname, { headers });
      const statuses = [(await get(pathname)).headers['x-cache-status'], (await get(pathname)).headers['x-cache-status']];
      expect(statuses, pathname).toEqual(['MISS', 'MISS']);
      expect(hits.get(pathname), pathname).toBe(2);
    }
  });

  it('never caches per-user and back-office paths, even when they claim to be shared', async () => {
    const paths = [
      '/account',
      '/account/watchlist',
      '/api/me/watchlist',
      '/api/me/entitlements',
      '/api/playback/channel/x',
      '/admin',
      '/admin/channels',
      '/api/admin/audit',
      '/api/auth/session',
      '/api/internal/revalidate',
      '/sign-in',
    ];
    for (const pathname of paths) {
      answers.set(pathname, { headers: { 'cache-control': SHARED } });
      const first = await get(pathname);
      await get(pathname);
      expect(first.headers['x-cache-status'], pathname).toBeUndefined();
      expect(hits.get(pathname), pathname).toBe(2);
    }
  });

  it('passes every POST through and does not mix its answer into the cached GET', async () => {
    const page = await get('/channels/posted');
    await get('/channels/posted', { method: 'POST', body: 'x=1' });
    await get('/channels/posted', { method: 'POST', body: 'x=1' });
    expect(hits.get('/channels/posted')).toBe(3);
    const again = await get('/channels/posted');
    expect(again.headers['x-cache-status']).toBe('HIT');
    expect(again.body).toBe(page.body);
  });

  it('serves a signed-in viewer the shared copy (shared pages read no cookie) and hides Surrogate-Key', async () => {
    answers.set('/programs/tagged', { headers: { 'cache-control': SHARED, 'surrogate-key': 'rights search' } });
    const anonymous = await get('/programs/tagged');
    const signedIn = await get('/programs/tagged', { headers: { cookie: 'authjs.session-token=abc' } });
    expect(signedIn.headers['x-cache-status']).toBe('HIT');
    expect(signedIn.body).toBe(anonymous.body);
    expect(anonymous.headers['surrogate-key']).toBeUndefined();
    expect(signedIn.headers['surrogate-key']).toBeUndefined();
  });
});

describe('stale pages and the cache lock', () => {
  const concurrently = async (pathname: string, count: number) => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: count }, () => get(pathname, { agent })));
    agent.destroy();
    return { responses, ms: Date.now() - started };
  };

  it('regenerates a stale page exactly once under 1,000 concurrent requests, serving all 1,000 the stale copy at once (P5)', async () => {
    const pathname = '/guide/2026-12-31/Europe/Berlin';
    answers.set(pathname, { headers: { 'cache-control': 'public, s-maxage=1, stale-while-revalidate=300' }, delayMs: REGENERATION_MS });
    expect((await get(pathname)).headers['x-cache-status']).toBe('MISS');
    await sleep(STALE_AFTER_MS);
    // The regenerated copy stays fresh for a minute, so the checks below see it as a HIT.
    answers.set(pathname, { headers: { 'cache-control': SHARED }, delayMs: REGENERATION_MS });

    const { responses, ms } = await concurrently(pathname, 1_000);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1_000);
    // Every one was answered from the stale copy, sooner than the regeneration takes.
    expect(responses.every((response) => version(response.body) === '1')).toBe(true);
    const statuses = responses.map((response) => response.headers['x-cache-status']);
    expect(statuses.filter((status) => status === 'STALE')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'UPDATING')).toHaveLength(999);
    expect(ms).toBeLessThan(REGENERATION_MS);

    await sleep(REGENERATION_MS + 500); // the background regeneration lands
    const after = await get(pathname);
    expect(after.headers['x-cache-status']).toBe('HIT');
    expect(version(after.body)).toBe('2');
    expect(hits.get(pathname)).toBe(2); // the first fill and ONE regeneration
    // The access log says the same (the bench and the other tests count from it).
    expect(originLines(pathname).map((line) => /cache=(\w+)/.exec(line)?.[1])).toEqual(['MISS', 'EXPIRED']);
  });

  it('fetches a page nobody has cached yet once for 1,000 concurrent requests (the lock)', async () => {
    const pathname = '/guide/2027-01-01/Asia/Tokyo';
    answers.set(pathname, { headers: { 'cache-control': SHARED }, delayMs: 300 });
    const { responses } = await concurrently(pathname, 1_000);
    expect(responses.filter((response) => response.status === 200 && version(response.body) === '1')).toHaveLength(1_000);
    expect(hits.get(pathname)).toBe(1);
  });

  it('keeps serving the stale copy while the origin fails', async () => {
    const pathname = '/vod/titles/failing';
    answers.set(pathname, { headers: { 'cache-control': 'public, s-maxage=1, stale-while-revalidate=300' } });
    const good = await get(pathname);
    answers.set(pathname, { status: 500, headers: { 'cache-control': 'no-store' } });
    await sleep(STALE_AFTER_MS);
    // The first request after s-maxage triggers a refresh that fails; so does the next.
    for (let attempt = 0; attempt < 2; attempt++) {
      const during = await get(pathname);
      expect(during.status).toBe(200);
      expect(during.body).toBe(good.body);
      await sleep(300);
    }
    expect(hits.get(pathname)).toBeGreaterThanOrEqual(2); // a refresh was tried, and failed
  });
});

describe('purge', () => {
  const status = async (pathname: string) => (await get(pathname)).headers['x-cache-status'];

  it('drops the entries that carry a surrogate key or match a path, and nothing else', async () => {
    answers.set('/api/guide/2026-12-31/Europe/London', { headers: { 'cache-control': SHARED, 'surrogate-key': 'channels guide:utc:2026-12-31' } });
    answers.set('/api/search', { headers: { 'cache-control': SHARED, 'surrogate-key': 'search' } });
    const paths = ['/api/guide/2026-12-31/Europe/London', '/api/search', '/vod/titles/purge-a', '/vod/titles/purge-b', '/vod', '/channels/bbc-one'];
    for (const pathname of paths) await get(pathname);
    for (const pathname of paths) expect(await status(pathname), pathname).toBe('HIT');

    const response = await purge({ keys: ['channels'], paths: ['/vod/titles/purge-*', '/channels/nope'] });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ purged: 3 });
    expect(response.headers['cache-control']).toBe('no-store');

    const before = hits.get('/vod/titles/purge-a');
    const fresh = await get('/vod/titles/purge-a');
    expect(fresh.headers['x-cache-status']).toBe('MISS');
    expect(hits.get('/vod/titles/purge-a')).toBe((before ?? 0) + 1);
    expect(await status('/vod/titles/purge-b')).toBe('MISS');
    expect(await status('/api/guide/2026-12-31/Europe/London')).toBe('MISS');
    expect(await status('/api/search')).toBe('HIT');
    expect(await status('/vod')).toBe('HIT');
    expect(await status('/channels/bbc-one')).toBe('HIT');
  });

  it("purges what the app's tags reach (lib/cache/edge-purge.ts): a UTC date reaches three local guide days", async () => {
    expect(edgePurgePaths(['rights', 'search'])).toEqual(['/*']);
    const paths = ['/guide/2027-01-02/Pacific/Kiritimati', '/guide/2027-01-05', '/vod/categories/drama', '/programs/abc'];
    for (const pathname of paths) await get(pathname);
    const result = await purgeEdge(['guide:utc:2027-01-03'], { url: edge.purgeUrl, secret: PURGE_SECRET });
    // The Kiritimati day, the programme pages, the channel pages cached by earlier tests.
    expect(result.purged).toBeGreaterThanOrEqual(2);
    expect(await status('/guide/2027-01-02/Pacific/Kiritimati')).toBe('MISS');
    expect(await status('/programs/abc')).toBe('MISS');
    expect(await status('/guide/2027-01-05')).toBe('HIT');
    expect(await status('/vod/categories/drama')).toBe('HIT');
    await expect(purgeEdge(['not-a-tag'], { url: edge.purgeUrl, secret: PURGE_SECRET })).rejects.toThrow(/not tags this app assigns/);
  });

  it('refuses purges without the secret, with a wrong one, from other addresses, and malformed ones', async () => {
    await get('/guide/guarded');
    const all = { paths: ['/*'] };
    expect((await purge(all, { headers: { authorization: '' } })).status).toBe(401);
    const wrong = await purge(all, { headers: { authorization: `Bearer ${PURGE_SECRET.slice(0, -1)}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('EDGE_PURGE_SECRET');
    // The right secret from an address the edge does not allow (loopback 127.0.0.3).
    expect((await purge(all, { localAddress: '127.0.0.3' })).status).toBe(403);
    expect((await rawRequest(edge.purgeUrl, { headers: { authorization: `Bearer ${PURGE_SECRET}` } })).status).toBe(405);
    for (const body of ['nope', [], {}, { keys: 'channels' }, { paths: ['guide'] }, { keys: [''] }]) {
      const refused = await rawRequest(edge.purgeUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${PURGE_SECRET}` },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(refused.body).error).toMatch(/^Bad purge request: /);
    }
    // An edge started without a secret refuses every purge.
    expect((await purge(all, {}, edgeWithoutSecret)).status).toBe(403);
    expect(await status('/guide/guarded')).toBe('HIT');
  });
});

describe('compression', () => {
  it('compresses for clients that ask (brotli when they accept br, else gzip) and not for others, once per cache fill, with Vary: Accept-Encoding', async () => {
    for (const [pathname, type] of [
      ['/guide/compressed', 'text/html; charset=utf-8'],
      ['/api/search/compressed', 'application/json'],
    ] as const) {
      answers.set(pathname, { headers: { 'cache-control': SHARED, 'content-type': type } });
      const fetchAll = () =>
        Promise.all([
          get(pathname),
          get(pathname, { headers: { 'accept-encoding': 'gzip, deflate' } }),
          get(pathname, { headers: { 'accept-encoding': 'gzip, deflate, br' } }),
        ]);
      // One cache entry per encoding, each filled (and compressed) once...
      await fetchAll();
      const [plain, gzipped, brotli] = await fetchAll();
      expect(hits.get(pathname), 'one fill per encoding').toBe(3);
      // ...and served from the cache as stored afterwards: a hit costs no compression.
      for (const response of [plain, gzipped, brotli]) expect(response.headers['x-cache-status'], pathname).toBe('HIT');
      // Each entry was filled by its own request to the origin, which numbers its answers.
      const unversioned = (body: string) => body.replace(/ v\d+ /, ' v? ');
      expect(brotli.headers['content-encoding'], pathname).toBe('br');
      expect(unversioned(brotliDecompressSync(brotli.bytes).toString('utf8'))).toBe(unversioned(plain.body));
      expect(plain.headers['content-encoding'], pathname).toBeUndefined();
      expect(gzipped.headers['content-encoding'], pathname).toBe('gzip');
      expect(unversioned(gunzipSync(gzipped.bytes).toString('utf8'))).toBe(unversioned(plain.body));
      expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
      for (const response of [gzipped, brotli]) expect(String(response.headers.vary), pathname).toMatch(/Accept-Encoding/i);
    }
  });
});
