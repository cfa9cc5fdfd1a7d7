// Admin account writes through the real wrapper: admins cannot demote or disable
// themselves, editors cannot touch accounts, and a granted package reaches the cached
// entitlement profile at once (the profile is invalidated after commit).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdminWrite, type AdminWriteDeps } from '@/lib/admin/run-admin-write';
import { deletePackageSpec } from '@/lib/admin/packages';
import { grantSubscriptionSpec, setDisabledSpec, setRoleSpec } from '@/lib/admin/users';
import { userStateKey } from '@/lib/auth/user-state';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { getProfile } from '@/lib/profile';
import { getRedis } from '@/lib/redis/client';
import { adminWriteDeps } from '../support/admin-session';

const users: string[] = [];
const packages: string[] = [];

async function createUser(role: Role): Promise<string> {
  const user = await db.user.create({ data: { email: `admin-users-${randomUUID()}@example.com`, role }, select: { id: true } });
  users.push(user.id);
  return user.id;
}

function depsFor(userId: string): Promise<AdminWriteDeps> {
  return adminWriteDeps(userId, { ip: null });
}

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { entityId: { in: users } } });
  await db.subscription.deleteMany({ where: { userId: { in: users } } });
  await db.package.deleteMany({ where: { id: { in: packages } } });
  if (users.length > 0) await getRedis().del(...users.map(userStateKey), ...users.map((id) => `profile:{${id}}`));
  await db.user.deleteMany({ where: { id: { in: users } } });
  getRedis().disconnect();
  await db.$disconnect();
});

describe('account administration', () => {
  it('refuses an admin demoting or disabling their own account, and changes nothing', async () => {
    const admin = await createUser('ADMIN');
    const deps = await depsFor(admin);
    expect(await runAdminWrite(setRoleSpec, { userId: admin, role: 'EDITOR' }, deps)).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('your own administrator role') });
    expect(await runAdminWrite(setDisabledSpec, { userId: admin, disabled: 'true' }, deps)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.user.findUnique({ where: { id: admin }, select: { role: true, disabledAt: true } })).toEqual({ role: 'ADMIN', disabledAt: null });
  });

  it('keeps editors out of account changes', async () => {
    const editor = await createUser('EDITOR');
    const viewer = await createUser('VIEWER');
    expect(await runAdminWrite(setRoleSpec, { userId: viewer, role: 'ADMIN' }, await depsFor(editor))).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await db.user.findUnique({ where: { id: viewer }, select: { role: true } }))?.role).toBe('VIEWER');
  });

  it('a demotion takes effect on the target user\'s very next check', async () => {
    const admin = await createUser('ADMIN');
    const editor = await createUser('EDITOR');
    const editorDeps = await depsFor(editor);
    await editorDeps.authorize('EDITOR'); // warms the cached user state
    expect(await runAdminWrite(setRoleSpec, { userId: editor, role: 'VIEWER' }, await depsFor(admin))).toMatchObject({ ok: true });
    await expect(editorDeps.authorize('EDITOR')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a granted package is in the viewer\'s cached profile on the next read', async () => {
    const admin = await createUser('ADMIN');
    const viewer = await createUser('VIEWER');
    const pkg = await db.package.create({ data: { slug: `e2e-${randomUUID().slice(0, 8)}`, name: 'Test Pack', description: '', priceCents: 100, currency: 'EUR' }, select: { id: true } });
    packages.push(pkg.id);
    expect((await getProfile(viewer))?.packages.map((held) => held.id)).toEqual([]); // now cached in Redis

    const state = await runAdminWrite(grantSubscriptionSpec, { userId: viewer, packageId: pkg.id, endsAt: '' }, await depsFor(admin));
    expect(state).toMatchObject({ ok: true, message: 'Test Pack granted.' });
    expect((await getProfile(viewer))?.packages.map((held) => held.id)).toEqual([pkg.id]);
    const audit = await db.auditLog.findFirst({ where: { entityId: viewer, action: 'subscription.grant' }, select: { actorId: true } });
    expect(audit?.actorId).toBe(admin);
  });

  it('refuses an end date in the past as a field error', async () => {
    const admin = await createUser('ADMIN');
    const viewer = await createUser('VIEWER');
    const [pkg] = await db.package.findMany({ take: 1, select: { id: true } });
    const state = await runAdminWrite(grantSubscriptionSpec, { userId: viewer, packageId: pkg?.id, endsAt: '2001-01-01' }, await depsFor(admin));
    expect(state).toMatchObject({ ok: false, errors: { endsAt: 'The end must be in the future.' } });
    expect(await db.subscription.count({ where: { userId: viewer } })).toBe(0);
  });

  it('deletes a package nobody uses, and refuses one with subscriptions or rules (no rule widens silently)', async () => {
    const admin = await createUser('ADMIN');
    const viewer = await createUser('VIEWER');
    const make = async (label: string) => {
      const pkg = await db.package.create({ data: { slug: `del-${label}-${randomUUID().slice(0, 8)}`, name: `Delete ${label}`, description: '', priceCents: 100, currency: 'EUR' }, select: { id: true } });
      packages.push(pkg.id);
      return pkg.id;
    };
    const [unused, subscribed, ruled] = [await make('unused'), await make('subscribed'), await make('ruled')];
    await db.subscription.create({ data: { userId: viewer, packageId: subscribed, startsAt: new Date() } });
    const rule = await db.rightsRule.create({ data: { name: `Needs ruled ${randomUUID().slice(0, 8)}`, packages: { create: { packageId: ruled } } }, select: { id: true } });
    try {
      const deps = await depsFor(admin);
      expect(await runAdminWrite(deletePackageSpec, { id: subscribed }, deps)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('1 subscription') });
      expect(await runAdminWrite(deletePackageSpec, { id: ruled }, deps)).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('rights rule') });
      expect(await db.package.count({ where: { id: { in: [subscribed, ruled] } } })).toBe(2);

      expect(await runAdminWrite(deletePackageSpec, { id: unused }, await depsFor(await createUser('EDITOR')))).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await runAdminWrite(deletePackageSpec, { id: unused }, deps)).toMatchObject({ ok: true, message: 'Package Delete unused deleted.' });
      expect(await db.package.count({ where: { id: unused } })).toBe(0);
      expect(await db.auditLog.count({ where: { actorId: admin, action: 'package.delete', entityId: unused } })).toBe(1);
      expect(await runAdminWrite(deletePackageSpec, { id: unused }, deps)).toMatchObject({ ok: false, code: 'not_found' });
    } finally {
      await db.rightsRule.delete({ where: { id: rule.id } });
      await db.auditLog.deleteMany({ where: { actorId: admin } });
    }
  });
});
