// The admin write wrapper against real PostgreSQL, Redis and session cookies: the role is
// re-read on every call, the change and its audit row commit together or not at all, and
// database refusals come back as form state.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldError, runAdminWrite, type AdminWriteDeps, type AdminWriteSpec } from '@/lib/admin/run-admin-write';
import { invalidateUserState, userStateKey } from '@/lib/auth/user-state';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { getRedis } from '@/lib/redis/client';
import { adminWriteDeps } from '../support/admin-session';
import { testChannelNumber } from '../support/channel-number';

const users: string[] = [];
const channelSlugs: string[] = [];

async function createUser(role: Role): Promise<string> {
  const user = await db.user.create({ data: { email: `admin-action-${randomUUID()}@example.com`, role }, select: { id: true } });
  users.push(user.id);
  return user.id;
}

/** Deps as a real request would have them: the session cookie decoded and the role re-read. */
function depsFor(userId: string | null, revalidated: string[] = []): Promise<AdminWriteDeps> {
  return adminWriteDeps(userId, { revalidated, ip: '203.0.113.9' });
}

const channelInput = z.object({ slug: z.string().min(1), number: z.coerce.number().int(), name: z.string().min(1) });

function createChannelSpec(extra?: (slug: string) => Promise<void>): AdminWriteSpec<typeof channelInput, 'slug' | 'number' | 'name'> {
  return {
    role: 'EDITOR',
    schema: channelInput,
    uniqueFields: {
      channels_number_key: { field: 'number', message: 'That channel number is taken.' },
      channels_slug_key: { field: 'slug', message: 'That slug is taken.' },
    },
    write: async (tx, input) => {
      const created = await tx.channel.create({ data: { ...input, timeZone: 'UTC' }, select: { id: true, slug: true, number: true, name: true } });
      if (extra) await extra(input.slug);
      return {
        audit: { action: 'channel.create', entityType: 'channel', entityId: created.id, before: null, after: created },
        tags: [TAGS.channels, TAGS.channel(created.id)],
        entityId: created.id,
      };
    },
  };
}

function uniqueChannel() {
  const slug = `wrapper-${randomUUID().slice(0, 8)}`;
  channelSlugs.push(slug);
  return { slug, number: String(testChannelNumber()), name: `Wrapper ${slug}` };
}

async function auditRowsFor(entityIds: string[]) {
  return db.auditLog.findMany({ where: { entityId: { in: entityIds } }, select: { actorId: true, action: true, before: true, after: true, ip: true } });
}

afterAll(async () => {
  const channels = await db.channel.findMany({ where: { slug: { in: channelSlugs } }, select: { id: true } });
  await db.auditLog.deleteMany({ where: { entityId: { in: channels.map((channel) => channel.id) } } });
  await db.channel.deleteMany({ where: { slug: { in: channelSlugs } } });
  if (users.length > 0) await getRedis().del(...users.map(userStateKey));
  await db.user.deleteMany({ where: { id: { in: users } } });
  getRedis().disconnect();
  await db.$disconnect();
});

