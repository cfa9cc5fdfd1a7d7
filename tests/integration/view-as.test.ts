// "View as" against real PostgreSQL, Redis and session cookies: starting it is an audited,
// editor-only admin write whose bad input is a field error; the summary honours the cookie
// only for the editor it was made for while they are still an editor; playback ignores it.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminWrite, type AdminWriteDeps } from '@/lib/admin/run-admin-write';
import { assertRole } from '@/lib/auth/guards';
import { sessionUserFrom } from '@/lib/auth/session';
import { invalidateUserState, userStateKey } from '@/lib/auth/user-state';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import type { EntitlementSummary } from '@/lib/entitlements/summary';
import { env } from '@/lib/env';
import { answerPlayback } from '@/lib/playback/endpoint';
import { answerMyEntitlements } from '@/lib/profile/me-endpoint';
import { getRedis } from '@/lib/redis/client';
import { createPerUserServer } from '@/services/per-user/app';
import { startViewAsSpec, stopViewAsSpec } from '@/lib/view-as/start';
import { signViewAs } from '@/lib/view-as/token';
import { VIEW_AS_COOKIE, type ViewAsChoice } from '@/lib/view-as/types';

const SESSION = 'authjs.session-token';
const run = randomUUID().slice(0, 8);
const users: string[] = [];
let sports = { id: '', name: '' };
let telekom = { id: '', name: '', asns: [] as number[] };
let titleId = '';
let ruleId = '';

async function createUser(role: Role): Promise<string> {
  const user = await db.user.create({ data: { email: `view-as-${randomUUID()}@example.com`, role, homeCountry: 'FR' }, select: { id: true } });
  users.push(user.id);
  return user.id;
}

async function sessionToken(userId: string): Promise<string> {
  return encode({ token: { sub: userId }, secret: env.AUTH_SECRET, salt: SESSION });
}

function deps(token: string | null): AdminWriteDeps {
  return {
    db,
    authorize: async (role) => assertRole(await sessionUserFrom((name) => (name === SESSION && token ? token : undefined)), role),
    clientIp: async () => '203.0.113.7',
    revalidate: () => undefined,
  };
}

/** The summary for a request carrying these cookies (no client address: place unknown). */
async function summaryWith(cookies: Record<string, string | undefined>, now = Date.now()): Promise<EntitlementSummary> {
  const answer = await answerMyEntitlements({ readCookie: (name) => cookies[name], headers: new Headers(), now });
  expect(answer.status).toBe(200);
  return answer.body as EntitlementSummary;
}

/** Starts view-as as `userId` through the admin write; returns the form state and the cookie it set. */
async function start(userId: string, input: Record<string, unknown>) {
  const stored: string[] = [];
  const spec = startViewAsSpec(async (token) => void stored.push(token), env.AUTH_SECRET);
  const state = await runAdminWrite(spec, input, deps(await sessionToken(userId)));
  return { state, cookie: stored[0] };
}

const GOOD_INPUT = () => ({ packageIds: [sports.id], country: 'de', ispId: telekom.id, parentalLimit: '12', clock: '2026-12-31T20:00', timeZone: 'Europe/Berlin' });

beforeAll(async () => {
  sports = await db.package.create({ data: { slug: `va-sports-${run}`, name: `VA Sports ${run}`, description: '', priceCents: 999, currency: 'EUR' }, select: { id: true, name: true } });
  telekom = await db.isp.create({ data: { slug: `va-isp-${run}`, name: `VA Telekom ${run}`, country: 'DE', asns: [64_500, 64_501] }, select: { id: true, name: true, asns: true } });
  const rule = await db.rightsRule.create({ data: { name: `VA rule ${run}`, packages: { create: [{ packageId: sports.id }] } }, select: { id: true } });
  ruleId = rule.id;
  const title = await db.vodTitle.create({
    data: { slug: `va-title-${run}`, kind: 'MOVIE', title: `VA title ${run}`, rightsRuleId: rule.id, publishedAt: new Date() },
    select: { id: true },
  });
  titleId = title.id;
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: users } } });
  await db.playbackDecision.deleteMany({ where: { targetId: titleId } }).catch(() => undefined);
  await db.vodTitle.deleteMany({ where: { id: titleId } });
  await db.rightsRule.deleteMany({ where: { id: ruleId } });
  await db.package.deleteMany({ where: { id: sports.id } });
  await db.isp.deleteMany({ where: { id: telekom.id } });
  if (users.length > 0) await getRedis().del(...users.map(userStateKey), ...users.map((id) => `profile:{${id}}`));
  await db.user.deleteMany({ where: { id: { in: users } } });
  getRedis().disconnect();
  await db.$disconnect();
});

