// Rights on a single airing through the admin write wrapper, against real PostgreSQL: the
// airing named by its channel's local date and time (a skipped time refused, a repeated one
// chosen), the change audited, the tags of every page that shows it, and playback deciding
// by the airing's rule instead of its channel's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignAiringSpec, listRuleAirings, unassignAiringSpec } from '@/lib/admin/airing-rights';
import { runAdminWrite } from '@/lib/admin/run-admin-write';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import { queryRights } from '@/lib/entitlements/rights-query';
import { getRedis } from '@/lib/redis/client';
import { userStateKey } from '@/lib/auth/user-state';
import { adminWriteDeps } from '../support/admin-session';
import { testChannelNumber } from '../support/channel-number';

const suffix = randomUUID().slice(0, 8);
let editorId = '';
let viewerId = '';
let channelId = '';
let programId = '';
let ruleId = '';
const airingIds: string[] = [];

async function airing(startsAt: string, endsAt: string): Promise<string> {
  const id = randomUUID();
  await db.$executeRaw`INSERT INTO airings (id, channel_id, program_id, starts_at, ends_at, updated_at) VALUES (${id}::uuid, ${channelId}::uuid, ${programId}::uuid, ${new Date(startsAt)}, ${new Date(endsAt)}, now())`;
  airingIds.push(id);
  return id;
}

beforeAll(async () => {
  await db.$queryRaw`SELECT ensure_airing_partitions('2026-10-01'::date, 2)`;
  editorId = (await db.user.create({ data: { email: `airing-rights-editor-${suffix}@example.com`, role: 'EDITOR' }, select: { id: true } })).id;
  viewerId = (await db.user.create({ data: { email: `airing-rights-viewer-${suffix}@example.com`, role: 'VIEWER' }, select: { id: true } })).id;
  channelId = (await db.channel.create({ data: { slug: `airing-rights-${suffix}`, number: testChannelNumber(), name: `Airing rights ${suffix}`, timeZone: 'Europe/London' }, select: { id: true } })).id;
  programId = (await db.program.create({ data: { title: `Cup final ${suffix}`, genres: ['Sport'] }, select: { id: true } })).id;
  ruleId = (await db.rightsRule.create({ data: { name: `Final only in GB ${suffix}`, allowedCountries: ['GB'] }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: [editorId, viewerId] } } });
  await db.channel.deleteMany({ where: { id: channelId } });
  await db.program.deleteMany({ where: { id: programId } });
  await db.rightsRule.deleteMany({ where: { id: ruleId } });
  await getRedis().del(userStateKey(editorId), userStateKey(viewerId));
  await db.user.deleteMany({ where: { id: { in: [editorId, viewerId] } } });
  getRedis().disconnect();
  await db.$disconnect();
});

describe('rights on a single airing', () => {
  it('refuses viewers, and names a missing airing or a skipped local time as field errors', async () => {
    const input = { ruleId, channelId, date: '2026-10-20', time: '20:00' };
    expect(await runAdminWrite(assignAiringSpec, input, await adminWriteDeps(viewerId))).toMatchObject({ ok: false, code: 'forbidden' });

    const missing = await runAdminWrite(assignAiringSpec, input, await adminWriteDeps(editorId));
    expect(missing).toMatchObject({ ok: false, errors: { time: expect.stringContaining('No airing on') } });

    // 29 March 2026 in London: 01:30 never happens.
    const gap = await runAdminWrite(assignAiringSpec, { ...input, date: '2026-03-29', time: '01:30' }, await adminWriteDeps(editorId));
    expect(gap).toMatchObject({ ok: false, errors: { time: expect.stringContaining('does not exist') } });

    const malformed = await runAdminWrite(assignAiringSpec, { ...input, time: '25:00', date: 'tomorrow' }, await adminWriteDeps(editorId));
    expect(malformed).toMatchObject({ ok: false, errors: { time: expect.any(String), date: expect.any(String) } });
  });

  it('assigns by local time (the chosen one of a repeated hour), audits it, names every page that shows it', async () => {
    // 25 October 2026 in London: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    const first = await airing('2026-10-25T00:30:00Z', '2026-10-25T01:00:00Z');
    const second = await airing('2026-10-25T01:30:00Z', '2026-10-25T02:00:00Z');
    const revalidated: string[] = [];
    const result = await runAdminWrite(
      assignAiringSpec,
      { ruleId, channelId, date: '2026-10-25', time: '01:30', occurrence: 'later' },
      await adminWriteDeps(editorId, { revalidated }),
    );
    expect(result).toMatchObject({ ok: true, entityId: second });
    const rows = await db.airing.findMany({ where: { id: { in: [first, second] } }, select: { id: true, rightsRuleId: true } });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.rightsRuleId]))).toEqual({ [first]: null, [second]: ruleId });
    expect(revalidated).toEqual(expect.arrayContaining([TAGS.rights, TAGS.channel(channelId), TAGS.program(programId), TAGS.guideUtcDate('2026-10-25')]));
    const audit = await db.auditLog.findFirst({ where: { actorId: editorId, action: 'airing.rights_assign', entityId: second } });
    expect(audit?.after).toMatchObject({ rightsRuleId: ruleId });
    expect((await listRuleAirings(ruleId, new Date('2026-10-25T00:00:00Z'))).map((row) => row.id)).toEqual([second]);

    // Playback decides by the airing's own rule, not the channel's (which has none).
    const rights = await queryRights('airing', second);
    expect(rights?.rights.allowedCountries).toEqual(['GB']);
    expect((await queryRights('airing', first))?.rights.allowedCountries).toEqual([]);
  });

  it('unassigns only an airing that uses the rule; the airing follows its channel again', async () => {
    const id = await airing('2026-10-26T20:00:00Z', '2026-10-26T22:00:00Z');
    const deps = await adminWriteDeps(editorId);
    expect(await runAdminWrite(unassignAiringSpec, { ruleId, airingId: id }, deps)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await runAdminWrite(assignAiringSpec, { ruleId, channelId, date: '2026-10-26', time: '20:00' }, deps)).toMatchObject({ ok: true });
    expect(await runAdminWrite(unassignAiringSpec, { ruleId, airingId: id }, deps)).toMatchObject({ ok: true });
    expect((await db.airing.findFirst({ where: { id }, select: { rightsRuleId: true } }))?.rightsRuleId).toBeNull();
  });
});
