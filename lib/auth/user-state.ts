// The slice of a user that authorisation depends on (role, disabled), re-read on every
// privileged check instead of trusted from a 30-day session token.
//
// Read path: Redis `user-state:{id}` (a small JSON string, TTL 60 s) -> PostgreSQL
// (primary key lookup, then written back to Redis). So a change made through our code is
// seen at once (callers invalidate), and any other change (SQL by hand) within 60 s.
// With Redis down the read goes to PostgreSQL: slower, never wrong.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Role } from '@/lib/db/generated/enums';
import { getRedis, redisBackoff } from '@/lib/redis/client';

export const USER_STATE_TTL_SECONDS = 60;

export interface UserState {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
}

const cachedState = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum([Role.VIEWER, Role.EDITOR, Role.ADMIN]),
  disabled: z.boolean(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function userStateKey(userId: string): string {
  return `user-state:${userId}`;
}

/** The user's current role and status; null when no such user exists (deleted account). */
export async function loadUserState(userId: string): Promise<UserState | null> {
  if (!UUID.test(userId)) return null; // a token from elsewhere; not worth a query
  const cached = await readCached(userId);
  if (cached) return cached;
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, disabledAt: true },
  });
  if (!row) return null;
  const state: UserState = { id: row.id, email: row.email, role: row.role, disabled: row.disabledAt !== null };
  // Not awaited: the answer is known, and a frozen Redis must not hold the request.
  if (!redisBackoff.skipped()) {
    getRedis()
      .set(userStateKey(userId), JSON.stringify(state), 'EX', USER_STATE_TTL_SECONDS)
      .catch(() => redisBackoff.failed()); // the next reads go to PostgreSQL for a while
  }
  return state;
}

/**
 * Call after changing a user's role, disabling or deleting the account: the next check
 * anywhere reads PostgreSQL. Throws when Redis cannot be reached, because then a stale
 * copy may live on for up to USER_STATE_TTL_SECONDS; callers decide whether to tell the admin.
 */
export async function invalidateUserState(userId: string): Promise<void> {
  await getRedis().del(userStateKey(userId));
}

async function readCached(userId: string): Promise<UserState | null> {
  if (redisBackoff.skipped()) return null;
  let raw: string | null;
  try {
    raw = await getRedis().get(userStateKey(userId));
  } catch {
    redisBackoff.failed();
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = cachedState.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.id === userId ? parsed.data : null;
  } catch {
    return null;
  }
}
