// The app's limiter: Redis-backed (shared by every instance), in-process while Redis fails.
import 'server-only';
import { getRedis } from '@/lib/redis/client';
import { AuthLimits } from './auth-limits';
import { FallbackWindowStore, RedisWindowStore } from './fixed-window';

const globalForLimits = globalThis as unknown as { primetimeAuthLimits?: AuthLimits };

export function getAuthLimits(): AuthLimits {
  globalForLimits.primetimeAuthLimits ??= new AuthLimits({
    store: new FallbackWindowStore(new RedisWindowStore(getRedis())),
    prefix: 'rate:',
  });
  return globalForLimits.primetimeAuthLimits;
}

export { tooManyAttemptsMessage, type Admission } from './auth-limits';
