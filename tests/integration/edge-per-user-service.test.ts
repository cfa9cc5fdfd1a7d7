// The lean per-user service (services/per-user) on a real socket, over a scratch database
// seeded at size `test` and a Redis of its own: the answers of GET /api/me/entitlements and
// POST /api/playback/... for anonymous, signed-in, tampered and disabled sessions, the
// client address rules (only 127.0.0.2, the local edge, may set X-Forwarded-For), and its
// 4xx answers, and its GET /metrics (bearer METRICS_TOKEN): counters that move with traffic.
// e2e/edge-per-user.spec.ts compares its answers with the Next route handlers'.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { seed } from '@/prisma/seed/run';
import { seedToday } from '@/prisma/seed/time';
import { TEST_NETWORKS } from '../support/mmdb-builder';
import { startOwnRedis, type OwnRedis } from '../support/own-redis';
import { scratchDatabase } from '../setup/scratch';

const scratch = scratchDatabase('peruser');
let redis: OwnRedis;
let server: http.Server;
let base: string;
let lib: {
  db: typeof import('@/lib/db/client').db;
  env: typeof import('@/lib/env').env;
  invalidateProfile: typeof import('@/lib/profile').invalidateProfile;
  invalidateUserState: typeof import('@/lib/auth/user-state').invalidateUserState;
};
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

function call(method: string, path: string, options: { cookie?: string; from?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}${path}`,
      { method, localAddress: options.from ?? '127.0.0.1', headers: { ...options.headers, ...(options.cookie ? { cookie: options.cookie } : {}) } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function sessionCookie(email: string): Promise<string> {
  const { id } = await lib.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  ids[email] = id;
  const token = await encode({ token: { sub: id, email }, secret: lib.env.AUTH_SECRET, salt: 'authjs.session-token' });
  return `theme=dark; authjs.session-token=${token}`;
}

beforeAll(async () => {
  await migrate(scratch.url, { log: () => undefined });
  await seed({ databaseUrl: scratch.url, size: 'test', force: false, today: seedToday(undefined), log: () => undefined });
  redis = await startOwnRedis();
  process.env.DATABASE_URL = scratch.url;
  process.env.REDIS_URL = `redis://127.0.0.1:${redis.port}`;
  lib = {
    ...(await import('@/lib/db/client')),
    ...(await import('@/lib/env')),
    ...(await import('@/lib/profile')),
    ...(await import('@/lib/auth/user-state')),
  };
  const { getRedis } = await import('@/lib/redis/client');
  const connection = getRedis();
  if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
  const { createPerUserServer } = await import('@/services/per-user/app');
  server = createPerUserServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const n of [1, 3]) cookies[`viewer${n}`] = await sessionCookie(`viewer${n}@primetime.test`);
  ids.basic = (await lib.db.channel.findFirstOrThrow({ where: { rightsRule: { name: 'Basic line-up' }, archivedAt: null }, select: { id: true }, orderBy: { number: 'asc' } })).id;
}, 120_000);

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await lib?.db.$disconnect();
  if (lib) (await import('@/lib/redis/client')).getRedis().disconnect();
  await redis?.stop();
  await scratch.cleanup();
});

describe('GET /api/me/entitlements on the per-user service', () => {
  it('answers anonymous viewers, never cached', async () => {
    const answer = await call('GET', '/api/me/entitlements');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('private, no-store');
    expect(answer.body).toMatchObject({ signedIn: false, profile: null, context: { country: null, asn: null } });
  });

  it("returns a signed-in viewer's packages from the database", async () => {
    const expected = await lib.db.subscription.findMany({ where: { user: { email: 'viewer1@primetime.test' }, status: 'ACTIVE' }, select: { packageId: true } });
    const answer = await call('GET', '/api/me/entitlements', { cookie: cookies.viewer1 });
    const profile = answer.body.profile as { userId: string; homeCountry: string; packages: Array<{ id: string }> };
    expect(answer.body.signedIn).toBe(true);
    expect(profile.userId).toBe(ids['viewer1@primetime.test']);
    expect(profile.homeCountry).toBe('GB');
    expect(profile.packages.map((p) => p.id).sort()).toEqual(expected.map((s) => s.packageId).sort());
  });

  it('treats a tampered or foreign token as anonymous', async () => {
    const tampered = cookies.viewer1!.replace(/.{4}$/, 'AAAA');
    expect((await call('GET', '/api/me/entitlements', { cookie: tampered })).body).toMatchObject({ signedIn: false });
    const foreign = await encode({ token: { sub: ids['viewer1@primetime.test'] }, secret: 'another-secret-0123456789-0123456789', salt: 'authjs.session-token' });
    expect((await call('GET', '/api/me/entitlements', { cookie: `authjs.session-token=${foreign}` })).body).toMatchObject({ signedIn: false });
  });

  it('believes X-Forwarded-For only from the edge address', async () => {
    const gb = TEST_NETWORKS.GB_BT.sample;
    const forged = await call('GET', '/api/me/entitlements', { headers: { 'x-forwarded-for': gb, 'x-primetime-peer': gb } });
    expect(forged.body).toMatchObject({ context: { country: null, asn: null } });
    const proxied = await call('GET', '/api/me/entitlements', { from: '127.0.0.2', headers: { 'x-forwarded-for': `198.51.100.7, ${gb}` } });
    expect(proxied.body).toMatchObject({ context: { country: 'GB', asn: 2856 } });
  });
});

