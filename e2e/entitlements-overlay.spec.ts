// Lock badges on shared, cached pages, computed in the browser with decide() from the page's
// compact rights and the viewer's summary (/api/me/entitlements). Expected values come from
// the seeded database. The guide's sport channel carries "Sport Europe (not US)": Sports
// package, denied in the US only, with a GB/IE blackout today; viewers are placed in DE and
// FR (not GB) so the case is the same at any time of day.
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';
import { placeViewer } from './support/edge-route';

const VIEWER_PASSWORD = 'primetime-viewer';
const DE_VODAFONE = '198.51.100.200';
const FR_ORANGE = '192.0.2.44';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(VIEWER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
}

async function channelWithRule(ruleName: string): Promise<{ name: string; packages: string[] }> {
  const rows = await query<{ name: string; packages: string[] }>(
    `SELECT c.name, array_agg(p.name ORDER BY p.id) AS packages
       FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id
       JOIN rights_rule_packages rp ON rp.rule_id = r.id JOIN packages p ON p.id = rp.package_id
      WHERE r.name = $1 AND c.archived_at IS NULL GROUP BY c.id, c.name, c.number ORDER BY c.number LIMIT 1`,
    [ruleName],
  );
  return rows[0]!;
}

const rowHeader = (page: Page, channel: string) => page.getByRole('rowheader', { name: new RegExp(`${channel}$`) });
const channelLink = (page: Page, channel: string) => rowHeader(page, channel).getByRole('link');

test('an anonymous viewer sees what signing in would unlock on a package channel', async ({ page }) => {
  const basic = await channelWithRule('Basic line-up');
  await page.goto('/guide');
  const header = rowHeader(page, basic.name);
  await expect(header).toContainText(`Sign in · ${basic.packages[0]}`);
  // The full sentence describes the channel's link (aria-describedby), not a tooltip.
  await expect(channelLink(page, basic.name)).toHaveAccessibleDescription(`Locked: Sign in to watch: included in ${basic.packages[0]!.toLowerCase()}.`);
});

test('viewer1 (Sports) sees the sport channel unlocked; viewer3 (no packages) sees it locked and why', async ({ browser }) => {
  // Two sign-ins and two guide pages: more than the default 30 s on a loaded 2-core machine.
  test.setTimeout(90_000);
  const sport = await channelWithRule('Sport Europe (not US)');

  const first = await browser.newContext();
  const viewer1 = await first.newPage();
  await signIn(viewer1, 'viewer1@primetime.test');
  await placeViewer(viewer1, '/api/me/entitlements', DE_VODAFONE);
  const summary1 = viewer1.waitForResponse('**/api/me/entitlements');
  await viewer1.goto('/guide');
  await summary1;
  const header1 = rowHeader(viewer1, sport.name);
  await expect(header1).toBeVisible();
  // The badge of a locked channel elsewhere proves the overlay ran before we look for its absence.
  await expect(rowHeader(viewer1, (await channelWithRule('Kids')).name)).toContainText('Kids');
  await expect(header1.locator('[data-lock-badge]')).toHaveCount(0);

  const second = await browser.newContext();
  const viewer3 = await second.newPage();
  await signIn(viewer3, 'viewer3@primetime.test');
  await placeViewer(viewer3, '/api/me/entitlements', FR_ORANGE);
  await viewer3.goto('/guide');
  const header3 = rowHeader(viewer3, sport.name);
  await expect(header3).toContainText(sport.packages[0]!);
  await expect(channelLink(viewer3, sport.name)).toHaveAccessibleDescription(new RegExp(`^Locked: Included in ${sport.packages[0]}`));

  await first.close();
  await second.close();
});

test('the cached page is the same for every viewer and stays edge-cacheable', async ({ browser, request }) => {
  const [slug] = (await query<{ slug: string }>('SELECT slug FROM vod_titles WHERE published_at IS NOT NULL AND archived_at IS NULL ORDER BY published_at DESC LIMIT 1')).map((r) => r.slug);
  const path = `/vod/titles/${slug}`;
  await request.get(path); // warm
  const bodies: string[] = [];
  for (const email of ['viewer1@primetime.test', 'viewer3@primetime.test']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    const response = await page.request.get(path);
    expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+/);
    bodies.push(await response.text());
    await context.close();
  }
  expect(bodies[0]).toBe(bodies[1]);
  const guide = await request.get('/guide');
  expect(guide.headers()['cache-control']).toMatch(/s-maxage=\d+/);
});
