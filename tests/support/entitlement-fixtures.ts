// Rows for entitlement tests, written through Prisma into the run's database. Every name is
// unique per call so test files sharing the database never collide.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';

const unique = () => randomUUID().slice(0, 8);

export async function createIsp(name: string, country: string, asns: number[]): Promise<string> {
  const isp = await db.isp.create({ data: { slug: `isp-${unique()}`, name, country, asns }, select: { id: true } });
  return isp.id;
}

export async function createPackage(name: string, ispId: string | null = null): Promise<string> {
  const created = await db.package.create({
    data: { slug: `pkg-${unique()}`, name, description: name, priceCents: 999, currency: 'EUR', ispId },
    select: { id: true },
  });
  return created.id;
}

export async function createViewer(options: {
  homeCountry?: string;
  parentalLimit?: number | null;
  packages?: Array<{ packageId: string; status?: 'ACTIVE' | 'PAST_DUE' | 'CANCELED'; startsAt?: Date; endsAt?: Date | null }>;
  ispIds?: string[];
  disabled?: boolean;
}): Promise<string> {
  const user = await db.user.create({
    data: {
      email: `viewer-${unique()}@entitlements.test`,
      homeCountry: options.homeCountry ?? 'GB',
      parentalLimit: options.parentalLimit ?? null,
      timeZone: 'Europe/London',
      disabledAt: options.disabled ? new Date() : null,
      subscriptions: {
        create: (options.packages ?? []).map((p) => ({
          packageId: p.packageId,
          status: p.status ?? 'ACTIVE',
          startsAt: p.startsAt ?? new Date(Date.now() - 86_400_000),
          endsAt: p.endsAt ?? null,
        })),
      },
      ispBindings: { create: (options.ispIds ?? []).map((ispId) => ({ ispId })) },
    },
    select: { id: true },
  });
  return user.id;
}
