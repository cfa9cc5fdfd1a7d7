// Rights rules and blackouts through the admin write wrapper against real PostgreSQL and
// Redis session state: roles re-read, field errors for bad countries and windows, the
// change and its audit row together, and the tags that reach viewers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignChannelSpec, createBlackoutSpec, createRuleSpec, deleteBlackoutSpec, getRuleForEdit, isCountryCode, listRules, updateRuleSpec } from '@/lib/admin/rights';
import { runAdminWrite, type AdminWriteDeps } from '@/lib/admin/run-admin-write';
import { whoCanWatch } from '@/lib/admin/rights-preview';
import { userStateKey } from '@/lib/auth/user-state';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { getRedis } from '@/lib/redis/client';
import { adminWriteDeps } from '../support/admin-session';
import { testChannelNumber } from '../support/channel-number';

const users: string[] = [];
const ruleIds: string[] = [];
const channelIds: string[] = [];
let packageId = '';
const suffix = randomUUID().slice(0, 8);

async function createUser(role: Role): Promise<string> {
  const user = await db.user.create({ data: { email: `admin-rights-${randomUUID()}@example.com`, role }, select: { id: true } });
  users.push(user.id);
  return user.id;
}

function depsFor(userId: string | null, revalidated: string[] = []): Promise<AdminWriteDeps> {
  return adminWriteDeps(userId, { revalidated, ip: '203.0.113.7' });
}

beforeAll(async () => {
  const pkg = await db.package.create({ data: { slug: `rights-sports-${suffix}`, name: `Sports ${suffix}`, description: '', priceCents: 999, currency: 'EUR' }, select: { id: true } });
  packageId = pkg.id;
  for (const n of [1, 2]) {
    const channel = await db.channel.create({ data: { slug: `rights-${suffix}-${n}`, number: testChannelNumber(), name: `Rights ${n}`, timeZone: 'UTC' }, select: { id: true } });
    channelIds.push(channel.id);
  }
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: users } } });
  await db.channel.deleteMany({ where: { id: { in: channelIds } } });
  await db.rightsRule.deleteMany({ where: { id: { in: ruleIds } } });
  if (packageId) await db.package.deleteMany({ where: { id: packageId } });
  if (users.length > 0) await getRedis().del(...users.map(userStateKey));
  await db.user.deleteMany({ where: { id: { in: users } } });
  getRedis().disconnect();
  await db.$disconnect();
});

const validRule = () => ({ name: `Bundesliga ${suffix}`, packageIds: [packageId], ispIds: '', allowedCountries: 'de, at', deniedCountries: 'AT', availableFrom: '', availableUntil: '' });

describe('isCountryCode', () => {
  it('knows real alpha-2 codes and refuses made-up or reserved ones', () => {
    expect(['DE', 'AT', 'GB', 'US'].every(isCountryCode)).toBe(true);
    expect(['XX', 'ZZ', 'AA', 'UK1', 'de', 'EU', 'QO'].some(isCountryCode)).toBe(false);
  });
});

