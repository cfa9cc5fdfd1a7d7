// The viewer role (viewer3: FR, no packages) starts signed in from its storageState.
import { AccountPage } from '../pages/account-page';
import { expect, test } from '../support/fixtures';

test('a viewer without packages is told so on the account page', async ({ page }) => {
  const account = new AccountPage(page);
  await account.goto();
  await expect(account.heading).toBeVisible();
  await expect(page.getByText('viewer3@primetime.test', { exact: true })).toBeVisible();
  await expect(page.getByText('You have no packages yet.')).toBeVisible();
  await expect(account.packages).toHaveCount(0);
});
