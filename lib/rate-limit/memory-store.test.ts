import { describe, expect, it } from 'vitest';
import { AuthLimits, tooManyAttemptsMessage } from './auth-limits';
import { MemoryWindowStore } from './memory-store';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('MemoryWindowStore', () => {
  it('counts hits inside a window and starts over when it ends', async () => {
    const time = clock();
    const store = new MemoryWindowStore(100, time.now);
    expect(await store.hit('k', 1_000)).toEqual({ count: 1, resetInMs: 1_000 });
    time.advance(400);
    expect(await store.hit('k', 1_000)).toEqual({ count: 2, resetInMs: 600 });
    time.advance(600);
    expect(await store.hit('k', 1_000)).toEqual({ count: 1, resetInMs: 1_000 });
  });

  it('never extends a window with later hits', async () => {
    const time = clock();
    const store = new MemoryWindowStore(100, time.now);
    await store.hit('k', 1_000);
    time.advance(900);
    expect((await store.hit('k', 1_000)).resetInMs).toBe(100);
  });

  it('gives slots back without going below zero', async () => {
    const store = new MemoryWindowStore();
    await store.hit('k', 1_000);
    await store.giveBack('k');
    await store.giveBack('k');
    expect(await store.peek('k')).toEqual({ count: 0, resetInMs: 0 });
    expect((await store.hit('k', 1_000)).count).toBe(1);
  });

  it('drops the oldest windows beyond its key limit', async () => {
    const store = new MemoryWindowStore(2);
    await store.hit('a', 1_000);
    await store.hit('b', 1_000);
    await store.hit('c', 1_000);
    expect((await store.peek('a')).count).toBe(0);
    expect((await store.peek('c')).count).toBe(1);
  });
});

describe('AuthLimits over the in-process store', () => {
  it('refuses the attempt after the per-account limit, whatever the address', async () => {
    const limits = new AuthLimits({ store: new MemoryWindowStore(), prefix: 't:', signInPerAccount: { limit: 2, windowMs: 60_000 } });
    expect(await limits.admitSignIn('a@example.com', '192.0.2.1')).toEqual({ allowed: true });
    expect(await limits.admitSignIn('a@example.com', '192.0.2.2')).toEqual({ allowed: true });
    const third = await limits.admitSignIn('a@example.com', '192.0.2.3');
    expect(third.allowed).toBe(false);
    expect(await limits.admitSignIn('b@example.com', '192.0.2.3')).toEqual({ allowed: true });
  });
});

describe('tooManyAttemptsMessage', () => {
  it('rounds up to whole minutes and never says zero', () => {
    expect(tooManyAttemptsMessage(1)).toBe('Too many attempts; try again in 1 minute.');
    expect(tooManyAttemptsMessage(60_001)).toBe('Too many attempts; try again in 2 minutes.');
    expect(tooManyAttemptsMessage(15 * 60_000)).toBe('Too many attempts; try again in 15 minutes.');
  });
});