describe('rights rules', () => {
  it('refuses anonymous and viewer sessions before anything else', async () => {
    const anonymous = await runAdminWrite(createRuleSpec, validRule(), await depsFor(null));
    expect(anonymous).toMatchObject({ ok: false, code: 'unauthorized' });
    const viewer = await runAdminWrite(createRuleSpec, { name: '' }, await depsFor(await createUser('VIEWER')));
    expect(viewer).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.rightsRule.count({ where: { name: validRule().name } })).toBe(0);
  });

  it('turns unknown country codes and a reversed window into field errors', async () => {
    const editor = await createUser('EDITOR');
    const state = await runAdminWrite(
      createRuleSpec,
      { ...validRule(), allowedCountries: 'DE, XX', deniedCountries: 'Germany', availableFrom: '2026-12-01T10:00', availableUntil: '2026-12-01T09:00' },
      await depsFor(editor),
    );
    expect(state.ok).toBe(false);
    expect(state.errors?.allowedCountries).toContain('XX');
    expect(state.errors?.deniedCountries).toBe('Not ISO country codes: GERMANY. Use two letters such as DE or GB.');
    // The window is checked once the fields themselves are valid.
    const reversed = await runAdminWrite(createRuleSpec, { ...validRule(), availableFrom: '2026-12-01T10:00', availableUntil: '2026-12-01T09:00' }, await depsFor(editor));
    expect(reversed.errors).toEqual({ availableUntil: 'The end must come after the start.' });
    expect(await db.auditLog.count({ where: { actorId: editor } })).toBe(0);
  });

  it('creates a rule with its audit row, then edits it and revalidates its channels', async () => {
    const editor = await createUser('EDITOR');
    const created = await runAdminWrite(createRuleSpec, validRule(), await depsFor(editor, []));
    expect(created).toMatchObject({ ok: true });
    const ruleId = created.entityId!;
    ruleIds.push(ruleId);
    const rule = await getRuleForEdit(ruleId);
    expect(rule).toMatchObject({ allowedCountries: ['DE', 'AT'], deniedCountries: ['AT'], packageIds: [packageId] });
    const audit = await db.auditLog.findMany({ where: { entityId: ruleId }, select: { actorId: true, action: true, ip: true } });
    expect(audit).toEqual([{ actorId: editor, action: 'rights_rule.create', ip: '203.0.113.7' }]);

    const assignTags: string[] = [];
    const assigned = await runAdminWrite(assignChannelSpec, { ruleId, channelId: channelIds[0], assign: 'assign' }, await depsFor(editor, assignTags));
    expect(assigned.ok).toBe(true);
    expect(assignTags).toEqual(expect.arrayContaining([TAGS.rights, TAGS.channel(channelIds[0]!)]));
    expect((await db.channel.findUnique({ where: { id: channelIds[0] }, select: { rightsRuleId: true } }))?.rightsRuleId).toBe(ruleId);

    const updateTags: string[] = [];
    const updated = await runAdminWrite(updateRuleSpec, { ...validRule(), id: ruleId, packageIds: '', deniedCountries: '' }, await depsFor(editor, updateTags));
    expect(updated.ok).toBe(true);
    expect(updateTags).toEqual(expect.arrayContaining([TAGS.rights, TAGS.channel(channelIds[0]!)]));
    const after = await getRuleForEdit(ruleId);
    expect(after).toMatchObject({ packageIds: [], deniedCountries: [], channels: [expect.objectContaining({ id: channelIds[0] })] });
    expect(await db.auditLog.count({ where: { entityId: ruleId, action: 'rights_rule.update', actorId: editor } })).toBe(1);

    const page = await listRules({ query: suffix });
    expect(page.rows.map((row) => row.id)).toEqual([ruleId]);
    expect(page.rows[0]?.channelCount).toBe(1);
  });

  it('previews the saved rule with decide(): deny wins', async () => {
    const editor = await createUser('EDITOR');
    const created = await runAdminWrite(createRuleSpec, { ...validRule(), name: `Preview ${suffix}` }, await depsFor(editor));
    ruleIds.push(created.entityId!);
    const rule = await getRuleForEdit(created.entityId!);
    const sentences = whoCanWatch(rule!.rights, Date.now()).map((line) => line.sentence);
    expect(sentences).toContain(`Viewers in DE with Sports ${suffix}: yes`);
    expect(sentences).toContain(`Viewers in AT with Sports ${suffix}: not available in your country`);
  });
});

describe('blackouts', () => {
  it('validates order and substitute, then creates and deletes with guide date tags', async () => {
    const editor = await createUser('EDITOR');
    const [channelId, substituteId] = channelIds as [string, string];
    const refused = await runAdminWrite(
      createBlackoutSpec,
      { channelId, startsAt: '2026-12-01T20:00', endsAt: '2026-12-01T19:00', countries: 'DE', reason: 'Local rights', substituteChannelId: channelId },
      await depsFor(editor),
    );
    expect(refused.errors).toMatchObject({ endsAt: 'The end must come after the start.', substituteChannelId: 'A channel cannot substitute for itself.' });

    const tags: string[] = [];
    const created = await runAdminWrite(
      createBlackoutSpec,
      { channelId, startsAt: '2026-12-01T22:00', endsAt: '2026-12-02T01:00', countries: 'de', reason: 'Local rights', substituteChannelId: substituteId },
      await depsFor(editor, tags),
    );
    expect(created.ok).toBe(true);
    expect(tags).toEqual(expect.arrayContaining([TAGS.rights, TAGS.channel(channelId), TAGS.guideUtcDate('2026-12-01'), TAGS.guideUtcDate('2026-12-02')]));
    expect(await db.blackout.findUnique({ where: { id: created.entityId! }, select: { countries: true } })).toEqual({ countries: ['DE'] });

    const deleted = await runAdminWrite(deleteBlackoutSpec, { id: created.entityId }, await depsFor(editor));
    expect(deleted.ok).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: created.entityId!, actorId: editor } })).toBe(2);
  });
});
