// The header's account menu (app/_components/auth/account-menu.tsx, mounted in the root
// layout's header): "Sign in" for anonymous visitors, the account link once signed in,
// while shared pages stay cacheable because the menu asks the session endpoint from the
// browser instead of reading cookies on the server.
import { expect, test } from '@playwright/test';

test('the header offers sign-in on a shared page, then links to the account', async ({ page }) => {
  const response = await page.goto('/guide');
  expect(response?.headers()['cache-control'] ?? '').toMatch(/s-maxage=\d+/);

  const header = page.getByRole('banner');
  await header.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fguide$/);
  await page.getByLabel('Email').fill('viewer2@primetime.test');
  await page.getByLabel('Password').fill('primetime-viewer');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/guide$/);
  await expect(header.getByRole('link', { name: 'Your account (viewer2@primetime.test)' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);

  // Signed in or not, the shared page's response is the same cacheable document.
  const again = await page.request.get('/guide');
  expect(again.headers()['cache-control'] ?? '').toMatch(/s-maxage=\d+/);
  expect(again.headers()['set-cookie']).toBeUndefined();
});
