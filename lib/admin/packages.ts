// Packages in the back office (admins): list, and audited create/update/delete. A package's name
// shows wherever rights are explained ("Included in Sports"), so writes revalidate `rights`;
// a price or ISP change alters what subscribers are entitled to, so their cached profiles
// refresh on their own 5-minute cycle (renaming changes no entitlement).
import 'server-only';
import { z } from 'zod';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { freeText, optionalUuid, requiredInt, requiredText, uuidField } from './fields';
import type { AdminWriteSpec } from './run-admin-write';

export interface AdminPackage {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  ispId: string | null;
  subscriberCount: number;
}

export async function listPackages(): Promise<AdminPackage[]> {
  const rows = await db.package.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true, description: true, priceCents: true, currency: true, ispId: true, _count: { select: { subscriptions: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, subscriberCount: _count.subscriptions }));
}

export const packageFormSchema = z.object({
  slug: requiredText('a slug', 60).pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens.')),
  name: requiredText('a name', 100),
  description: freeText(1000),
  priceCents: requiredInt('The price in cents', 0, 10_000_000),
  currency: requiredText('a currency', 3).pipe(z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as EUR.')),
  ispId: optionalUuid('an ISP'),
});
export type PackageField = keyof z.input<typeof packageFormSchema>;

const select = { id: true, slug: true, name: true, description: true, priceCents: true, currency: true, ispId: true } as const;
const UNIQUE = { packages_slug_key: { field: 'slug', message: 'Another package already uses this slug.' } } as const;

export const createPackageSpec: AdminWriteSpec<typeof packageFormSchema, PackageField> = {
  role: 'ADMIN',
  schema: packageFormSchema,
  uniqueFields: UNIQUE,
  write: async (tx, input) => {
    const created = await tx.package.create({ data: input, select });
    return { audit: { action: 'package.create', entityType: 'package', entityId: created.id, before: null, after: created }, tags: [TAGS.rights], entityId: created.id, message: `Package ${created.name} created.` };
  },
};

const updateSchema = packageFormSchema.extend({ id: uuidField('a package') });

export const updatePackageSpec: AdminWriteSpec<typeof updateSchema, PackageField | 'id'> = {
  role: 'ADMIN',
  schema: updateSchema,
  uniqueFields: UNIQUE,
  write: async (tx, { id, ...input }) => {
    const before = await tx.package.findUnique({ where: { id }, select });
    if (!before) throw new AppError('not_found', 'This package no longer exists.');
    const after = await tx.package.update({ where: { id }, data: input, select });
    return { audit: { action: 'package.update', entityType: 'package', entityId: id, before, after }, tags: [TAGS.rights], entityId: id, message: 'Package saved.' };
  },
};

const deleteSchema = z.object({ id: uuidField('a package') });

/**
 * Deletes a package nobody depends on. Refused while any subscription (ended ones too: they
 * are the viewers' history) or rights rule names it: removing it from a rule would widen
 * the rule silently (a rule that required only this package would then require none).
 */
export const deletePackageSpec: AdminWriteSpec<typeof deleteSchema, 'id'> = {
  role: 'ADMIN',
  schema: deleteSchema,
  write: async (tx, { id }) => {
    const before = await tx.package.findUnique({ where: { id }, select: { ...select, _count: { select: { subscriptions: true, rightsRules: true } } } });
    if (!before) throw new AppError('not_found', 'This package no longer exists.');
    const { _count: uses, ...row } = before;
    if (uses.subscriptions > 0) {
      throw new AppError('conflict', `${row.name} has ${uses.subscriptions} subscription${uses.subscriptions === 1 ? '' : 's'} (current or past); it cannot be deleted. Rename it or stop selling it instead.`);
    }
    if (uses.rightsRules > 0) {
      throw new AppError('conflict', `${row.name} is required by ${uses.rightsRules} rights rule${uses.rightsRules === 1 ? '' : 's'}; take it out of them first, so no rule changes silently.`);
    }
    await tx.package.delete({ where: { id } });
    return { audit: { action: 'package.delete', entityType: 'package', entityId: id, before: row, after: null }, tags: [TAGS.rights], message: `Package ${row.name} deleted.` };
  },
};
