// Accounts in the back office (admins only): list/search, one account with its
// subscriptions and ISP bindings, and audited writes. Every write bumps the account's
// profileVersion in the transaction and, after commit, drops the cached user state and
// entitlement profile, so a role change or a new package takes effect on the next request.
import 'server-only';
import { z } from 'zod';
import { invalidateUserState } from '@/lib/auth/user-state';
import { db } from '@/lib/db/client';
import { Role } from '@/lib/db/generated/enums';
import { AppError } from '@/lib/errors';
import { invalidateProfile } from '@/lib/profile';
import { optionalText, uuidField } from './fields';
import type { AdminTransaction, AdminWriteSpec, WriteOutcome } from './run-admin-write';

export interface AdminUserRow {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  homeCountry: string | null;
}

export interface AdminUserDetail extends AdminUserRow {
  name: string | null;
  subscriptions: { id: string; packageId: string; packageName: string; status: string; startsAt: string; endsAt: string | null; active: boolean }[];
  ispBindings: { id: string; ispId: string; ispName: string; customerRef: string | null }[];
}

export const USER_PAGE_SIZE = 25;

export async function listUsers(options: { query?: string; after?: string | null }) {
  const query = options.query?.trim().toLowerCase();
  const rows = await db.user.findMany({
    where: { ...(query ? { email: { contains: query } } : {}), ...(options.after ? { email: { gt: options.after, ...(query ? { contains: query } : {}) } } : {}) },
    orderBy: { email: 'asc' },
    take: USER_PAGE_SIZE + 1,
    select: { id: true, email: true, role: true, disabledAt: true, homeCountry: true },
  });
  const page = rows.slice(0, USER_PAGE_SIZE);
  return {
    rows: page.map((row): AdminUserRow => ({ id: row.id, email: row.email, role: row.role, disabled: row.disabledAt !== null, homeCountry: row.homeCountry })),
    nextCursor: rows.length > USER_PAGE_SIZE ? (page.at(-1)?.email ?? null) : null,
  };
}

export async function getUserForAdmin(id: string, now: Date): Promise<AdminUserDetail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      homeCountry: true,
      subscriptions: { orderBy: { startsAt: 'desc' }, select: { id: true, packageId: true, status: true, startsAt: true, endsAt: true, package: { select: { name: true } } } },
      ispBindings: { select: { id: true, ispId: true, customerRef: true, isp: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    homeCountry: row.homeCountry,
    subscriptions: row.subscriptions.map((sub) => ({
      id: sub.id,
      packageId: sub.packageId,
      packageName: sub.package.name,
      status: sub.status,
      startsAt: sub.startsAt.toISOString(),
      endsAt: sub.endsAt?.toISOString() ?? null,
      active: sub.status === 'ACTIVE' && sub.startsAt <= now && (sub.endsAt === null || sub.endsAt > now),
    })),
    ispBindings: row.ispBindings.map((binding) => ({ id: binding.id, ispId: binding.ispId, ispName: binding.isp.name, customerRef: binding.customerRef })),
  };
}

export async function listIsps(): Promise<{ id: string; name: string; country: string }[]> {
  return db.isp.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, country: true } });
}

const userSelect = { id: true, email: true, role: true, disabledAt: true, profileVersion: true } as const;

async function userOrThrow(tx: AdminTransaction, id: string) {
  const row = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!row) throw new AppError('not_found', 'This account no longer exists.');
  return row;
}

async function bumpProfile(tx: AdminTransaction, id: string): Promise<void> {
  await tx.user.update({ where: { id }, data: { profileVersion: { increment: 1 } }, select: { id: true } });
}

/** After commit: the guards and the entitlement overlay re-read this account at once. */
function refreshAccount(userId: string): Pick<WriteOutcome, 'afterCommit' | 'afterCommitFailedMessage'> {
  return {
    afterCommit: async () => {
      await Promise.all([invalidateUserState(userId), invalidateProfile(userId)]);
    },
    afterCommitFailedMessage: 'The cache could not be reached, so the change may take up to 5 minutes to reach this account.',
  };
}

const roleSchema = z.object({ userId: uuidField('an account'), role: z.enum([Role.VIEWER, Role.EDITOR, Role.ADMIN], { error: 'Choose a role.' }) });

export const setRoleSpec: AdminWriteSpec<typeof roleSchema> = {
  role: 'ADMIN',
  schema: roleSchema,
  write: async (tx, { userId, role }, actor) => {
    if (userId === actor.id && role !== Role.ADMIN) throw new AppError('forbidden', 'You cannot remove your own administrator role; ask another administrator.');
    const before = await userOrThrow(tx, userId);
    const after = await tx.user.update({ where: { id: userId }, data: { role, profileVersion: { increment: 1 } }, select: userSelect });
    return { audit: { action: 'user.role', entityType: 'user', entityId: userId, before, after }, tags: [], entityId: userId, message: `Role set to ${role.toLowerCase()}.`, ...refreshAccount(userId) };
  },
};

const disableSchema = z.object({ userId: uuidField('an account'), disabled: z.enum(['true', 'false']).transform((value) => value === 'true') });

