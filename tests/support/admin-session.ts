// The admin write wrapper's dependencies for integration tests, bound to a real session:
// a session cookie minted for the user (as Auth.js would), read back through the same
// guards the app uses, so roles and account state are re-read from PostgreSQL and Redis.
import { encode } from 'next-auth/jwt';
import type { AdminRole, AdminWriteDeps } from '@/lib/admin/run-admin-write';
import { assertRole, type SessionUser } from '@/lib/auth/guards';
import { sessionUserFrom } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';

const COOKIE = 'authjs.session-token';

/** Re-reads `userId`'s session (null: anonymous) and checks `role`, exactly as the app's guards do. */
export async function sessionAuthorizer(userId: string | null): Promise<(role: AdminRole) => Promise<SessionUser>> {
  const token = userId ? await encode({ token: { sub: userId }, secret: env.AUTH_SECRET, salt: COOKIE }) : undefined;
  return async (role) => assertRole(await sessionUserFrom((name) => (name === COOKIE ? token : undefined)), role);
}

/** AdminWriteDeps for `userId`; revalidated tags are collected in `revalidated`. */
export async function adminWriteDeps(userId: string | null, options: { revalidated?: string[]; ip?: string | null } = {}): Promise<AdminWriteDeps> {
  const { revalidated = [], ip = '203.0.113.7' } = options;
  return {
    db,
    authorize: await sessionAuthorizer(userId),
    clientIp: async () => ip,
    revalidate: (tags) => void revalidated.push(...tags),
  };
}
