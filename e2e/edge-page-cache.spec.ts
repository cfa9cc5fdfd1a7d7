// The edge's page cache (edge/nginx.conf.template, real nginx + njs) in front of the real
// `next start`: the guide page and the guide JSON API are kept by their Cache-Control and
// gzipped on the way out, the app's cache tags (Surrogate-Key) stay between Next and the
// edge, and a publish (rows written, then the revalidate job's work: Next first, the edge
// purge after) is visible through the edge on the next request, fetched from Next once
// for 200 concurrent viewers. tests/integration/edge-page-cache.test.ts proves the
// mechanics (P5 with 1,000 requests, what is never kept, purge refusals) on a small origin.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { installedEdgeModules, startEdge, type RunningEdge } from '../edge/start-edge';
import { TAGS } from '@/lib/cache/tags';
import { env } from '@/lib/env';
import { guideApiPath } from '@/lib/guide/guide-url';
import { revalidateEverywhere } from '@/lib/jobs/revalidate-job';
import { dateInZone, dayBoundsInZone, utcDatesCovering } from '@/lib/time/zoned';
import { freePort } from '../tests/support/free-port';
import { rawRequest } from '../tests/support/raw-request';
import { unusedChannelNumber } from './support/database';

test.describe.configure({ mode: 'serial' });

const PURGE_SECRET = 'e2e-edge-purge-secret-0123456789-abcdefgh';
const zone = env.DEFAULT_TIME_ZONE;
const today = dateInZone(new Date(), zone);
const API = guideApiPath(today, zone);
const { start, end } = dayBoundsInZone(today, zone);
const TODAY_TAGS = [TAGS.channels, ...utcDatesCovering(start, end).map(TAGS.guideUtcDate)];

const channelId = randomUUID();
const programId = randomUUID();
const channelName = `Edge Publish ${channelId.slice(0, 8)}`;

let edge: RunningEdge;
let scratch: string;
let accessLog: string;
let client: pg.Client;
let appBase: string;

const through = (pathname: string, headers: Record<string, string> = {}, agent?: http.Agent) => rawRequest(`${edge.baseUrl}${pathname}`, { headers, agent });
const revalidate = (tags: string[]) =>
  revalidateEverywhere(
    tags,
    { revalidateUrl: `${appBase}/api/internal/revalidate`, revalidateSecret: env.REVALIDATE_SECRET, edge: { url: edge.purgeUrl, secret: PURGE_SECRET } },
    () => undefined,
  );
/** Access-log lines of requests for this path that reached Next. */
const nextLines = (pathname: string) =>
  readFileSync(accessLog, 'utf8')
    .split('\n')
    .filter((line) => line.includes(`"GET ${pathname} HTTP/`) && !line.includes(' upstream=- '));

test.beforeAll(async ({ baseURL }) => {
  appBase = baseURL!;
  scratch = mkdtempSync(path.join(os.tmpdir(), 'primetime-edge-cache-e2e-'));
  accessLog = path.join(scratch, 'access.log');
  edge = await startEdge({
    prefix: path.join(scratch, 'edge'),
    listen: `127.0.0.1:${await freePort()}`,
    appServers: [new URL(appBase).host],
    mediaRoot: path.join(scratch, 'streams'),
    playbackSecret: env.PLAYBACK_SIGNING_SECRET,
    accessLog,
    modules: installedEdgeModules(),
    purgeSecret: PURGE_SECRET,
  });
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
});

test.afterAll(async () => {
  await client?.query('DELETE FROM channels WHERE id = $1', [channelId]);
  await client?.query('DELETE FROM programs WHERE id = $1', [programId]);
  await client?.end();
  if (edge) await revalidate(TODAY_TAGS);
  await edge?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the guide page and the guide API are kept at the edge, one copy per encoding (gzipped once, for clients that ask), their tags hidden', async () => {
  // Start from freshly rendered pages, so no regeneration picks up an earlier spec's rows.
  await revalidate(TODAY_TAGS);
  for (const pathname of ['/guide', API]) {
    await through(pathname, { 'accept-encoding': 'gzip' });
    const cached = await through(pathname, { 'accept-encoding': 'gzip' });
    expect(cached.status, pathname).toBe(200);
    expect(cached.headers['x-cache-status'], pathname).toBe('HIT');
    expect(cached.headers['cache-control'], pathname).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(cached.headers['content-encoding'], pathname).toBe('gzip');
    expect(String(cached.headers.vary), pathname).toMatch(/Accept-Encoding/i);
    expect(cached.headers['surrogate-key'], pathname).toBeUndefined();

    // Clients that take no compression have an entry of their own (the edge compresses once
    // per fill, not per request), filled from the same render in Next's shared cache.
    await through(pathname);
    const plain = await through(pathname);
    expect(plain.headers['x-cache-status'], pathname).toBe('HIT');
    expect(plain.headers['content-encoding'], pathname).toBeUndefined();
    expect(gunzipSync(cached.bytes).toString('utf8'), pathname).toBe(plain.body);
  }
  // Next names the API's tags; only the edge sees them.
  const direct = await rawRequest(`${appBase}${API}`);
  expect(String(direct.headers['surrogate-key']).split(' ')).toEqual(expect.arrayContaining([...TODAY_TAGS, TAGS.rights]));
  // Per-user answers are never kept.
  expect((await through('/api/me/entitlements')).headers['x-cache-status']).toBeUndefined();
});

test('a publish shows through the edge on the next request after the revalidate job, fetched from Next once', async () => {
  const airingStart = new Date(Math.max(start.getTime(), Date.now() - 30 * 60_000));
  await client.query(`INSERT INTO channels (id, slug, number, name, time_zone, updated_at) VALUES ($1, $2, $3, $4, $5, now())`, [
    channelId,
    `edge-publish-${channelId.slice(0, 8)}`,
    await unusedChannelNumber(),
    channelName,
    zone,
  ]);
  await client.query(`INSERT INTO programs (id, title, genres, updated_at) VALUES ($1, $2, '{News}', now())`, [programId, `Edge News ${programId.slice(0, 8)}`]);
  await client.query(`INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, updated_at) VALUES ($1, $2, $3, $4, $5, now())`, [
    randomUUID(),
    channelId,
    programId,
    airingStart,
    new Date(Math.min(end.getTime(), airingStart.getTime() + 3_600_000)),
  ]);

  // Written, not yet published: the edge still answers from its copy.
  for (const pathname of ['/guide', API]) {
    const cached = await through(pathname);
    expect(cached.headers['x-cache-status'], pathname).toBe('HIT');
    expect(cached.body, pathname).not.toContain(channelName);
  }
  // A purge without the secret changes nothing.
  const refused = await rawRequest(edge.purgeUrl, { method: 'POST', headers: { authorization: 'Bearer guess' }, body: JSON.stringify({ paths: ['/*'] }) });
  expect(refused.status).toBe(401);
  expect((await through(API)).headers['x-cache-status']).toBe('HIT');

  await revalidate(TODAY_TAGS);
  const reachedNextBefore = nextLines(API).length;

  // 200 viewers at once right after the publish: all see it, Next renders it once.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const burst = await Promise.all(Array.from({ length: 200 }, () => through(API, {}, agent)));
  agent.destroy();
  expect(burst.filter((response) => response.status === 200 && response.body.includes(channelName))).toHaveLength(200);
  expect(nextLines(API).length - reachedNextBefore).toBe(1);

  const page = await through('/guide');
  expect(page.headers['x-cache-status']).toBe('MISS');
  expect(page.body).toContain(channelName);
  expect((await through('/guide')).headers['x-cache-status']).toBe('HIT');
});
