// The sign-in limiter against real Redis: counts, window expiry (short test windows),
// concurrency, the in-process fallback, and that a forged X-Forwarded-For from an
// untrusted peer lands on the peer's own counter instead of a fresh one.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { PEER_ADDRESS_HEADER, clientAddressFrom, parseCidrList } from '@/lib/geo/client-address';
import { AuthLimits } from '@/lib/rate-limit/auth-limits';
import { FallbackWindowStore, RedisWindowStore } from '@/lib/rate-limit/fixed-window';
import { MemoryWindowStore } from '@/lib/rate-limit/memory-store';

const redis = new Redis(inject('redisUrl'), { commandTimeout: 1_000, maxRetriesPerRequest: 1 });
let prefix = '';

function limits(overrides: Partial<ConstructorParameters<typeof AuthLimits>[0]> = {}): AuthLimits {
  return new AuthLimits({
    store: new RedisWindowStore(redis),
    prefix,
    signInPerAccount: { limit: 3, windowMs: 1_500 },
    signInPerAddress: { limit: 5, windowMs: 1_500 },
    ...overrides,
  });
}

async function keys(): Promise<Record<string, string | null>> {
  const found = await redis.keys(`${prefix}*`);
  const values = await Promise.all(found.map((key) => redis.get(key)));
  return Object.fromEntries(found.map((key, index) => [key.slice(prefix.length), values[index] ?? null]));
}

beforeEach(() => {
  prefix = `test:e:rl:${randomUUID()}:`;
});

afterAll(async () => {
  const leftovers = await redis.keys('test:e:rl:*');
  if (leftovers.length > 0) await redis.del(...leftovers);
  redis.disconnect();
});

describe('sign-in limits in Redis', () => {
  it('allows the per-account limit, then refuses with the time left in the window', async () => {
    const limiter = limits();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await limiter.admitSignIn('victim@example.com', `192.0.2.${attempt}`)).toEqual({ allowed: true });
    }
    const refused = await limiter.admitSignIn('victim@example.com', '192.0.2.9');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(0);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeLessThanOrEqual(1_500);
    // The account is keyed by a hash: no email in Redis.
    expect(Object.keys(await keys()).some((key) => key.includes('victim'))).toBe(false);
  });

  it('starts a new window once the old one has expired', async () => {
    const limiter = limits();
    for (let attempt = 0; attempt < 4; attempt += 1) await limiter.admitSignIn('someone@example.com', '192.0.2.1');
    expect((await limiter.admitSignIn('someone@example.com', '192.0.2.1')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await limiter.admitSignIn('someone@example.com', '192.0.2.1')).toEqual({ allowed: true });
  });

  it('limits an address across many accounts', async () => {
    const limiter = limits();
    for (let n = 1; n <= 5; n += 1) expect((await limiter.admitSignIn(`user${n}@example.com`, '198.51.100.7')).allowed).toBe(true);
    expect((await limiter.admitSignIn('user6@example.com', '198.51.100.7')).allowed).toBe(false);
    expect((await limiter.admitSignIn('user6@example.com', '198.51.100.8')).allowed).toBe(true);
  });

  it('a success clears the account’s failures but keeps the address’s other failures', async () => {
    const limiter = limits();
    await limiter.admitSignIn('mine@example.com', '203.0.113.5');
    await limiter.admitSignIn('other@example.com', '203.0.113.5');
    await limiter.admitSignIn('mine@example.com', '203.0.113.5');
    await limiter.signInSucceeded('mine@example.com', '203.0.113.5');
    const counters = Object.entries(await keys());
    expect(counters.find(([key]) => key.startsWith('signin:address:'))?.[1]).toBe('2');
    expect(counters.filter(([key]) => key.startsWith('signin:account:'))).toHaveLength(1); // only other@'s
  });

  it('admits exactly the limit under a burst of concurrent attempts', async () => {
    const limiter = limits();
    const results = await Promise.all(Array.from({ length: 25 }, () => limiter.admitSignIn('burst@example.com', '192.0.2.77')));
    expect(results.filter((result) => result.allowed)).toHaveLength(3);
  });

  it('keeps limiting in process while Redis is unreachable', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250 });
    const limiter = new AuthLimits({
      store: new FallbackWindowStore(new RedisWindowStore(dead), new MemoryWindowStore()),
      prefix,
      signInPerAccount: { limit: 2, windowMs: 60_000 },
    });
    const started = Date.now();
    expect((await limiter.admitSignIn('offline@example.com', '192.0.2.1')).allowed).toBe(true);
    expect((await limiter.admitSignIn('offline@example.com', '192.0.2.1')).allowed).toBe(true);
    expect((await limiter.admitSignIn('offline@example.com', '192.0.2.1')).allowed).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    dead.disconnect();
  });
});

