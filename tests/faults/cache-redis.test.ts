// DESIGN.md "Failure behaviour": with the cache Redis down or frozen, per-user calls load
// from PostgreSQL and never wait on Redis much longer than 250 ms (300 ms a call on a quiet
// machine); pages keep serving; when Redis is back the app uses it again without a restart.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, fault, heal, redisAt, sessionCookie, sql, stack, until, userId, type Answer } from './support/stack';

/** DESIGN.md: no request waits on Redis longer than about 250 ms (the command timeout). */
const REDIS_WAIT_MS = 250;
/** The target on a quiet machine: the Redis wait plus a few PostgreSQL primary-key reads. */
const TARGET_MS = 300;

let viewer: string;
let cookie: string;
let channelId: string;
let baseline: { profile: unknown; playback: number };
/** Each call's allowance under the fault, see fromPostgresMs(). */
let budgetMs = TARGET_MS;

const profileOf = (answer: Answer) => {
  const body = answer.json() as { signedIn: boolean; profile: Record<string, unknown> | null };
  return { signedIn: body.signedIn, profile: body.profile && { ...body.profile, checkedAt: 'any' } };
};
const entitlements = () => call('/api/me/entitlements', { cookie });
const playback = () => call(`/api/playback/channel/${channelId}`, { method: 'POST', cookie });

beforeAll(async () => {
  viewer = await userId('viewer1@primetime.test');
  cookie = await sessionCookie(viewer);
  [{ id: channelId }] = (await sql<{ id: string }>('SELECT id FROM channels ORDER BY number LIMIT 1')) as [{ id: string }];
  const me = await entitlements();
  expect(me.status).toBe(200);
  baseline = { profile: profileOf(me), playback: (await playback()).status };
  expect(baseline.profile).toMatchObject({ signedIn: true, profile: { userId: viewer } });
  expect([200, 403]).toContain(baseline.playback);
  budgetMs = Math.max(TARGET_MS, REDIS_WAIT_MS + (await fromPostgresMs()) + 50);
});

/**
 * The slowest of a few calls that must read PostgreSQL while Redis is healthy (the viewer's
 * cached state removed first). On a loaded machine that alone can pass 300 ms, so the fault
 * is allowed the Redis wait on top of it, and nothing more: the allowance is never below 300 ms.
 */
async function fromPostgresMs(): Promise<number> {
  const redis = redisAt(stack.cacheRedisUrl);
  try {
    let slowest = 0;
    for (let round = 0; round < 3; round++) {
      for (const request of [entitlements, playback]) {
        await redis.del(`profile:{${viewer}}`, `user-state:${viewer}`);
        slowest = Math.max(slowest, (await request()).ms);
      }
    }
    return slowest;
  } finally {
    redis.disconnect();
  }
}
afterEach(heal);

/** Several per-user calls in a row, each within budget and with the same answer as before the fault. */
async function perUserCallsAnswerFromPostgres(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const me = await entitlements();
    expect(me.status).toBe(200);
    expect(profileOf(me)).toEqual(baseline.profile);
    expect(me.ms).toBeLessThan(budgetMs);
    const play = await playback();
    expect(play.status).toBe(baseline.playback);
    expect(play.ms).toBeLessThan(budgetMs);
  }
}

async function pagesServe(): Promise<void> {
  for (const path of ['/guide', '/vod']) {
    const page = await call(path);
    expect(page.status, path).toBe(200);
    expect(page.ms, path).toBeLessThan(2_000);
  }
}

/** The app writes the viewer's profile to Redis again: it reconnected on its own. */
async function redisInUseAgain(): Promise<void> {
  const redis = redisAt(stack.cacheRedisUrl);
  try {
    await redis.del(`profile:{${viewer}}`);
    await until('the profile back in the cache Redis', async () => {
      expect((await entitlements()).status).toBe(200);
      return (await redis.exists(`profile:{${viewer}}`)) === 1;
    });
  } finally {
    redis.disconnect();
  }
}

describe('cache Redis stopped', () => {
  it('per-user calls answer from PostgreSQL waiting at most the 250 ms Redis timeout, pages serve, and Redis is used again after it restarts (Next not restarted)', async () => {
    await fault('cacheRedis', 'stop');
    await perUserCallsAnswerFromPostgres();
    await pagesServe();
    await fault('cacheRedis', 'start');
    await redisInUseAgain();
  });
});

describe('cache Redis frozen (SIGSTOP)', () => {
  it('per-user calls answer from PostgreSQL waiting at most the 250 ms Redis timeout, pages serve, and Redis is used again after SIGCONT', async () => {
    await fault('cacheRedis', 'freeze');
    await perUserCallsAnswerFromPostgres();
    await pagesServe();
    await fault('cacheRedis', 'thaw');
    await redisInUseAgain();
  });
});