describe('runAdminWrite', () => {
  it('writes the change and its audit row together, then revalidates exactly the named tags', async () => {
    const editor = await createUser('EDITOR');
    const revalidated: string[] = [];
    const input = uniqueChannel();
    const state = await runAdminWrite(createChannelSpec(), input, await depsFor(editor, revalidated));

    expect(state).toMatchObject({ ok: true, message: 'Saved.' });
    const channel = await db.channel.findUnique({ where: { slug: input.slug }, select: { id: true, number: true } });
    expect(channel?.id).toBe(state.entityId);
    expect(revalidated).toEqual([TAGS.channels, TAGS.channel(channel!.id)]);
    const audit = await auditRowsFor([channel!.id]);
    expect(audit).toEqual([
      {
        actorId: editor,
        action: 'channel.create',
        before: null,
        after: { id: channel!.id, slug: input.slug, number: Number(input.number), name: input.name },
        ip: '203.0.113.9',
      },
    ]);
  });

  it('refuses anonymous callers and viewers before touching anything', async () => {
    const viewer = await createUser('VIEWER');
    for (const [deps, code] of [
      [await depsFor(null), 'unauthorized'],
      [await depsFor(viewer), 'forbidden'],
    ] as const) {
      const input = uniqueChannel();
      const state = await runAdminWrite(createChannelSpec(), input, deps);
      expect(state).toMatchObject({ ok: false, code });
      expect(await db.channel.count({ where: { slug: input.slug } })).toBe(0);
    }
  });

  it('re-reads the role on every call: a demoted editor is refused on the next one', async () => {
    const editor = await createUser('EDITOR');
    const deps = await depsFor(editor);
    expect((await runAdminWrite(createChannelSpec(), uniqueChannel(), deps)).ok).toBe(true);

    await db.user.update({ where: { id: editor }, data: { role: 'VIEWER' } });
    await invalidateUserState(editor);
    const input = uniqueChannel();
    expect(await runAdminWrite(createChannelSpec(), input, deps)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.channel.count({ where: { slug: input.slug } })).toBe(0);
  });

  it('keeps admin-only writes from editors', async () => {
    const editor = await createUser('EDITOR');
    const spec = { ...createChannelSpec(), role: 'ADMIN' as const };
    expect(await runAdminWrite(spec, uniqueChannel(), await depsFor(editor))).toMatchObject({ ok: false, code: 'forbidden', message: 'Only administrators can do this.' });
  });

  it('turns a unique violation into a field error and leaves no partial change or audit row', async () => {
    const editor = await createUser('EDITOR');
    const deps = await depsFor(editor);
    const first = uniqueChannel();
    expect((await runAdminWrite(createChannelSpec(), first, deps)).ok).toBe(true);

    // The second write creates its channel and then collides on the number: all of it rolls back.
    const second = { ...uniqueChannel(), number: first.number };
    // Counted per actor: other test files write audit rows at the same time.
    const beforeCount = await db.auditLog.count({ where: { actorId: editor } });
    const revalidated: string[] = [];
    const state = await runAdminWrite(createChannelSpec(), second, await depsFor(editor, revalidated));
    expect(state).toMatchObject({ ok: false, code: 'conflict', errors: { number: 'That channel number is taken.' } });
    expect(await db.channel.count({ where: { slug: second.slug } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: editor } })).toBe(beforeCount);
    expect(revalidated).toEqual([]);
  });

  it('rolls back a write that fails halfway, audit row included', async () => {
    const editor = await createUser('EDITOR');
    const input = uniqueChannel();
    // Counted per actor: other test files write audit rows at the same time.
    const beforeCount = await db.auditLog.count({ where: { actorId: editor } });
    const failing = createChannelSpec(async () => {
      throw fieldError('name', 'This name is reserved.');
    });
    expect(await runAdminWrite(failing, input, await depsFor(editor))).toMatchObject({ ok: false, errors: { name: 'This name is reserved.' } });
    expect(await db.channel.count({ where: { slug: input.slug } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: editor } })).toBe(beforeCount);

    // An audit row that cannot be written (entity id missing) takes the change down with it.
    const badAudit: AdminWriteSpec<typeof channelInput> = {
      ...createChannelSpec(),
      write: async (tx, data) => {
        await tx.channel.create({ data: { ...data, timeZone: 'UTC' } });
        return { audit: { action: 'channel.create', entityType: 'channel', entityId: null as unknown as string, before: null, after: null }, tags: [] };
      },
    };
    const other = uniqueChannel();
    expect(await runAdminWrite(badAudit, other, await depsFor(editor))).toMatchObject({ ok: false, code: 'internal' });
    expect(await db.channel.count({ where: { slug: other.slug } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: editor } })).toBe(beforeCount);
  });

  it('answers invalid input with field errors and never calls the write', async () => {
    const editor = await createUser('EDITOR');
    let called = false;
    const spec = createChannelSpec(async () => {
      called = true;
    });
    const state = await runAdminWrite(spec, { slug: '', number: 'seven', name: 'x' }, await depsFor(editor));
    expect(state.ok).toBe(false);
    expect(state.code).toBe('bad_request');
    expect(Object.keys(state.errors ?? {}).sort()).toEqual(['number', 'slug']);
    expect(called).toBe(false);
  });
});
