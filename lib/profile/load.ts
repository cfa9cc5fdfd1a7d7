// Builds a viewer's entitlement profile from PostgreSQL (the truth). One query: the user
// with the subscriptions that can still count and the ISP bindings. On the PRIMARY (`db`),
// never a replica: a profile rebuilt right after a subscription change must see it (ADR 0013).
import 'server-only';
import { db } from '@/lib/db/client';
import type { EntitlementProfile, ProfileRole } from '@/lib/entitlements/types';

const ROLES: Record<string, ProfileRole> = { VIEWER: 'viewer', EDITOR: 'editor', ADMIN: 'admin' };

/**
 * The profile of an enabled user, or null (no such user, or disabled: no entitlements).
 * Subscriptions count while ACTIVE, and while CANCELED until their paid period ends;
 * PAST_DUE counts for nothing (never fail open on a billing problem).
 */
export async function loadProfileFromDb(userId: string, now: number = Date.now()): Promise<EntitlementProfile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      disabledAt: true,
      homeCountry: true,
      parentalLimit: true,
      timeZone: true,
      profileVersion: true,
      subscriptions: {
        where: { status: { in: ['ACTIVE', 'CANCELED'] }, OR: [{ endsAt: null }, { endsAt: { gt: new Date(now) } }] },
        select: { packageId: true, status: true, startsAt: true, endsAt: true, package: { select: { isp: { select: { asns: true } } } } },
        orderBy: { startsAt: 'asc' },
      },
      ispBindings: { select: { ispId: true }, orderBy: { ispId: 'asc' } },
    },
  });
  if (!user || user.disabledAt !== null) return null;
  return {
    userId: user.id,
    version: user.profileVersion,
    role: ROLES[user.role] ?? 'viewer',
    homeCountry: user.homeCountry,
    parentalLimit: user.parentalLimit,
    timeZone: user.timeZone,
    packages: user.subscriptions
      // A canceled subscription without an end date has no paid period left.
      .filter((s) => s.status === 'ACTIVE' || s.endsAt !== null)
      .map((s) => ({
        id: s.packageId,
        from: s.startsAt.getTime(),
        until: s.endsAt?.getTime() ?? null,
        asns: s.package.isp?.asns ?? [],
      })),
    ispIds: user.ispBindings.map((b) => b.ispId),
    checkedAt: now,
  };
}
