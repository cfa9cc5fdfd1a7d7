// The subscriber (viewer1: GB, Basic + Sports + Cinema) sees their own packages, as the
// database has them, on the account page.
import { AccountPage } from '../pages/account-page';
import { query } from '../support/database';
import { expect, test } from '../support/fixtures';

test('the account page lists every package the subscriber has', async ({ page }) => {
  const packages = await query<{ name: string }>(
    `SELECT p.name FROM subscriptions s JOIN packages p ON p.id = s.package_id JOIN users u ON u.id = s.user_id
      WHERE u.email = 'viewer1@primetime.test' ORDER BY p.name`,
  );
  expect(packages.length).toBeGreaterThan(0);
  const account = new AccountPage(page);
  await account.goto();
  await expect(account.heading).toBeVisible();
  await expect(page.getByText('viewer1@primetime.test', { exact: true })).toBeVisible();
  for (const { name } of packages) await expect(account.packageRow(name)).toBeVisible();
});
