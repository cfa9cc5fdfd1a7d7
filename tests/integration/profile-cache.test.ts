// The profile cache against real PostgreSQL and a Redis of its own (stopped and frozen on
// purpose): one HGETALL per hit, rebuilds after 5 minutes, invalidation that an in-flight
// rebuild cannot undo, a single rebuild under 200 concurrent requests (in one process and
// across two instances), and answers from PostgreSQL within 300 ms with Redis down or frozen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { EntitlementProfile } from '@/lib/entitlements/types';
import { ProfileCache, type ProfileCacheOptions } from '@/lib/profile/cache';
import { loadProfileFromDb } from '@/lib/profile/load';
import { createIsp, createPackage, createViewer } from '../support/entitlement-fixtures';
import { startOwnRedis, type OwnRedis } from '../support/own-redis';

let redis: OwnRedis;
let sports: string;
let tvPlus: string;
let cinema: string;
let telekom: string;

beforeAll(async () => {
  redis = await startOwnRedis();
  telekom = await createIsp('Deutsche Telekom', 'DE', [3320]);
  sports = await createPackage('Sports');
  cinema = await createPackage('Cinema');
  tvPlus = await createPackage('TV Plus', telekom);
});

afterAll(async () => {
  await redis?.stop();
});

async function cache(options: Partial<ProfileCacheOptions> = {}): Promise<ProfileCache> {
  return new ProfileCache({ redis: await redis.client(), load: (id) => loadProfileFromDb(id), keyPrefix: 'test:f:', ...options });
}

describe('building a profile from PostgreSQL', () => {
  it('holds the packages that count, with validity and ISP networks', async () => {
    const ends = new Date(Date.now() + 10 * 86_400_000);
    const userId = await createViewer({
      homeCountry: 'DE',
      parentalLimit: 12,
      ispIds: [telekom],
      packages: [
        { packageId: sports },
        { packageId: tvPlus },
        { packageId: cinema, status: 'CANCELED', endsAt: ends },
        { packageId: cinema, status: 'PAST_DUE' },
        { packageId: sports, status: 'CANCELED', startsAt: new Date(Date.now() - 90 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000) },
      ],
    });
    const profile = await loadProfileFromDb(userId);
    expect(profile).toMatchObject({ userId, homeCountry: 'DE', parentalLimit: 12, ispIds: [telekom], role: 'viewer', version: 1 });
    const held = Object.fromEntries(profile!.packages.map((p) => [p.id, p]));
    expect(Object.keys(held).sort()).toEqual([sports, tvPlus, cinema].sort());
    expect(held[tvPlus]!.asns).toEqual([3320]);
    expect(held[cinema]!.until).toBe(ends.getTime());
  });

  it('has none for a disabled or unknown account, or an id that is not a UUID', async () => {
    expect(await loadProfileFromDb(await createViewer({ disabled: true }))).toBeNull();
    expect(await loadProfileFromDb('018f0000-0000-7000-8000-000000000000')).toBeNull();
    expect(await loadProfileFromDb("x' OR 1=1 --")).toBeNull();
  });

  it('orders packages by start, drops a canceled one without a paid period, and keeps exact times', async () => {
    const startsAt = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    const endsAt = new Date(Date.now() + 86_400_000 + 123);
    const userId = await createViewer({
      packages: [
        { packageId: tvPlus, startsAt: new Date(startsAt.getTime() + 1_000), endsAt },
        { packageId: sports, startsAt },
        { packageId: cinema, status: 'CANCELED', endsAt: null },
      ],
    });
    const profile = await loadProfileFromDb(userId);
    expect(profile?.packages).toEqual([
      { id: sports, from: startsAt.getTime(), until: null, asns: [] },
      { id: tvPlus, from: startsAt.getTime() + 1_000, until: endsAt.getTime(), asns: [3320] },
    ]);
    expect(profile?.ispIds).toEqual([]);
  });
});