describe('starting "view as"', () => {
  it('is an audited editor write that signs the resolved choice into the cookie', async () => {
    const editor = await createUser('EDITOR');
    const { state, cookie } = await start(editor, GOOD_INPUT());
    expect(state).toMatchObject({ ok: true });
    expect(state.message).toContain(`Viewing as: ${sports.name} · DE · ${telekom.name} · Limit 12 · 31 Dec 2026, 20:00 (Europe/Berlin)`);
    expect(cookie).toBeTruthy();
    const [audit] = await db.auditLog.findMany({ where: { actorId: editor, action: 'view-as.start' }, select: { entityType: true, entityId: true, ip: true, after: true } });
    expect(audit).toMatchObject({ entityType: 'user', entityId: editor, ip: '203.0.113.7', after: { country: 'DE', parentalLimit: 12, isp: { name: telekom.name } } });
  });

  it('refuses viewers and anonymous callers, and sets nothing', async () => {
    const viewer = await createUser('VIEWER');
    expect(await start(viewer, GOOD_INPUT())).toMatchObject({ state: { ok: false, code: 'forbidden' }, cookie: undefined });
    const anonymous = await runAdminWrite(startViewAsSpec(async () => undefined, env.AUTH_SECRET), GOOD_INPUT(), deps(null));
    expect(anonymous).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('answers bad values with field errors and no cookie', async () => {
    const editor = await createUser('EDITOR');
    const bad = await start(editor, { packageIds: ['not-a-uuid'], country: 'Germany', ispId: 'x', parentalLimit: '300', clock: '2026-02-30T20:00', timeZone: 'Mars/Base' });
    expect(bad.cookie).toBeUndefined();
    expect(bad.state).toMatchObject({ ok: false, code: 'bad_request', message: 'Check the highlighted fields.' });
    expect(Object.keys(bad.state.errors ?? {}).sort()).toEqual(['country', 'ispId', 'packageIds', 'parentalLimit', 'timeZone']);
    // The clock is checked once the zone is valid.
    const badClock = await start(editor, { ...GOOD_INPUT(), clock: '2026-02-30T20:00' });
    expect(badClock.state.errors).toEqual({ clock: 'Enter a real date and time.' });
    const gone = await start(editor, { ...GOOD_INPUT(), packageIds: [randomUUID()] });
    expect(gone.state.errors).toEqual({ packageIds: 'A chosen package no longer exists; reload the page.' });
    expect(await db.auditLog.count({ where: { actorId: editor } })).toBe(0);
  });
});

describe('stopping "view as"', () => {
  it('clears the cookie for editors (audited) and refuses viewers', async () => {
    const editor = await createUser('EDITOR');
    let cleared = 0;
    const spec = stopViewAsSpec(async () => void (cleared += 1));
    expect(await runAdminWrite(spec, {}, deps(await sessionToken(editor)))).toMatchObject({ ok: true });
    expect(cleared).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: editor, action: 'view-as.stop' } })).toBe(1);
    const viewer = await createUser('VIEWER');
    expect(await runAdminWrite(spec, undefined, deps(await sessionToken(viewer)))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(cleared).toBe(1);
  });
});

