import { describe, expect, it } from 'vitest';
import { RightsCache } from './rights-cache';

function harness() {
  let now = 1_000_000;
  const loads: Array<{ kind: string; id: string; asOf: number }> = [];
  let fail = false;
  const cache = new RightsCache<string>({
    clock: () => now,
    load: async (kind, id, asOf) => {
      loads.push({ kind, id, asOf: asOf.getTime() });
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error('database down');
      return `${kind}/${id}#${loads.length}`;
    },
  });
  return { cache, loads, advance: (ms: number) => (now += ms), failNext: (value: boolean) => (fail = value), now: () => now };
}

describe('RightsCache', () => {
  it('loads once for concurrent requests and again after a second', async () => {
    const h = harness();
    const answers = await Promise.all(Array.from({ length: 50 }, () => h.cache.get('channel', 'a', h.now())));
    expect(new Set(answers)).toEqual(new Set(['channel/a#1']));
    expect(h.loads).toHaveLength(1);
    h.advance(999);
    expect(await h.cache.get('channel', 'a', h.now() - 999)).toBe('channel/a#1');
    h.advance(1);
    expect(await h.cache.get('channel', 'a', h.now())).toBe('channel/a#2');
  });

  it('keeps kinds, ids and request seconds apart, loading as of the start of the second', async () => {
    const h = harness();
    await h.cache.get('channel', 'a', 5_000_400);
    await h.cache.get('title', 'a', 5_000_400);
    await h.cache.get('channel', 'b', 5_000_400);
    await h.cache.get('channel', 'a', 9_000_000);
    expect(h.loads).toEqual([
      { kind: 'channel', id: 'a', asOf: 5_000_000 },
      { kind: 'title', id: 'a', asOf: 5_000_000 },
      { kind: 'channel', id: 'b', asOf: 5_000_000 },
      { kind: 'channel', id: 'a', asOf: 9_000_000 },
    ]);
  });

  it('does not remember a failed load', async () => {
    const h = harness();
    h.failNext(true);
    await expect(h.cache.get('channel', 'a', h.now())).rejects.toThrow('database down');
    h.failNext(false);
    expect(await h.cache.get('channel', 'a', h.now())).toBe('channel/a#2');
  });
});
