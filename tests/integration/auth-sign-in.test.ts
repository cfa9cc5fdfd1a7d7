// Account creation and password sign-in against real PostgreSQL and Redis: validation,
// normalised emails, duplicates as form errors, argon2id, refusals with their sentences,
// disabled accounts, and the rate limit on top (test key prefix, short windows).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DISABLED_ACCOUNT_MESSAGE, INVALID_CREDENTIALS_MESSAGE, SignInRefused, authenticate } from '@/lib/auth/credentials';
import { verifyPassword } from '@/lib/auth/password';
import { EMAIL_TAKEN_MESSAGE, createAccount } from '@/lib/auth/sign-up';
import { db } from '@/lib/db/client';
import { PEER_ADDRESS_HEADER } from '@/lib/geo/client-address';
import { AuthLimits } from '@/lib/rate-limit/auth-limits';
import { RedisWindowStore } from '@/lib/rate-limit/fixed-window';

const redis = new Redis(inject('redisUrl'), { commandTimeout: 1_000, maxRetriesPerRequest: 1 });
const PASSWORD = 'correct-horse-7';

function freshLimits(): AuthLimits {
  return new AuthLimits({
    store: new RedisWindowStore(redis),
    prefix: `test:e:signin:${randomUUID()}:`,
    signInPerAccount: { limit: 3, windowMs: 5 * 60_000 },
    signInPerAddress: { limit: 50, windowMs: 5 * 60_000 },
  });
}

function from(address: string): Headers {
  return new Headers({ [PEER_ADDRESS_HEADER]: address });
}

async function refusalOf(attempt: Promise<unknown>): Promise<{ refusal: string; message: string } | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    if (error instanceof SignInRefused) return { refusal: error.refusal, message: error.userMessage };
    throw error;
  }
}

async function newAccount(): Promise<{ id: string; email: string }> {
  const email = `viewer-${randomUUID()}@sign-in.example.com`;
  const result = await createAccount({ email, password: PASSWORD, confirmPassword: PASSWORD });
  if (!result.ok) throw new Error(`could not create ${email}: ${JSON.stringify(result.errors)}`);
  return result.user;
}

afterAll(async () => {
  const leftovers = await redis.keys('test:e:signin:*');
  if (leftovers.length > 0) await redis.del(...leftovers);
  redis.disconnect();
  // Only this file's accounts: other files create users at the same time.
  await db.user.deleteMany({ where: { email: { endsWith: '@sign-in.example.com' } } });
  await db.$disconnect();
});

describe('createAccount', () => {
  it('creates a VIEWER with a lower-cased email and an argon2id hash with its own salt', async () => {
    const local = `New.Person.${randomUUID()}`;
    const result = await createAccount({ email: ` ${local}@Sign-In.Example.com `, password: PASSWORD, confirmPassword: PASSWORD });
    expect(result.ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({
      where: { email: `${local.toLowerCase()}@sign-in.example.com` },
      select: { role: true, passwordHash: true },
    });
    expect(row.role).toBe('VIEWER');
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, `${PASSWORD}x`)).toBe(false);

    const second = await newAccount();
    const secondHash = (await db.user.findUniqueOrThrow({ where: { id: second.id }, select: { passwordHash: true } })).passwordHash;
    expect(secondHash).not.toBe(row.passwordHash);
  });

  it('answers a taken email, in any case, with a form error and writes nothing', async () => {
    const { email } = await newAccount();
    const before = await db.user.count();
    const result = await createAccount({ email: email.toUpperCase(), password: PASSWORD, confirmPassword: PASSWORD });
    expect(result).toEqual({ ok: false, errors: { email: EMAIL_TAKEN_MESSAGE } });
    expect(await db.user.count()).toBe(before);
  });

  it('explains every invalid field at once and writes nothing', async () => {
    const before = await db.user.count();
    const result = await createAccount({ email: 'nope', password: 'short', confirmPassword: 'different' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['confirmPassword', 'email', 'password']);
    expect(await createAccount('not even an object')).toMatchObject({ ok: false });
    expect(await db.user.count()).toBe(before);
  });
});

describe('authenticate', () => {
  it('signs in with the right password, whatever the email’s case', async () => {
    const { id, email } = await newAccount();
    const user = await authenticate({ email: email.toUpperCase(), password: PASSWORD }, from('192.0.2.10'), freshLimits());
    expect(user).toEqual({ id, email, role: 'VIEWER' });
  });

  it('gives the same refusal for a wrong password and an unknown email', async () => {
    const { email } = await newAccount();
    const limits = freshLimits();
    expect(await refusalOf(authenticate({ email, password: 'wrong-password-1' }, from('192.0.2.11'), limits))).toEqual({
      refusal: 'credentials',
      message: INVALID_CREDENTIALS_MESSAGE,
    });
    expect(await refusalOf(authenticate({ email: `nobody-${randomUUID()}@sign-in.example.com`, password: PASSWORD }, from('192.0.2.11'), limits))).toEqual({
      refusal: 'credentials',
      message: INVALID_CREDENTIALS_MESSAGE,
    });
    expect(await refusalOf(authenticate({ email: 42, password: null }, from('192.0.2.11'), limits))).toMatchObject({ refusal: 'credentials' });
  });

  it('refuses a disabled account even with the right password', async () => {
    const { id, email } = await newAccount();
    await db.user.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(await refusalOf(authenticate({ email, password: PASSWORD }, from('192.0.2.12'), freshLimits()))).toEqual({
      refusal: 'disabled',
      message: DISABLED_ACCOUNT_MESSAGE,
    });
  });

  it('locks the account after the limit, even for the right password, and says for how long', async () => {
    const { email } = await newAccount();
    const limits = freshLimits();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await refusalOf(authenticate({ email, password: 'wrong-password-1' }, from(`192.0.2.${20 + attempt}`), limits))).toMatchObject({
        refusal: 'credentials',
      });
    }
    expect(await refusalOf(authenticate({ email, password: PASSWORD }, from('192.0.2.30'), limits))).toEqual({
      refusal: 'rate_limited',
      message: 'Too many attempts; try again in 5 minutes.',
    });
  });

  it('a successful sign-in clears the account’s earlier failures', async () => {
    const { email } = await newAccount();
    const limits = freshLimits();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await refusalOf(authenticate({ email, password: 'wrong-password-1' }, from('192.0.2.40'), limits));
    }
    await authenticate({ email, password: PASSWORD }, from('192.0.2.40'), limits);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await refusalOf(authenticate({ email, password: 'wrong-password-1' }, from('192.0.2.40'), limits))).toMatchObject({
        refusal: 'credentials',
      });
    }
  });
});