export const setDisabledSpec: AdminWriteSpec<typeof disableSchema> = {
  role: 'ADMIN',
  schema: disableSchema,
  write: async (tx, { userId, disabled }, actor) => {
    if (userId === actor.id && disabled) throw new AppError('forbidden', 'You cannot disable your own account.');
    const before = await userOrThrow(tx, userId);
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabledAt: disabled ? (before.disabledAt ?? new Date()) : null, profileVersion: { increment: 1 } },
      select: userSelect,
    });
    return {
      audit: { action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId, before, after },
      tags: [],
      entityId: userId,
      message: disabled ? 'Account disabled: its sessions stop working at once.' : 'Account enabled.',
      ...refreshAccount(userId),
    };
  },
};

const grantSchema = z.object({
  userId: uuidField('an account'),
  packageId: uuidField('a package'),
  endsAt: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.date({ error: 'Enter a valid end date.' }).optional()),
});

export const grantSubscriptionSpec: AdminWriteSpec<typeof grantSchema, 'userId' | 'packageId' | 'endsAt'> = {
  role: 'ADMIN',
  schema: grantSchema,
  write: async (tx, { userId, packageId, endsAt }) => {
    await userOrThrow(tx, userId);
    const startsAt = new Date();
    if (endsAt && endsAt <= startsAt) throw new AppError('bad_request', 'The end must be in the future.', { field: 'endsAt' });
    const pkg = await tx.package.findUnique({ where: { id: packageId }, select: { name: true } });
    if (!pkg) throw new AppError('bad_request', 'This package no longer exists.', { field: 'packageId' });
    const created = await tx.subscription.create({
      data: { userId, packageId, startsAt, endsAt: endsAt ?? null, status: 'ACTIVE' },
      select: { id: true, userId: true, packageId: true, status: true, startsAt: true, endsAt: true },
    });
    await bumpProfile(tx, userId);
    return {
      audit: { action: 'subscription.grant', entityType: 'user', entityId: userId, before: null, after: { ...created, packageName: pkg.name } },
      tags: [],
      entityId: userId,
      message: `${pkg.name} granted.`,
      ...refreshAccount(userId),
    };
  },
};

const endSchema = z.object({ subscriptionId: uuidField('a subscription') });

export const endSubscriptionSpec: AdminWriteSpec<typeof endSchema> = {
  role: 'ADMIN',
  schema: endSchema,
  write: async (tx, { subscriptionId }) => {
    const select = { id: true, userId: true, packageId: true, status: true, startsAt: true, endsAt: true } as const;
    const before = await tx.subscription.findUnique({ where: { id: subscriptionId }, select });
    if (!before) throw new AppError('not_found', 'This subscription no longer exists.');
    const now = new Date();
    // ends_at must stay after starts_at (CHECK): a subscription that has not started yet just ends at its start.
    const endsAt = before.startsAt < now ? now : new Date(before.startsAt.getTime() + 1);
    const after = await tx.subscription.update({ where: { id: subscriptionId }, data: { status: 'CANCELED', endsAt }, select });
    await bumpProfile(tx, before.userId);
    return { audit: { action: 'subscription.end', entityType: 'user', entityId: before.userId, before, after }, tags: [], entityId: before.userId, message: 'Subscription ended.', ...refreshAccount(before.userId) };
  },
};

const bindSchema = z.object({ userId: uuidField('an account'), ispId: uuidField('an ISP'), customerRef: optionalText(100) });

export const addIspBindingSpec: AdminWriteSpec<typeof bindSchema, 'userId' | 'ispId' | 'customerRef'> = {
  role: 'ADMIN',
  schema: bindSchema,
  uniqueFields: { isp_bindings_user_id_isp_id_key: { field: 'ispId', message: 'This account is already bound to that ISP.' } },
  write: async (tx, { userId, ispId, customerRef }) => {
    await userOrThrow(tx, userId);
    const created = await tx.ispBinding.create({ data: { userId, ispId, customerRef, verifiedAt: new Date() }, select: { id: true, userId: true, ispId: true, customerRef: true } });
    await bumpProfile(tx, userId);
    return { audit: { action: 'isp-binding.add', entityType: 'user', entityId: userId, before: null, after: created }, tags: [], entityId: userId, message: 'ISP binding added.', ...refreshAccount(userId) };
  },
};

const unbindSchema = z.object({ bindingId: uuidField('a binding') });

export const removeIspBindingSpec: AdminWriteSpec<typeof unbindSchema> = {
  role: 'ADMIN',
  schema: unbindSchema,
  write: async (tx, { bindingId }) => {
    const before = await tx.ispBinding.findUnique({ where: { id: bindingId }, select: { id: true, userId: true, ispId: true, customerRef: true } });
    if (!before) throw new AppError('not_found', 'This binding no longer exists.');
    await tx.ispBinding.delete({ where: { id: bindingId } });
    await bumpProfile(tx, before.userId);
    return { audit: { action: 'isp-binding.remove', entityType: 'user', entityId: before.userId, before, after: null }, tags: [], entityId: before.userId, message: 'ISP binding removed.', ...refreshAccount(before.userId) };
  },
};