describe('POST /api/playback on the per-user service', () => {
  it('gives viewer1 a signed URL for a Basic channel and records the decision', async () => {
    await (await import('@/lib/playback/authorise')).flushPlaybackDecisions(); // earlier rows first
    const before = await lib.db.playbackDecision.count({ where: { targetId: ids.basic! } });
    const answer = await call('POST', `/api/playback/channel/${ids.basic}`, { cookie: cookies.viewer1 });
    expect(answer.status).toBe(200);
    expect(new URL(answer.body.url as string).pathname).toBe(`/live/${ids.basic}/index.m3u8`);
    await (await import('@/lib/playback/authorise')).flushPlaybackDecisions(); // the row is written behind the answer
    expect(await lib.db.playbackDecision.count({ where: { targetId: ids.basic! } })).toBe(before + 1);
  });

  it('asks anonymous viewers to sign in and tells viewer3 which package unlocks it', async () => {
    const anonymous = await call('POST', `/api/playback/channel/${ids.basic}`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body).toMatchObject({ error: { code: 'forbidden', reasons: [{ code: 'sign_in' }] } });
    const viewer3 = await call('POST', `/api/playback/channel/${ids.basic}`, { cookie: cookies.viewer3 });
    expect(viewer3.status).toBe(403);
    expect(viewer3.body).toMatchObject({ error: { reasons: [{ code: 'package_required' }], message: 'Included in Basic.' } });
  });

  it('answers bad input with clear 4xx', async () => {
    expect((await call('POST', '/api/playback/channel/not-a-uuid')).body).toMatchObject({ error: { code: 'bad_request' } });
    expect((await call('POST', '/api/playback/podcast/018f0000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await call('POST', '/api/playback/channel/018f0000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await call('POST', '/api/playback/channel/%E0%A4%A')).status).toBe(400);
    const wrongMethod = await call('GET', `/api/playback/channel/${ids.basic}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    expect((await call('POST', '/api/me/entitlements')).status).toBe(405);
    expect((await call('GET', '/guide')).status).toBe(404);
  });
});

describe('a disabled account', () => {
  it('reads as anonymous and cannot start playback with the session it still holds', async () => {
    const email = 'viewer1@primetime.test';
    expect((await call('GET', '/api/me/entitlements', { cookie: cookies.viewer1 })).body).toMatchObject({ signedIn: true });
    await lib.db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    await lib.invalidateUserState(ids[email]!);
    await lib.invalidateProfile(ids[email]!);
    try {
      expect((await call('GET', '/api/me/entitlements', { cookie: cookies.viewer1 })).body).toMatchObject({ signedIn: false, profile: null });
      const play = await call('POST', `/api/playback/channel/${ids.basic}`, { cookie: cookies.viewer1 });
      expect(play.status).toBe(403);
      expect(play.body).toMatchObject({ error: { reasons: [{ code: 'sign_in' }] } });
    } finally {
      await lib.db.user.update({ where: { email }, data: { disabledAt: null } });
      await lib.invalidateUserState(ids[email]!);
      await lib.invalidateProfile(ids[email]!);
    }
  });
});

describe('GET /metrics on the per-user service', () => {
  async function scrape(authorization?: string): Promise<{ status: number; contentType: string | undefined; text: string }> {
    const response = await fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });
    return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, text: await response.text() };
  }
  /** A sample's value; 0 when the series does not exist yet. */
  function sample(text: string, series: string): number {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }

  it('refuses callers without the token', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${lib.env.METRICS_TOKEN}`, lib.env.METRICS_TOKEN]) {
      const refused = await scrape(authorization);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('http_request_duration_seconds');
    }
  });

  it('counts requests by route, profile cache hits and misses, and decisions allowed and denied by reason', async () => {
    const token = `Bearer ${lib.env.METRICS_TOKEN}`;
    const before = (await scrape(token)).text;
    // viewer3: a miss (no cached profile after an invalidation), then a hit.
    await lib.invalidateProfile(ids['viewer3@primetime.test']!);
    await call('GET', '/api/me/entitlements', { cookie: cookies.viewer3 });
    await call('GET', '/api/me/entitlements', { cookie: cookies.viewer3 });
    expect((await call('POST', `/api/playback/channel/${ids.basic}`, { cookie: cookies.viewer1 })).status).toBe(200);
    expect((await call('POST', `/api/playback/channel/${ids.basic}`)).status).toBe(403);
    expect((await call('POST', `/api/playback/channel/${ids.basic}`, { cookie: cookies.viewer3 })).status).toBe(403);

    const after = await scrape(token);
    expect(after.status).toBe(200);
    expect(after.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    const moved = (series: string) => sample(after.text, series) - sample(before, series);
    expect(moved('http_request_duration_seconds_count{route="/api/me/entitlements",method="GET",status="200"}')).toBe(2);
    expect(moved('http_request_duration_seconds_count{route="/api/playback/[kind]/[id]",method="POST",status="403"}')).toBe(2);
    expect(moved('http_request_duration_seconds_count{route="/api/playback/[kind]/[id]",method="POST",status="200"}')).toBe(1);
    expect(moved('primetime_cache_requests_total{layer="profile",result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(moved('primetime_cache_requests_total{layer="profile",result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(moved('primetime_profile_cache_operations_total{operation="database_load"}')).toBeGreaterThanOrEqual(1);
    expect(moved('primetime_playback_decisions_total{result="allowed"}')).toBe(1);
    expect(moved('primetime_playback_decisions_total{result="denied"}')).toBe(2);
    expect(moved('primetime_playback_denials_total{reason="sign_in"}')).toBe(1);
    expect(moved('primetime_playback_denials_total{reason="package_required"}')).toBe(1);
    // Node's own metrics come along.
    expect(after.text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});