describe('ProfileCache', () => {
  it('rebuilds a missing profile once, then answers from one HGETALL', async () => {
    const userId = await createViewer({ packages: [{ packageId: sports }] });
    const profiles = await cache();
    const first = await profiles.get(userId);
    expect(first?.packages.map((p) => p.id)).toEqual([sports]);
    expect(profiles.stats).toMatchObject({ databaseLoads: 1, hits: 0 });
    const second = await profiles.get(userId);
    expect(second).toEqual({ ...first, packages: first!.packages.map((p) => ({ ...p, from: Math.floor(p.from / 1000) * 1000 })) });
    expect(profiles.stats).toMatchObject({ databaseLoads: 1, hits: 1 });
    const hash = await (await redis.client()).hgetall(`test:f:profile:{${userId}}`);
    expect(hash).toMatchObject({ v: '1', r: 'v', c: 'GB' });
  });

  it('rebuilds a profile older than 5 minutes', async () => {
    const userId = await createViewer({});
    let now = Date.now();
    const profiles = await cache({ clock: () => now });
    await profiles.get(userId);
    now += 4 * 60_000;
    await profiles.get(userId);
    expect(profiles.stats.databaseLoads).toBe(1);
    now += 60_000;
    await profiles.get(userId);
    expect(profiles.stats.databaseLoads).toBe(2);
  });

  it('sees a new subscription at once after invalidation', async () => {
    const userId = await createViewer({});
    const profiles = await cache();
    expect((await profiles.get(userId))!.packages).toEqual([]);
    await db.subscription.create({ data: { userId, packageId: cinema, startsAt: new Date(Date.now() - 1000) } });
    expect((await profiles.get(userId))!.packages).toEqual([]); // still cached
    await profiles.invalidate(userId);
    expect((await profiles.get(userId))!.packages.map((p) => p.id)).toEqual([cinema]);
  });

  it('lets no rebuild that read PostgreSQL before an invalidation write the old profile back', async () => {
    const userId = await createViewer({});
    let release!: () => void;
    let readDone!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = new Promise<void>((resolve) => (readDone = resolve));
    const slow = await cache({
      load: async (id) => {
        const profile = await loadProfileFromDb(id);
        readDone();
        await gate; // the change and the invalidation happen while this rebuild is "reading"
        return profile;
      },
    });
    const pending = slow.get(userId);
    await read;
    await db.subscription.create({ data: { userId, packageId: sports, startsAt: new Date(Date.now() - 1000) } });
    await (await cache()).invalidate(userId); // another instance
    release();
    expect((await pending)!.packages).toEqual([]); // it answers what it read...
    const fresh = await cache();
    expect((await fresh.get(userId))!.packages.map((p) => p.id)).toEqual([sports]); // ...but did not cache it
    expect(fresh.stats.databaseLoads).toBe(1);
  });

  it('caches "no such viewer" too, so a disabled account does not hit PostgreSQL every time', async () => {
    const userId = await createViewer({ disabled: true });
    const profiles = await cache();
    expect(await profiles.get(userId)).toBeNull();
    expect(await profiles.get(userId)).toBeNull();
    expect(profiles.stats).toMatchObject({ databaseLoads: 1, hits: 1 });
  });

  it('rebuilds once for 200 concurrent requests in one process', async () => {
    const userId = await createViewer({ packages: [{ packageId: sports }] });
    const profiles = await cache();
    const results = await Promise.all(Array.from({ length: 200 }, () => profiles.get(userId)));
    expect(profiles.stats.databaseLoads).toBe(1);
    expect(new Set(results.map((r) => r?.userId))).toEqual(new Set([userId]));
  });

  it('rebuilds once for 200 concurrent requests spread over two instances', async () => {
    const userId = await createViewer({ packages: [{ packageId: sports }] });
    const instances = [await cache(), await cache()];
    // Both instances' clients connected before the burst, as in a running deployment.
    await Promise.all(instances.map((instance) => instance.get('018f0000-0000-7000-8000-00000000beef')));
    const before = instances.map((instance) => instance.stats.databaseLoads);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => instances[i % 2]!.get(userId)));
    const loads = instances.map((instance, i) => instance.stats.databaseLoads - before[i]!);
    expect(loads[0]! + loads[1]!).toBe(1);
    expect(results.every((r) => r?.packages[0]?.id === sports)).toBe(true);
  });
});

describe('with Redis unavailable', () => {
  async function timed(run: () => Promise<EntitlementProfile | null>): Promise<{ ms: number; profile: EntitlementProfile | null }> {
    const started = performance.now();
    const profile = await run();
    return { ms: performance.now() - started, profile };
  }

  it('answers from PostgreSQL within 300 ms while Redis is frozen, and recovers', async () => {
    const userId = await createViewer({ packages: [{ packageId: cinema }] });
    const profiles = await cache();
    await profiles.get(userId); // cached and connected
    await loadProfileFromDb(userId); // pool warm
    redis.freeze();
    try {
      const frozen = await timed(() => profiles.get(userId));
      expect(frozen.profile?.packages[0]?.id).toBe(cinema);
      expect(frozen.ms).toBeLessThan(300);
      // During the back-off, requests skip Redis entirely.
      const next = await timed(() => profiles.get(userId));
      expect(next.ms).toBeLessThan(100);
      const burst = performance.now();
      await Promise.all(Array.from({ length: 50 }, () => profiles.get(userId)));
      expect(performance.now() - burst).toBeLessThan(300);
    } finally {
      redis.thaw();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // back-off over
    const hitsBefore = profiles.stats.hits;
    await profiles.get(userId);
    await profiles.get(userId);
    expect(profiles.stats.hits).toBeGreaterThan(hitsBefore);
  });

  it('shares its back-off with the other Redis readers of the process: one frozen read per request, not one per reader', async () => {
    const userId = await createViewer({ packages: [{ packageId: sports }] });
    let skipping = false;
    let failures = 0;
    const profiles = await cache({ sharedBackoff: { skipped: () => skipping, failed: () => void (failures += 1) } });
    await profiles.get(userId);
    // Another reader (the user state) has just seen Redis fail: the profile goes straight to PostgreSQL.
    skipping = true;
    redis.freeze();
    try {
      const skipped = await timed(() => profiles.get(userId));
      expect(skipped.profile?.packages[0]?.id).toBe(sports);
      // A read of the frozen Redis would have waited out the whole 200 ms budget.
      expect(skipped.ms).toBeLessThan(200);
      expect(profiles.stats.redisFailures).toBe(0);
      // Its own timed-out read tells the others.
      skipping = false;
      await profiles.get(userId);
      expect(failures).toBe(1);
    } finally {
      redis.thaw();
    }
  });

  it('answers from PostgreSQL within 300 ms with Redis down', async () => {
    const userId = await createViewer({ packages: [{ packageId: sports }] });
    const down = await startOwnRedis();
    const profiles = new ProfileCache({ redis: await down.client(), load: (id) => loadProfileFromDb(id), keyPrefix: 'test:f:' });
    await profiles.get(userId);
    await down.stop();
    const result = await timed(() => profiles.get(userId));
    expect(result.profile?.packages[0]?.id).toBe(sports);
    expect(result.ms).toBeLessThan(300);
  });
});
