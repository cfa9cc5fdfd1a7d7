// "View as" end to end: an editor picks a profile, place, network and clock in the back
// office, then sees the guide and a title page with that viewer's lock badges and a banner,
// and stops it from the banner. Expected values come from the seeded rules: "Sport Europe
// (not US)" (Sports, denied in the US; its GB/IE blackout does not touch DE) on the guide,
// and "Premiere window" (Cinema, denied in the US, from the day after seeding) on a title.
// Sessions are minted (support/minted-session.ts): sign-in is rate limited per address.
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';
import { pageAs } from './support/minted-session';

const EDITOR = 'editor@primetime.test';

async function channelWithRule(ruleName: string): Promise<string> {
  const [row] = await query<{ name: string }>(
    `SELECT c.name FROM channels c JOIN rights_rules r ON r.id = c.rights_rule_id WHERE r.name = $1 AND c.archived_at IS NULL ORDER BY c.number LIMIT 1`,
    [ruleName],
  );
  if (!row) throw new Error(`no channel with the rule "${ruleName}": is the database seeded (--size=test)?`);
  return row.name;
}

const rowHeader = (page: Page, channel: string) => page.getByRole('rowheader', { name: new RegExp(`${channel}$`) });
const banner = (page: Page) => page.getByRole('complementary', { name: 'View as' });

/** "2026-11-23T20:00" in UTC, for the form's datetime-local field with the zone set to UTC. */
const utcWallTime = (at: Date) => at.toISOString().slice(0, 16);

interface Choice {
  packages: string[];
  country: string;
  isp?: string;
  clock?: string;
}

async function viewAs(page: Page, choice: Choice): Promise<void> {
  await page.goto('/admin/view-as');
  const form = page.getByRole('form', { name: 'View as' });
  for (const box of await form.getByRole('checkbox').all()) await box.uncheck();
  for (const name of choice.packages) await form.getByRole('checkbox', { name, exact: true }).check();
  await form.getByLabel('Country').fill(choice.country);
  await form.getByLabel('Network (ISP)').selectOption(choice.isp ? { label: choice.isp } : '');
  await form.getByLabel('Clock', { exact: true }).fill(choice.clock ?? '');
  await form.getByLabel('Time zone of the clock').fill('UTC');
  await form.getByRole('button', { name: 'View as this viewer' }).click();
  await expect(form.getByRole('status')).toContainText('Viewing as:');
}

test.describe.configure({ mode: 'serial' });

test.describe('view as', () => {
  test('an editor sees the guide as a Sports subscriber in Germany on Telekom, then as themselves again', async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const sport = await channelWithRule('Sport Europe (not US)');
    const kids = await channelWithRule('Kids');
    const page = await pageAs(browser, baseURL!, EDITOR);

    // Themselves: no packages, and from 127.0.0.1 their place is unknown: locked.
    await page.goto('/guide');
    await expect(rowHeader(page, sport).locator('[data-lock-badge]')).toHaveCount(1);

    // A bad value is a field error, and nothing changes.
    await page.goto('/admin/view-as');
    const form = page.getByRole('form', { name: 'View as' });
    await form.getByLabel('Country').fill('Germany');
    await form.getByRole('button', { name: 'View as this viewer' }).click();
    await expect(form.getByRole('alert')).toHaveText('Check the highlighted fields.');
    await expect(form.getByText('Use a two-letter country code such as DE')).toBeVisible();

    await viewAs(page, { packages: ['Sports'], country: 'DE', isp: 'Deutsche Telekom (DE)' });
    await page.goto('/guide');
    await expect(banner(page)).toContainText('Viewing as: Sports · DE · Deutsche Telekom · Real time');
    // The Kids channel's badge proves the overlay ran before we look for the sport channel's absence.
    await expect(rowHeader(page, kids)).toContainText('Kids');
    await expect(rowHeader(page, sport).locator('[data-lock-badge]')).toHaveCount(0);

    await banner(page).getByRole('button', { name: 'Stop viewing as' }).click();
    await expect(banner(page)).toHaveCount(0);
    await expect(rowHeader(page, sport).locator('[data-lock-badge]')).toHaveCount(1);
    await page.context().close();
  });

  test('the simulated clock and country decide a title page: not yet, watchable, not in the US', async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const [title] = await query<{ slug: string; available_from: Date }>(
      `SELECT t.slug, r.available_from FROM vod_titles t JOIN rights_rules r ON r.id = t.rights_rule_id
        WHERE r.name LIKE 'Premiere window%' AND t.published_at IS NOT NULL AND t.archived_at IS NULL ORDER BY t.slug LIMIT 1`,
    );
    if (!title) throw new Error('no title in a premiere window: is the database seeded (--size=test)?');
    const opens = new Date(title.available_from);
    const page = await pageAs(browser, baseURL!, EDITOR);
    const slot = page.locator('[data-overlay="ready"]');

    await viewAs(page, { packages: ['Cinema'], country: 'DE', clock: utcWallTime(new Date(opens.getTime() - 86_400_000)) });
    await page.goto(`/vod/titles/${title.slug}`);
    await expect(banner(page)).toContainText('Viewing as: Cinema · DE · Any network');
    await expect(slot.locator('[data-lock-badge]')).toContainText(/^From /);

    await viewAs(page, { packages: ['Cinema'], country: 'DE', clock: utcWallTime(new Date(opens.getTime() + 86_400_000)) });
    await page.goto(`/vod/titles/${title.slug}`);
    await expect(slot).toBeVisible();
    await expect(slot.locator('[data-lock-badge]')).toHaveCount(0);

    await viewAs(page, { packages: ['Cinema'], country: 'US', clock: utcWallTime(new Date(opens.getTime() + 86_400_000)) });
    await page.goto(`/vod/titles/${title.slug}`);
    await expect(slot.locator('[data-lock-badge]')).toContainText('Not in your country');
    await expect(slot).toContainText('Locked: Not available in your country.');

    // Playback stays real: the editor holds no Cinema package whatever the badge says.
    const [{ id } = { id: '' }] = await query<{ id: string }>('SELECT id FROM vod_titles WHERE slug = $1', [title.slug]);
    const play = await page.request.post(`/api/playback/title/${id}`);
    expect(play.status()).toBe(403);
    expect(await play.json()).toMatchObject({ error: { reasons: expect.arrayContaining([expect.objectContaining({ code: 'package_required' })]) } });

    // Stopped from the back office this time.
    await page.goto('/admin/view-as');
    await page.getByRole('button', { name: 'Stop viewing as' }).click();
    await expect(page.getByText('You are seeing pages as yourself.')).toBeVisible();
    await page.goto(`/vod/titles/${title.slug}`);
    await expect(slot.locator('[data-lock-badge]')).not.toContainText('Not in your country');
    await expect(banner(page)).toHaveCount(0);
    await page.context().close();
  });
});
