// "Add to watchlist" on a cached title page: optimistic (flips before the server answers),
// rolled back when the write fails, persisted across reloads, listed on /account/watchlist.
// viewer5 is used by no other spec, so its list starts from what this spec leaves.
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/database';

const EMAIL = 'viewer5@primetime.test';

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill('primetime-viewer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
}

test('adds and removes a title optimistically, and the list persists', async ({ page }) => {
  const [title] = await query<{ id: string; slug: string; title: string }>(
    'SELECT id, slug, title FROM vod_titles WHERE published_at IS NOT NULL AND archived_at IS NULL ORDER BY published_at DESC OFFSET 1 LIMIT 1',
  );
  await query(`DELETE FROM watchlist_items w USING users u WHERE u.id = w.user_id AND u.email = $1`, [EMAIL]);
  await signIn(page);
  await page.goto(`/vod/titles/${title!.slug}`);

  // Hold the write: the button must flip before the server has answered.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/me/watchlist', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  await expect(page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible();
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/me/watchlist') && response.request().method() === 'POST');
  release();
  expect((await saved).status()).toBe(201);
  await page.unroute('**/api/me/watchlist');
  const rows = await query<{ item_id: string }>(`SELECT w.item_id FROM watchlist_items w JOIN users u ON u.id = w.user_id WHERE u.email = $1`, [EMAIL]);
  expect(rows.map((row) => row.item_id)).toEqual([title!.id]);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible();
  await page.goto('/account/watchlist');
  await expect(page.getByRole('list', { name: 'Watchlist' }).getByRole('link', { name: title!.title })).toBeVisible();

  // A failed removal rolls back and says so.
  await page.goto(`/vod/titles/${title!.slug}`);
  await page.route('**/api/me/watchlist', (route) =>
    route.request().method() === 'DELETE' ? route.fulfill({ status: 503, body: '{}' }) : route.continue(),
  );
  await page.getByRole('button', { name: 'Remove from watchlist' }).click();
  await expect(page.getByRole('status')).toHaveText('Could not remove it from your watchlist.');
  await expect(page.getByRole('button', { name: 'Remove from watchlist' })).toBeVisible();
  await page.unroute('**/api/me/watchlist');

  const removed = page.waitForResponse((response) => response.url().endsWith('/api/me/watchlist') && response.request().method() === 'DELETE');
  await page.getByRole('button', { name: 'Remove from watchlist' }).click();
  await expect(page.getByRole('button', { name: 'Add to watchlist' })).toBeEnabled();
  expect((await removed).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Add to watchlist' })).toBeEnabled();
  await page.goto('/account/watchlist');
  await expect(page.getByText('Your watchlist is empty.')).toBeVisible();
});

test('anonymous viewers are asked to sign in and the API refuses them', async ({ page, request }) => {
  const [title] = await query<{ slug: string }>('SELECT slug FROM vod_titles WHERE published_at IS NOT NULL AND archived_at IS NULL ORDER BY published_at DESC LIMIT 1');
  await page.goto(`/vod/titles/${title!.slug}`);
  await expect(page.getByRole('link', { name: 'Sign in to add to your watchlist' })).toBeVisible();
  expect((await request.get('/api/me/watchlist')).status()).toBe(401);
  expect((await request.post('/api/me/watchlist', { data: { kind: 'title', id: 'x' } })).status()).toBe(401);
});
