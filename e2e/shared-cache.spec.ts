// Two `next start` instances of the test build sharing one cache Redis (lib/cache/handlers,
// ADR 0012), started by this spec against a redis-server of its own so it can freeze and
// stop it. The proofs hit each instance directly, never through an edge cache:
//  (a) a page rendered on A is served by B from Redis: B returns A's bytes and writes nothing;
//  (b) a tag revalidated through A's /api/internal/revalidate is fresh on B's next request;
//  (c) with the cache Redis frozen or stopped both answer from PostgreSQL without waiting on
//      it, and they use it again once it is back, without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { freePort } from '@/tests/support/free-port';
import { startOwnRedis, type OwnRedis } from '@/tests/support/own-redis';
import { query, SEEDED_ROW } from './support/database';

interface Instance {
  url: string;
  child: ChildProcess;
}

const namespace = `shared-cache-${randomUUID().slice(0, 8)}`;
let redis: OwnRedis;
let a: Instance;
let b: Instance;

async function startInstance(redisPort: number): Promise<Instance> {
  const port = await freePort();
  const child = spawn('./node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      NEXT_CACHE_PREFIX: namespace,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-test',
      PRIMETIME_LOCAL: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/robots.txt`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start on ${url} did not answer within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

/** Every cache entry (not tag record) of this spec's namespace, key → bytes. */
async function cacheEntries(): Promise<Map<string, string>> {
  const client = await redis.client();
  try {
    const keys = (await client.keys(`${namespace}:*`)).filter((key) => !key.startsWith(`${namespace}:tags:`)).sort();
    const values = keys.length > 0 ? await client.mgetBuffer(keys) : [];
    return new Map(keys.map((key, index) => [key, values[index]?.toString('base64') ?? '']));
  } finally {
    client.disconnect();
  }
}

/** The stored ISR entry of a page path, or undefined (keys: <prefix>:<build id>:isr:<route key>). */
function pageEntry(entries: Map<string, string>, path: string): string | undefined {
  return [...entries].find(([key]) => key.includes(':isr:') && key.endsWith(path))?.[1];
}

/**
 * Waits until the cache holds the page and nothing in it has changed for a moment. While it is
 * missing, the page is asked of `instanceUrl` again: the cache handler gives up a write that
 * misses its Redis deadline (a busy CI machine), and the next render simply writes it.
 */
async function settledEntries(request: APIRequestContext, instanceUrl: string, path: string): Promise<Map<string, string>> {
  await expect
    .poll(async () => {
      if (pageEntry(await cacheEntries(), path) !== undefined) return true;
      expect((await timedGet(request, `${instanceUrl}${path}`)).status, `GET ${path}`).toBe(200);
      return false;
    }, { timeout: 30_000, intervals: [500, 1_000, 2_000] })
    .toBe(true);
  let before = await cacheEntries();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await cacheEntries();
    if (JSON.stringify([...after]) === JSON.stringify([...before])) return after;
    before = after;
  }
}

async function timedGet(request: APIRequestContext, url: string, timeout = 30_000): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const response = await request.get(url, { maxRedirects: 0, timeout });
  return { status: response.status(), body: await response.text(), ms: performance.now() - started };
}

/**
 * Published seeded titles, last by slug (other specs pick the first ones). Seeded only: a
 * title another spec's fixture made may be deleted mid-test, and its page then 404s and is
 * never stored (a CI run waited 15 s for such an entry).
 */
async function titles(count: number): Promise<{ id: string; slug: string; synopsis: string }[]> {
  const rows = await query<{ id: string; slug: string; synopsis: string }>(
    `SELECT id, slug, synopsis FROM vod_titles WHERE published_at IS NOT NULL AND archived_at IS NULL AND ${SEEDED_ROW} ORDER BY slug DESC LIMIT $1`,
    [count],
  );
  if (rows.length < count) throw new Error('the database lacks published titles: is it seeded?');
  return rows;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startOwnRedis();
  [a, b] = await Promise.all([startInstance(redis.port), startInstance(redis.port)]);
  // A fresh `next start` loads its route code on the first request; not what is measured here.
  for (const instance of [a, b]) await fetch(`${instance.url}/vod`);
});

test.afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await redis?.stop();
});

test('(a) a page rendered on instance A is served by instance B from the shared cache, without rendering it', async ({ request }) => {
  test.setTimeout(60_000);
  const [title] = await titles(1);
  const path = `/vod/titles/${title!.slug}`;
  const fromA = await timedGet(request, `${a.url}${path}`);
  expect(fromA.status).toBe(200);
  const stored = await settledEntries(request, a.url, path);

  const fromB = await timedGet(request, `${b.url}${path}`);
  expect(fromB.status).toBe(200);
  // B never saw this page, yet answers with A's render byte for byte, and the cache is
  // untouched: a render on B would have written the page (with a new date) and its data.
  expect(fromB.body).toBe(fromA.body);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect([...(await cacheEntries())]).toEqual([...stored]);
});

test('(b) a tag revalidated through instance A is fresh on instance B at the next request', async ({ request }) => {
  test.setTimeout(60_000);
  const [, title] = await titles(2);
  const path = `/vod/titles/${title!.slug}`;
  const marker = `Shared cache marker ${randomUUID()}`;
  expect((await timedGet(request, `${b.url}${path}`)).body).not.toContain(marker);
  await settledEntries(request, b.url, path);
  try {
    await query('UPDATE vod_titles SET synopsis = $2 WHERE id = $1', [title!.id, marker]);
    // Cached: without a revalidation B keeps serving the stored page.
    expect((await timedGet(request, `${b.url}${path}`)).body).not.toContain(marker);

    const revalidated = await request.post(`${a.url}/api/internal/revalidate`, {
      headers: { authorization: `Bearer ${process.env.REVALIDATE_SECRET ?? 'development-only-revalidate-secret-0123456789'}` },
      data: { tags: [`title:${title!.id}`] },
    });
    expect(revalidated.status()).toBe(200);
    // A answers only once the tag is in the shared cache (lib/cache/revalidate-now.ts), so
    // B's very next request renders fresh: no polling.
    const fromB = await timedGet(request, `${b.url}${path}`);
    expect(fromB.status).toBe(200);
    expect(fromB.body).toContain(marker);
  } finally {
    await query('UPDATE vod_titles SET synopsis = $2 WHERE id = $1', [title!.id, title!.synopsis]);
    await request.post(`${a.url}/api/internal/revalidate`, {
      headers: { authorization: `Bearer ${process.env.REVALIDATE_SECRET ?? 'development-only-revalidate-secret-0123456789'}` },
      data: { tags: [`title:${title!.id}`] },
    });
  }
});

test('(c) with the cache Redis frozen or stopped both instances answer from PostgreSQL, and share again once it is back', async ({ request }) => {
  test.setTimeout(90_000);
  const [, , fresh, another, afterwards] = await titles(5);
  // A render of a title page from PostgreSQL on this (shared, busy) machine plus at most one
  // Redis deadline of 250 ms; a request waiting on the frozen server would hang until the
  // request timeout.
  const budget = 5_000;

  redis.freeze();
  try {
    for (const instance of [a, b]) {
      for (const slug of [fresh!.slug, another!.slug]) {
        const answer = await timedGet(request, `${instance.url}/vod/titles/${slug}`, 10_000);
        expect(answer.status, `${instance.url} /vod/titles/${slug} with Redis frozen`).toBe(200);
        expect(answer.ms).toBeLessThan(budget);
      }
    }
  } finally {
    redis.thaw();
  }

  await redis.stop();
  try {
    for (const instance of [a, b]) {
      const answer = await timedGet(request, `${instance.url}/vod/titles/${fresh!.slug}`, 10_000);
      expect(answer.status, `${instance.url} with Redis stopped`).toBe(200);
      expect(answer.ms).toBeLessThan(budget);
    }
  } finally {
    await redis.restart();
  }

  // Back (empty): both instances reconnect by themselves; a page A renders now is B's hit.
  const path = `/vod/titles/${afterwards!.slug}`;
  const stored = await settledEntries(request, a.url, path);
  const fromB = await timedGet(request, `${b.url}${path}`);
  expect(fromB.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect([...(await cacheEntries())]).toEqual([...stored]);
});
