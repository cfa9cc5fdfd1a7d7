// The back office end to end, through the production build: who gets in, and that an
// editor's or admin's change reaches viewers on the next request (tags revalidated by the
// action) and lands in the audit log. Each role signs in through the UI once; its
// storageState is reused (sign-in is rate limited per address).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { query, unusedChannelNumber } from './support/database';

// Outside test-results/, which Playwright empties at the start of every run.
const STATE_DIR = join(tmpdir(), 'primetime-e2e-admin-auth');
const LOGINS = {
  admin: { email: 'admin@primetime.test', password: 'primetime-admin' },
  editor: { email: 'editor@primetime.test', password: 'primetime-editor' },
  viewer3: { email: 'viewer3@primetime.test', password: 'primetime-viewer' },
} as const;
type Login = keyof typeof LOGINS;

async function signInOnce(browser: Browser, who: Login): Promise<string> {
  const file = `${STATE_DIR}/${who}-${process.pid}.json`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(LOGINS[who].email);
  await page.getByLabel('Password').fill(LOGINS[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await context.storageState({ path: file });
  await context.close();
  return file;
}

async function pageAs(browser: Browser, storageState: string): Promise<Page> {
  const context = await browser.newContext({ storageState });
  return context.newPage();
}

test.describe.configure({ mode: 'serial' });
// This spec signs each role in itself and starts from an anonymous page; the editor project's
// storageState (inherited by `page` and `browser.newContext()`) must not apply here.
test.use({ storageState: { cookies: [], origins: [] } });

test.describe('back office', () => {
  const states = {} as Record<Login, string>;
  const channelSlug = `e2e-admin-${randomUUID().slice(0, 8)}`;
  const channelName = `Admin E2E ${channelSlug.slice(-8)}`;
  let programId = '';
  let originalTitle = '';
  let grantedPackage = { id: '', name: '' };

  test.beforeAll(async ({ browser }) => {
    mkdirSync(STATE_DIR, { recursive: true });
    for (const who of Object.keys(LOGINS) as Login[]) states[who] = await signInOnce(browser, who);
    const [program] = await query<{ id: string; title: string }>(
      `SELECT p.id, p.title FROM programs p WHERE p.archived_at IS NULL AND EXISTS (SELECT 1 FROM airings a WHERE a.program_id = p.id) ORDER BY p.title LIMIT 1`,
    );
    if (!program) throw new Error('no program with airings: is the database seeded (--size=test)?');
    programId = program.id;
    originalTitle = program.title;
    const [pkg] = await query<{ id: string; name: string }>(
      `SELECT id, name FROM packages WHERE isp_id IS NULL AND id NOT IN (SELECT s.package_id FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE u.email = $1) ORDER BY name LIMIT 1`,
      [LOGINS.viewer3.email],
    );
    if (!pkg) throw new Error('no package viewer3 lacks');
    grantedPackage = pkg;
  });

  test.afterAll(async () => {
    await query('DELETE FROM channels WHERE slug = $1', [channelSlug]);
    await query('UPDATE programs SET title = $2 WHERE id = $1', [programId, originalTitle]);
    const removed = await query<{ user_id: string }>(
      `DELETE FROM subscriptions WHERE package_id = $1 AND user_id = (SELECT id FROM users WHERE email = $2) RETURNING user_id`,
      [grantedPackage.id, LOGINS.viewer3.email],
    );
    // Removed behind the app's back, so drop viewer3's cached entitlement profile too.
    const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    for (const { user_id: userId } of removed) await redis.del(`profile:{${userId}}`);
    redis.disconnect();
  });

  test('anonymous visitors are sent to sign-in, viewers get the 403 page', async ({ page, browser }) => {
    await page.goto('/admin/channels');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);

    const viewer = await pageAs(browser, states.viewer3);
    for (const path of ['/admin', '/admin/channels', '/admin/audit', '/admin/users']) {
      await viewer.goto(path);
      await expect(viewer.getByRole('heading', { name: '403 · Not allowed' }).first()).toBeVisible();
      await expect(viewer.getByRole('table')).toHaveCount(0);
    }
    await viewer.context().close();
  });

  test('editors see the editor navigation but not the admin pages', async ({ browser }) => {
    const editor = await pageAs(browser, states.editor);
    await editor.goto('/admin');
    const nav = editor.getByRole('navigation', { name: 'Back office' });
    await expect(nav.getByRole('link', { name: 'Channels' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await editor.goto('/admin/users');
    await expect(editor.getByRole('heading', { name: '403 · Not allowed' })).toBeVisible();
    await editor.context().close();
  });

  test('an editor creates a channel: a taken number is a field error, the new channel shows in the guide at once', async ({ browser }) => {
    const [taken] = await query<{ number: number }>('SELECT number FROM channels ORDER BY number LIMIT 1');
    const number = await unusedChannelNumber();
    const editor = await pageAs(browser, states.editor);
    await editor.goto('/guide');
    await expect(editor.getByRole('rowheader', { name: channelName })).toHaveCount(0);

    await editor.goto('/admin/channels/new');
    const form = editor.getByRole('form', { name: 'New channel' });
    await form.getByLabel('Number').fill(String(taken?.number));
    await form.getByLabel('Name').fill(channelName);
    await form.getByLabel('Slug').fill(channelSlug);
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Create channel' }).click();
    await expect(form.getByText('Use an IANA time zone such as Europe/London.')).toBeVisible();

    await form.getByLabel('Time zone').fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Create channel' }).click();
    await expect(form.getByText('Another channel already has this number.')).toBeVisible();
    expect(await query('SELECT 1 FROM channels WHERE slug = $1', [channelSlug])).toHaveLength(0);

    await form.getByLabel('Number').fill(String(number));
    await form.getByRole('button', { name: 'Create channel' }).click();
    await expect(form.getByRole('status')).toHaveText(`Channel ${number} ${channelName} created.`);

    await editor.goto('/guide');
    await expect(editor.getByRole('rowheader', { name: channelName })).toBeVisible();
    await editor.context().close();
  });

  test('an editor renames a program and its public page shows the new title on the next request', async ({ browser, page }) => {
    const newTitle = `${originalTitle} (E2E ${randomUUID().slice(0, 6)})`;
    await page.goto(`/programs/${programId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(originalTitle);

    const editor = await pageAs(browser, states.editor);
    await editor.goto(`/admin/programs/${programId}`);
    const form = editor.getByRole('form', { name: 'Edit program' });
    await form.getByLabel('Title', { exact: true }).fill(newTitle);
    await form.getByRole('button', { name: 'Save program' }).click();
    await expect(form.getByRole('status')).toHaveText('Program saved.');
    await editor.context().close();

    await page.goto(`/programs/${programId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(newTitle);
  });

  test('an admin grants viewer3 a package and the entitlements API shows it within seconds', async ({ browser }) => {
    const [viewer3] = await query<{ id: string }>('SELECT id FROM users WHERE email = $1', [LOGINS.viewer3.email]);
    const viewer = await pageAs(browser, states.viewer3);
    const packagesHeld = async () => {
      const response = await viewer.request.get('/api/me/entitlements');
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { profile: { packages: { id: string }[] } | null };
      return (body.profile?.packages ?? []).map((held) => held.id);
    };
    expect(await packagesHeld()).not.toContain(grantedPackage.id);

    const admin = await pageAs(browser, states.admin);
    await admin.goto(`/admin/users/${viewer3?.id}`);
    const form = admin.getByRole('form', { name: 'Grant a package' });
    await form.getByLabel('Package').selectOption(grantedPackage.id);
    await form.getByRole('button', { name: 'Grant package' }).click();
    await expect(form.getByRole('status')).toHaveText(`${grantedPackage.name} granted.`);
    await admin.context().close();

    await expect.poll(packagesHeld, { timeout: 5_000 }).toContain(grantedPackage.id);
    await viewer.context().close();
  });

  test('the audit log lists those changes with readable before/after values', async ({ browser }) => {
    const editor = await pageAs(browser, states.editor);
    await editor.goto(`/admin/audit?actor=${encodeURIComponent(LOGINS.editor.email)}`);
    const entries = editor.getByRole('table', { name: 'Audit entries' });
    const rename = entries.getByRole('row').filter({ hasText: 'program.update' }).filter({ hasText: programId.slice(0, 8) }).first();
    await expect(rename).toContainText(originalTitle);
    await expect(rename).toContainText('(E2E');
    await expect(entries.getByRole('row').filter({ hasText: 'channel.create' }).filter({ hasText: channelName }).first()).toBeVisible();

    await editor.goto('/admin/audit?action=subscription.grant');
    const grant = editor.getByRole('table', { name: 'Audit entries' }).getByRole('row').filter({ hasText: LOGINS.admin.email }).first();
    await expect(grant).toContainText(grantedPackage.name);

    await editor.goto('/admin/audit?from=not-a-date');
    await expect(editor.getByRole('main').getByRole('alert')).toContainText('Use a date like 2026-12-31.');
    await editor.context().close();
  });
});
