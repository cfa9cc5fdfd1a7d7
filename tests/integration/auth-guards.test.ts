// Guards re-read role and status: a session token made before a demotion or a disable
// stops granting what it used to, through the real session-cookie decoding, PostgreSQL
// and the Redis-cached user state.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRole } from '@/lib/auth/guards';
import { sessionUserFrom, userIdFromSessionCookies } from '@/lib/auth/session';
import { USER_STATE_TTL_SECONDS, invalidateUserState, loadUserState, userStateKey } from '@/lib/auth/user-state';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getRedis, redisReady } from '@/lib/redis/client';

const COOKIE = 'authjs.session-token';
const created: string[] = [];

async function createUser(role: Role): Promise<string> {
  const user = await db.user.create({ data: { email: `guard-${randomUUID()}@example.com`, role }, select: { id: true } });
  created.push(user.id);
  return user.id;
}

async function cookiesFor(userId: string, options: { secret?: string; maxAge?: number; name?: string } = {}) {
  const name = options.name ?? COOKIE;
  const token = await encode({ token: { sub: userId }, secret: options.secret ?? env.AUTH_SECRET, salt: name, maxAge: options.maxAge });
  return (cookie: string) => (cookie === name ? token : undefined);
}

function refusal(run: () => unknown): { code: string; status: number } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status };
    throw error;
  }
}

// As instrumentation.ts does for Next: a command sent while connecting counts as a Redis fault.
beforeAll(() => redisReady());

afterAll(async () => {
  if (created.length > 0) await getRedis().del(...created.map(userStateKey));
  await db.user.deleteMany({ where: { id: { in: created } } });
  getRedis().disconnect();
  await db.$disconnect();
});

describe('session cookies', () => {
  it('vouch for the user they were made for, under either Auth.js cookie name', async () => {
    const id = await createUser('VIEWER');
    expect(await userIdFromSessionCookies(await cookiesFor(id))).toBe(id);
    expect(await userIdFromSessionCookies(await cookiesFor(id, { name: '__Secure-authjs.session-token' }))).toBe(id);
  });

  it('are worthless when tampered with, expired, or made with another secret', async () => {
    const id = await createUser('VIEWER');
    const good = (await cookiesFor(id))(COOKIE) ?? '';
    const tampered = `${good.slice(0, -4)}AAAA`;
    expect(await userIdFromSessionCookies((name) => (name === COOKIE ? tampered : undefined))).toBeNull();
    expect(await userIdFromSessionCookies(await cookiesFor(id, { maxAge: -120 }))).toBeNull();
    expect(await userIdFromSessionCookies(await cookiesFor(id, { secret: 'another-secret-of-at-least-32-characters!!' }))).toBeNull();
    expect(await userIdFromSessionCookies(await cookiesFor(id, { name: 'authjs.session-token-typo' }))).toBeNull();
    expect(await userIdFromSessionCookies(() => undefined)).toBeNull();
  });
});

describe('guards', () => {
  it('let an editor in and keep a viewer out of editor and admin actions', async () => {
    const editor = await sessionUserFrom(await cookiesFor(await createUser('EDITOR')));
    expect(assertRole(editor, 'EDITOR').role).toBe('EDITOR');
    expect(refusal(() => assertRole(editor, 'ADMIN'))).toEqual({ code: 'forbidden', status: 403 });

    const viewer = await sessionUserFrom(await cookiesFor(await createUser('VIEWER')));
    expect(refusal(() => assertRole(viewer, 'EDITOR'))).toEqual({ code: 'forbidden', status: 403 });
    expect(refusal(() => assertRole(null, 'VIEWER'))).toEqual({ code: 'unauthorized', status: 401 });
  });

  it('see a demotion on the next check once the cached state is invalidated', async () => {
    const id = await createUser('EDITOR');
    const cookies = await cookiesFor(id);
    expect(assertRole(await sessionUserFrom(cookies), 'EDITOR').id).toBe(id);

    await db.user.update({ where: { id }, data: { role: 'VIEWER' } });
    await invalidateUserState(id);

    const after = await sessionUserFrom(cookies);
    expect(after?.role).toBe('VIEWER');
    expect(refusal(() => assertRole(after, 'EDITOR'))).toEqual({ code: 'forbidden', status: 403 });
  });

  it('cache the state in Redis for at most a minute, so changes made elsewhere land within it', async () => {
    const id = await createUser('ADMIN');
    await loadUserState(id);
    // The write-back to Redis is not awaited (a frozen Redis must not slow the request).
    await expect.poll(() => getRedis().ttl(userStateKey(id))).toBeGreaterThan(0);
    const ttl = await getRedis().ttl(userStateKey(id));
    expect(ttl).toBeLessThanOrEqual(USER_STATE_TTL_SECONDS);

    // A change that bypassed invalidation (SQL by hand) is served from cache until expiry...
    await db.$executeRaw`UPDATE users SET role = 'VIEWER' WHERE id = ${id}::uuid`;
    expect((await loadUserState(id))?.role).toBe('ADMIN');
    // ...and from PostgreSQL as soon as the cached copy is gone (expiry simulated).
    await getRedis().del(userStateKey(id));
    expect((await loadUserState(id))?.role).toBe('VIEWER');
  });

  it('end the sessions of a disabled account and of a deleted one', async () => {
    const id = await createUser('ADMIN');
    const cookies = await cookiesFor(id);
    expect((await sessionUserFrom(cookies))?.id).toBe(id);

    await db.user.update({ where: { id }, data: { disabledAt: new Date() } });
    await invalidateUserState(id);
    expect(await sessionUserFrom(cookies)).toBeNull();
    expect(refusal(() => assertRole(null, 'VIEWER'))).toEqual({ code: 'unauthorized', status: 401 });

    await db.user.delete({ where: { id } });
    await invalidateUserState(id);
    expect(await sessionUserFrom(cookies)).toBeNull();
  });

  it('ignore a cached state that does not parse, and re-read PostgreSQL', async () => {
    const id = await createUser('EDITOR');
    await getRedis().set(userStateKey(id), '{"id":"someone-else","role":"ADMIN"}', 'EX', 60);
    expect((await loadUserState(id))?.role).toBe('EDITOR');
  });
});