describe('the summary honours the cookie', () => {
  it('for the editor it was made for: simulated profile, place, network and clock', async () => {
    const editor = await createUser('EDITOR');
    const { cookie } = await start(editor, GOOD_INPUT());
    const summary = await summaryWith({ [SESSION]: await sessionToken(editor), [VIEW_AS_COOKIE]: cookie });
    expect(summary.viewAs?.label).toContain(sports.name);
    expect(summary.context).toEqual({ country: 'DE', asn: 64_500 });
    expect(summary.serverTime).toBe(Date.UTC(2026, 11, 31, 19, 0));
    expect(summary.profile).toMatchObject({ userId: editor, homeCountry: 'DE', parentalLimit: 12, packages: [{ id: sports.id }] });
    // Without the cookie the same editor is themselves again (FR, no packages, real clock).
    const own = await summaryWith({ [SESSION]: await sessionToken(editor) });
    expect(own.viewAs).toBeUndefined();
    expect(own.profile).toMatchObject({ homeCountry: 'FR', packages: [] });
  });

  it('never for a viewer, whether they copied an editor\'s cookie or signed one for themselves', async () => {
    const editor = await createUser('EDITOR');
    const viewer = await createUser('VIEWER');
    const { cookie } = await start(editor, GOOD_INPUT());
    const copied = await summaryWith({ [SESSION]: await sessionToken(viewer), [VIEW_AS_COOKIE]: cookie });
    expect(copied.viewAs).toBeUndefined();
    expect(copied.profile).toMatchObject({ userId: viewer, homeCountry: 'FR', packages: [] });
    // Even a correctly signed cookie for the viewer's own id (as if they had the secret) needs the role.
    const own: ViewAsChoice = { v: 1, uid: viewer, exp: Date.now() + 60_000, packages: [{ ...sports, asns: [] }], country: 'DE', isp: null, parentalLimit: null, clock: null, timeZone: 'UTC' };
    const signed = await summaryWith({ [SESSION]: await sessionToken(viewer), [VIEW_AS_COOKIE]: signViewAs(own, env.AUTH_SECRET) });
    expect(signed.viewAs).toBeUndefined();
    const forged = await summaryWith({ [SESSION]: await sessionToken(viewer), [VIEW_AS_COOKIE]: signViewAs(own, 'guessed-secret-0123456789-0123456789-00') });
    expect(forged.viewAs).toBeUndefined();
    // And anonymous requests ignore it altogether.
    expect(await summaryWith({ [VIEW_AS_COOKIE]: cookie })).toMatchObject({ signedIn: false, profile: null });
  });

  it('not once the editor is demoted, nor after it expires', async () => {
    const editor = await createUser('EDITOR');
    const { cookie } = await start(editor, GOOD_INPUT());
    const cookies = { [SESSION]: await sessionToken(editor), [VIEW_AS_COOKIE]: cookie };
    expect((await summaryWith(cookies)).viewAs).toBeDefined();
    expect((await summaryWith(cookies, Date.now() + 9 * 3_600_000)).viewAs).toBeUndefined();
    await db.user.update({ where: { id: editor }, data: { role: 'VIEWER' } });
    await invalidateUserState(editor);
    const demoted = await summaryWith(cookies);
    expect(demoted.viewAs).toBeUndefined();
    expect(demoted.profile).toMatchObject({ userId: editor, homeCountry: 'FR' });
  });

  it('is honoured for admins too', async () => {
    const admin = await createUser('ADMIN');
    const { cookie } = await start(admin, { ...GOOD_INPUT(), clock: '', ispId: '', country: '' });
    const summary = await summaryWith({ [SESSION]: await sessionToken(admin), [VIEW_AS_COOKIE]: cookie });
    expect(summary.viewAs).toMatchObject({ country: null, isp: null, clock: null });
    expect(summary.context).toEqual({ country: null, asn: null });
  });
});

describe('the lean per-user service', () => {
  it('honours it exactly as the shared function does (same answer for the same cookies)', async () => {
    const editor = await createUser('EDITOR');
    const { cookie } = await start(editor, GOOD_INPUT());
    const session = await sessionToken(editor);
    const server = createPerUserServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/me/entitlements`, {
        headers: { cookie: `${SESSION}=${session}; ${VIEW_AS_COOKIE}=${cookie}` },
      });
      const body = (await response.json()) as EntitlementSummary;
      expect(body.viewAs?.label).toContain(sports.name);
      const shared = await summaryWith({ [SESSION]: session, [VIEW_AS_COOKIE]: cookie });
      expect({ ...body, profile: { ...body.profile, checkedAt: 0 } }).toEqual({ ...shared, profile: { ...shared.profile, checkedAt: 0 } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('playback under "view as"', () => {
  it('uses the editor\'s real rights: the simulated package unlocks the badge, not the stream', async () => {
    const editor = await createUser('EDITOR');
    const { cookie } = await start(editor, { ...GOOD_INPUT(), clock: '' });
    const cookies: Record<string, string | undefined> = { [SESSION]: await sessionToken(editor), [VIEW_AS_COOKIE]: cookie };
    expect((await summaryWith(cookies)).profile?.packages.map((p) => p.id)).toEqual([sports.id]);
    const answer = await answerPlayback({ rawKind: 'title', rawId: titleId, readCookie: (name) => cookies[name], headers: new Headers(), now: Date.now() });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { reasons: [{ code: 'package_required' }] } });
  });
});
