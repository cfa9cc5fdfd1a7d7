// What the account page shows: the viewer's own record, packages and ISP bindings, as a
// typed shape (pages never see Prisma rows). Always read from PostgreSQL: it is one
// person's page, opened rarely, and it must show a change made a second ago.
import 'server-only';
import { db } from '@/lib/db/client';
import type { Role, SubscriptionStatus } from '@/lib/db/generated/enums';

export interface AccountPackage {
  subscriptionId: string;
  name: string;
  status: SubscriptionStatus;
  /** ISO instants; `endsAt` null: renews until cancelled. */
  startsAt: string;
  endsAt: string | null;
  /** Active and inside its validity at `now`. */
  current: boolean;
}

export interface AccountIspBinding {
  ispName: string;
  country: string;
  verified: boolean;
}

export interface AccountOverview {
  email: string;
  role: Role;
  homeCountry: string | null;
  parentalLimit: number | null;
  timeZone: string | null;
  memberSince: string;
  packages: AccountPackage[];
  ispBindings: AccountIspBinding[];
}

export async function getAccountOverview(userId: string, now: Date = new Date()): Promise<AccountOverview | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      role: true,
      homeCountry: true,
      parentalLimit: true,
      timeZone: true,
      createdAt: true,
      subscriptions: {
        select: { id: true, status: true, startsAt: true, endsAt: true, package: { select: { name: true } } },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      },
      ispBindings: {
        select: { verifiedAt: true, isp: { select: { name: true, country: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!user) return null;
  return {
    email: user.email,
    role: user.role,
    homeCountry: user.homeCountry,
    parentalLimit: user.parentalLimit,
    timeZone: user.timeZone,
    memberSince: user.createdAt.toISOString(),
    packages: user.subscriptions.map((subscription) => ({
      subscriptionId: subscription.id,
      name: subscription.package.name,
      status: subscription.status,
      startsAt: subscription.startsAt.toISOString(),
      endsAt: subscription.endsAt?.toISOString() ?? null,
      current:
        subscription.status === 'ACTIVE' &&
        subscription.startsAt <= now &&
        (subscription.endsAt === null || subscription.endsAt > now),
    })),
    ispBindings: user.ispBindings.map((binding) => ({
      ispName: binding.isp.name,
      country: binding.isp.country,
      verified: binding.verifiedAt !== null,
    })),
  };
}