describe('the per-address counter and X-Forwarded-For', () => {
  const peer = '203.0.113.50';

  function requestHeaders(forwardedFor: string | null, from = peer): Headers {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: from });
    if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);
    return headers;
  }

  it('a forged X-Forwarded-For from an untrusted peer neither resets nor dodges the counter', async () => {
    const limiter = limits();
    const untrusted = parseCidrList('10.0.0.0/8');
    for (let n = 1; n <= 5; n += 1) {
      const address = clientAddressFrom(requestHeaders(`198.51.100.${n}`), untrusted);
      expect(address).toBe(peer);
      expect((await limiter.admitSignIn(`guess${n}@example.com`, address)).allowed).toBe(true);
    }
    const forged = clientAddressFrom(requestHeaders('192.0.2.200, 192.0.2.201'), untrusted);
    expect((await limiter.admitSignIn('guess6@example.com', forged)).allowed).toBe(false);
    expect(Object.keys(await keys()).filter((key) => key.startsWith('signin:address:'))).toEqual([`signin:address:${peer}`]);
  });

  it('sign-ups: a forged X-Forwarded-For from an untrusted peer neither resets nor dodges the per-address limit', async () => {
    const limiter = limits({ signUpPerAddress: { limit: 3, windowMs: 5_000 } });
    const untrusted = parseCidrList('10.0.0.0/8');
    for (let n = 1; n <= 3; n += 1) {
      expect((await limiter.admitSignUp(clientAddressFrom(requestHeaders(`198.51.100.${n}`), untrusted))).allowed).toBe(true);
    }
    for (const forged of ['192.0.2.7', '192.0.2.8, 192.0.2.9', 'unknown', '::1', '']) {
      const refused = await limiter.admitSignUp(clientAddressFrom(requestHeaders(forged || null), untrusted));
      expect(refused.allowed, `X-Forwarded-For: ${forged}`).toBe(false);
    }
    expect(Object.keys(await keys()).filter((key) => key.startsWith('signup:address:'))).toEqual([`signup:address:${peer}`]);
  });

  it('behind a trusted proxy, the client is the hop the proxy appended, not what the client wrote', async () => {
    const limiter = limits();
    const proxies = parseCidrList('10.0.0.0/8');
    for (let n = 1; n <= 5; n += 1) {
      // The client forges a different first hop every time; our proxy (10.0.0.2) appends the real one.
      const address = clientAddressFrom(requestHeaders(`192.0.2.${n}, ${peer}`, '10.0.0.2'), proxies);
      expect(address).toBe(peer);
      await limiter.admitSignIn(`guess${n}@example.com`, address);
    }
    const address = clientAddressFrom(requestHeaders(`192.0.2.99, ${peer}`, '10.0.0.2'), proxies);
    expect((await limiter.admitSignIn('guess6@example.com', address)).allowed).toBe(false);
  });
});

describe('a freshly created Redis client', () => {
  it('is waited for while it connects, so the first attempts after a start are shared, not in-process', async () => {
    const fresh = new Redis(inject('redisUrl'), { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 250 });
    const memory = new MemoryWindowStore();
    const limiter = new AuthLimits({ store: new FallbackWindowStore(new RedisWindowStore(fresh), memory), prefix });
    expect(fresh.status).toBe('connecting');
    await limiter.admitSignIn('first@example.com', '192.0.2.1');
    expect(await redis.get(`${prefix}signin:address:192.0.2.1`)).toBe('1');
    expect((await memory.peek(`${prefix}signin:address:192.0.2.1`)).count).toBe(0);
    fresh.disconnect();
  });
});
