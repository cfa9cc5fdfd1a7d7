import { describe, expect, it } from 'vitest';
import { IdFactory, UUID_V7 } from '@/prisma/seed/ids';
import { hash32, Rng, streamFor } from '@/prisma/seed/prng';

describe('seed PRNG', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(seqA);
  });

  it('keeps int() inside its bounds and reaches both ends', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const v = rng.int(3, 9);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(9);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('is roughly uniform (each of 10 buckets within 10% of its share)', () => {
    const rng = new Rng(1);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) buckets[Math.floor(rng.next() * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(n / 100);
  });

  it('honours weights', () => {
    const rng = new Rng(9);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });

  it('samples distinct items', () => {
    const picked = new Rng(3).sample(['a', 'b', 'c', 'd', 'e'], 4);
    expect(new Set(picked).size).toBe(4);
  });

  it('derives independent streams per label, stable across calls', () => {
    expect(streamFor('films').u32()).toBe(streamFor('films').u32());
    expect(streamFor('films').u32()).not.toBe(streamFor('viewers').u32());
    expect(hash32('abc')).toBe(hash32('abc'));
  });
});

describe('seed ids', () => {
  it('are UUIDv7-shaped, unique, deterministic and time-ordered', () => {
    const a = new IdFactory(new Rng(5));
    const b = new IdFactory(new Rng(5));
    const ids = Array.from({ length: 50_000 }, () => a.next());
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Array.from({ length: 10 }, () => b.next())).toEqual(ids.slice(0, 10));
    expect([...ids].sort()).toEqual(ids);
  });

  it('puts the given instant into the timestamp of at()', () => {
    const ms = Date.UTC(2026, 10, 21, 20, 0);
    const id = new IdFactory(new Rng(1)).at(ms);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });
});
