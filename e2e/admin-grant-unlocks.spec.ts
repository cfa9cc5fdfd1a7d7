// Subscribing unlocks within seconds, in the browser: an admin grants viewer2 the Music
// package on /admin/users/<id>, and the Music channel's lock badge on viewer2's guide is gone
// on their next load (the grant invalidates the cached profile; the badge is decided from
// the fresh summary). viewer2 (DE, Basic + TV Plus) is used by no other writer spec.
// Sessions are minted (support/minted-session.ts): sign-in is rate limited per address.
import { expect, test, type Page } from '@playwright/test';
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { query } from './support/database';
import { pageAs } from './support/minted-session';

const VIEWER = 'viewer2@primetime.test';
const ADMIN = 'admin@primetime.test';

async function channelWithRule(ruleName: string): Promise<{ name: string; pkg: { id: string; name: string } }> {
  const [row] = await query<{ name: string; package_id: string; package_name: string }>(
    `SELECT c.name, p.id AS package_id, p.name AS package_name FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id
       JOIN rights_rule_packages rp ON rp.rule_id = r.id JOIN packages p ON p.id = rp.package_id
      WHERE r.name = $1 AND c.archived_at IS NULL ORDER BY c.number, p.id LIMIT 1`,
    [ruleName],
  );
  if (!row) throw new Error(`no channel with the rule "${ruleName}": is the database seeded (--size=test)?`);
  return { name: row.name, pkg: { id: row.package_id, name: row.package_name } };
}

const rowHeader = (page: Page, channel: string) => page.getByRole('rowheader', { name: new RegExp(`${channel}$`) });

let grantedPackageId = '';

test.afterAll(async () => {
  if (!grantedPackageId) return;
  const removed = await query<{ user_id: string }>(
    `DELETE FROM subscriptions WHERE package_id = $1 AND user_id = (SELECT id FROM users WHERE email = $2) RETURNING user_id`,
    [grantedPackageId, VIEWER],
  );
  // Removed behind the app's back, so drop viewer2's cached entitlement profile too.
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  for (const { user_id: userId } of removed) await redis.del(`profile:{${userId}}`);
  redis.disconnect();
});

test('an admin grants viewer2 the Music package and the channel unlocks on their next load', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const music = await channelWithRule('Music');
  const sport = await channelWithRule('Sport Europe (not US)');
  const [viewer2] = await query<{ id: string; holds: boolean }>(
    `SELECT u.id, EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND s.package_id = $2 AND s.status = 'ACTIVE') AS holds FROM users u WHERE u.email = $1`,
    [VIEWER, music.pkg.id],
  );
  expect(viewer2?.holds, 'viewer2 must start without the Music package').toBe(false);

  const viewer = await pageAs(browser, baseURL!, VIEWER);
  await viewer.goto('/guide');
  await expect(rowHeader(viewer, music.name).locator('[data-lock-badge]')).toContainText(music.pkg.name);

  const admin = await pageAs(browser, baseURL!, ADMIN);
  await admin.goto(`/admin/users/${viewer2!.id}`);
  const form = admin.getByRole('form', { name: 'Grant a package' });
  await form.getByLabel('Package').selectOption(music.pkg.id);
  await form.getByRole('button', { name: 'Grant package' }).click();
  await expect(form.getByRole('status')).toHaveText(`${music.pkg.name} granted.`);
  grantedPackageId = music.pkg.id;
  const grantedAt = Date.now();
  await admin.context().close();

  // The next load of the guide: a new page, a new summary.
  await viewer.goto('/guide');
  // A channel still locked (no Sports; place unknown from 127.0.0.1) proves the overlay ran.
  await expect(rowHeader(viewer, sport.name).locator('[data-lock-badge]')).toHaveCount(1);
  await expect(rowHeader(viewer, music.name).locator('[data-lock-badge]')).toHaveCount(0);
  expect(Date.now() - grantedAt, 'unlocked within seconds of the grant').toBeLessThan(10_000);
  await viewer.context().close();
});
