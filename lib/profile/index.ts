// The process's profile cache over the shared Redis "cache" connection and PostgreSQL.
import 'server-only';
import type { EntitlementProfile } from '@/lib/entitlements/types';
import { registerCacheStats } from '@/lib/observability/cache-stats';
import { registerScrapedMetric } from '@/lib/observability/metrics';
import { getRedis, redisBackoff } from '@/lib/redis/client';
import { ProfileCache } from './cache';
import { loadProfileFromDb } from './load';

const globalForProfiles = globalThis as unknown as { primetimeProfiles?: ProfileCache };

export function getProfileCache(): ProfileCache {
  if (!globalForProfiles.primetimeProfiles) {
    const cache = new ProfileCache({ redis: getRedis(), load: (userId) => loadProfileFromDb(userId), sharedBackoff: redisBackoff });
    globalForProfiles.primetimeProfiles = cache;
    registerProfileMetrics(cache);
  }
  return globalForProfiles.primetimeProfiles;
}

/** Hit ratio and the work behind the misses, read from the cache's counters at scrape time. */
function registerProfileMetrics(cache: ProfileCache): void {
  const { stats } = cache;
  registerCacheStats('profile', () => ({ hits: stats.hits, misses: stats.misses }));
  registerScrapedMetric(
    'primetime_profile_cache_operations_total',
    'Profile cache work: rebuilds after a miss, loads from PostgreSQL (rebuilds and Redis-down fallbacks), Redis failures.',
    'counter',
    () => [
      [{ operation: 'rebuild' }, stats.rebuilds],
      [{ operation: 'database_load' }, stats.databaseLoads],
      [{ operation: 'redis_failure' }, stats.redisFailures],
    ],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A viewer's entitlement profile (cached); null when no enabled user has that id. */
export async function getProfile(userId: string): Promise<EntitlementProfile | null> {
  if (!UUID.test(userId)) return null; // not one of our ids: not worth a Redis or SQL call
  return getProfileCache().get(userId.toLowerCase());
}

/**
 * Drops a viewer's cached profile at once. Call after committing any change to their
 * subscriptions, ISP bindings, role, parental limit, home country or account state.
 */
export function invalidateProfile(userId: string): Promise<void> {
  return getProfileCache().invalidate(userId);
}
